import { defineCollection } from "astro:content";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { file, glob } from "astro/loaders";
import { parse as parseYaml } from "yaml";
import { lawTextLoader } from "./lib/astro/law-text-loader.ts";
import { contentDir } from "./lib/content-dir.ts";
import { caseId, folderId, parseLessonPath } from "./lib/content-paths.ts";
import { CaseSchema } from "./schemas/case.ts";
import { CourseSchema } from "./schemas/course.ts";
import { GlossaryTermSchema } from "./schemas/glossary.ts";
import { LessonSchema } from "./schemas/lesson.ts";
import { PolicySchema } from "./schemas/policy.ts";
import { SiteSchema } from "./schemas/site.ts";
import { TopicSchema } from "./schemas/topic.ts";

const root = contentDir();
const dir = (path: string) => pathToFileURL(`${root}/${path}/`);

const site = defineCollection({
  loader: {
    name: "union-kb-site",
    load: async ({ store, parseData, generateDigest }) => {
      const text = readFileSync(`${root}/site.yaml`, "utf8");
      const data = await parseData({ id: "site", data: parseYaml(text) });
      store.set({ id: "site", data, digest: generateDigest(text) });
    },
  },
  schema: SiteSchema,
});

const topics = defineCollection({ loader: file(`${root}/topics.yaml`), schema: TopicSchema });
const glossary = defineCollection({
  loader: file(`${root}/glossary.yaml`),
  schema: GlossaryTermSchema,
});

const courses = defineCollection({
  loader: glob({
    pattern: "*/course.yaml",
    base: dir("courses"),
    generateId: ({ entry }) => folderId(entry),
  }),
  schema: CourseSchema,
});

const lessons = defineCollection({
  loader: glob({
    pattern: "*/[0-9]*-*.mdx",
    base: dir("courses"),
    generateId: ({ entry }) => parseLessonPath(entry)?.id ?? entry,
  }),
  schema: LessonSchema,
});

const policies = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: dir("policies"),
    generateId: ({ entry }) => folderId(entry),
  }),
  schema: PolicySchema,
});

const lawTexts = defineCollection({ loader: lawTextLoader(`${root}/policies`) });

const cases = defineCollection({
  loader: glob({
    pattern: "**/*.mdx",
    base: dir("cases"),
    generateId: ({ entry }) => caseId(entry),
  }),
  schema: CaseSchema,
});

export const collections = { site, topics, glossary, courses, lessons, policies, lawTexts, cases };
