import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import type { z } from "astro/zod";
import { vi } from "vitest";
import { type KbCollection, kbLoader } from "../../src/lib/astro/kb-loader.ts";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { CaseSchema } from "../../src/schemas/case.ts";
import { CourseSchema } from "../../src/schemas/course.ts";
import { EventSchema } from "../../src/schemas/event.ts";
import { GlossaryTermSchema } from "../../src/schemas/glossary.ts";
import { LessonSchema } from "../../src/schemas/lesson.ts";
import { MaterialSchema } from "../../src/schemas/material.ts";
import { PolicySchema } from "../../src/schemas/policy.ts";
import { QuestionSchema } from "../../src/schemas/question.ts";
import { SiteSchema } from "../../src/schemas/site.ts";
import { TopicSchema } from "../../src/schemas/topic.ts";
import { type FixtureGroup, fixtureContent, ROOT } from "./fixtures.ts";

/**
 * The query layer (`src/data/*.ts`) without an Astro build, as Starlight's
 * `__tests__/test-utils.ts` does it: `astro:content` is replaced by a module
 * over an in-memory store. The store is filled the way Astro fills it, by our
 * own Content Layer loader (src/lib/astro/kb-loader.ts) over a fixture
 * knowledge base, with each entry's data parsed by its collection's schema.
 */

/** One entry as Astro's `getCollection()` and `getEntry()` return it. */
export interface ContentEntry {
  id: string;
  collection: KbCollection;
  data: unknown;
  body?: string;
  filePath?: string;
  digest?: string;
}

/** Every collection's entries, in the order the loader stored them. */
export type Collections = Map<KbCollection, ContentEntry[]>;

/** The schemas of src/content.config.ts (law texts are parsed by the loader itself). */
const SCHEMAS = {
  site: SiteSchema,
  topics: TopicSchema,
  glossary: GlossaryTermSchema,
  courses: CourseSchema,
  lessons: LessonSchema,
  questions: QuestionSchema,
  policies: PolicySchema,
  cases: CaseSchema,
  events: EventSchema,
  materials: MaterialSchema,
} satisfies Record<Exclude<KbCollection, "lawTexts">, z.ZodType>;

const COLLECTIONS: KbCollection[] = [...(Object.keys(SCHEMAS) as KbCollection[]), "lawTexts"];

/** The parts of Astro's loader context kbLoader uses, storing into `entries`. */
function loaderContext(collection: KbCollection, entries: Map<string, ContentEntry>, base: string) {
  return {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Omit<ContentEntry, "collection">) => {
        entries.set(entry.id, { ...entry, collection });
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
      addModuleImport: () => {},
    },
    parseData: async ({ data }: { data: unknown }) =>
      collection === "lawTexts" ? data : SCHEMAS[collection].parse(data),
    generateDigest: (value: string) => createHash("sha256").update(value).digest("hex"),
    config: { root: pathToFileURL(`${ROOT}/`), base },
    logger: { error: () => {}, warn: () => {}, info: () => {} },
  } as unknown as LoaderContext; // only the members above are read
}

/**
 * Loads a knowledge base into collections as Astro's Content Layer would.
 * Fails when the check finds an error: the query layer only ever sees
 * knowledge bases that passed it.
 */
export async function loadCollections(contentDir: string, base = "/"): Promise<Collections> {
  const { errors, problems } = checkKnowledgeBase(contentDir);
  if (errors > 0)
    throw new Error(
      `the test knowledge base does not pass the check:\n${JSON.stringify(problems)}`,
    );
  const collections: Collections = new Map();
  for (const collection of COLLECTIONS) {
    const entries = new Map<string, ContentEntry>();
    await kbLoader(contentDir, collection).load(loaderContext(collection, entries, base));
    collections.set(collection, [...entries.values()]);
  }
  return collections;
}

/** A stand-in for the `astro:content` module, reading `collections`. */
export function astroContent(collections: Collections) {
  const entriesOf = (collection: string) => collections.get(collection as KbCollection) ?? [];
  return {
    /** Like Astro's: a new array each call (src/data sorts the result in place). */
    getCollection: async (collection: string, filter?: (entry: ContentEntry) => unknown) =>
      entriesOf(collection).filter((entry) => (filter ? filter(entry) : true)),
    getEntry: async (collection: string, id: string) =>
      entriesOf(collection).find((entry) => entry.id === id),
    render: async () => {
      throw new Error(
        "render() makes an Astro component: read entry.rendered.html, or test the page with a build",
      );
    },
  };
}

/** The modules of src/data, imported fresh against one knowledge base. */
export async function importDataLayer(collections: Collections, base = "/") {
  // Each module keeps what it computed (lesson index, citations, lists) for
  // the rest of the build, so every knowledge base needs fresh modules.
  vi.resetModules();
  vi.doMock("astro:content", () => astroContent(collections));
  vi.doMock("astro:config/client", () => ({ base }));
  return {
    cacheKey: await import("../../src/data/cache-key.ts"),
    citations: await import("../../src/data/citations.ts"),
    courses: await import("../../src/data/courses.ts"),
    events: await import("../../src/data/events.ts"),
    feed: await import("../../src/data/feed.ts"),
    library: await import("../../src/data/library.ts"),
    listings: await import("../../src/data/listings.ts"),
    policies: await import("../../src/data/policies.ts"),
    searchFilters: await import("../../src/data/search-filters.ts"),
    site: await import("../../src/data/site.ts"),
    urls: await import("../../src/data/urls.ts"),
  };
}

export type DataLayer = Awaited<ReturnType<typeof importDataLayer>> & { collections: Collections };

/** Options for {@link dataLayer}. */
export interface DataLayerOptions {
  /** An overlay from tests/fixtures/<group>/ (default: the valid fixture alone). */
  scenario?: string;
  group?: FixtureGroup;
  /** Changes the copied knowledge base before it is loaded. */
  edit?: (contentDir: string) => void;
  /** The site's base path, as `astro:config/client` gives it. */
  base?: string;
}

/**
 * The query layer over a fixture knowledge base: the valid fixture with an
 * overlay and edits, loaded, then src/data imported against it.
 */
export async function dataLayer(options: DataLayerOptions = {}): Promise<DataLayer> {
  const dir = fixtureContent(options.scenario, options.group);
  try {
    options.edit?.(dir);
    const collections = await loadCollections(dir, options.base);
    return { ...(await importDataLayer(collections, options.base)), collections };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The library overlay (tests/fixtures/extra/library/) most data tests read. */
export const LIBRARY = { scenario: "library", group: "extra" } as const;
