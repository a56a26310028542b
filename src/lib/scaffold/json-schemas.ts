import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "astro/zod";
import { CampaignSchema } from "../../schemas/campaign.ts";
import { CaseSchema } from "../../schemas/case.ts";
import { DateSchema } from "../../schemas/common.ts";
import { CourseSchema } from "../../schemas/course.ts";
import { EventSchema } from "../../schemas/event.ts";
import { GlossaryTermSchema } from "../../schemas/glossary.ts";
import { LessonSchema } from "../../schemas/lesson.ts";
import { MaterialSchema } from "../../schemas/material.ts";
import { PolicySchema } from "../../schemas/policy.ts";
import { QuestionSchema } from "../../schemas/question.ts";
import { SiteSchema } from "../../schemas/site.ts";
import { TopicSchema } from "../../schemas/topic.ts";

/**
 * JSON Schema files for editors (VS Code's YAML extension reads them from
 * .vscode/settings.json): completion, hover and red squiggles while typing.
 * `npm run check` stays the authority; these only help earlier.
 */
export const JSON_SCHEMA_SOURCES = {
  site: { schema: SiteSchema, title: "Union KB site settings (content/site.yaml)" },
  topics: { schema: z.array(TopicSchema), title: "Union KB topics (content/topics.yaml)" },
  glossary: {
    schema: z.array(GlossaryTermSchema),
    title: "Union KB glossary (content/glossary.yaml)",
  },
  course: { schema: CourseSchema, title: "Union KB course (content/courses/<course>/course.yaml)" },
  lesson: { schema: LessonSchema, title: "Union KB lesson frontmatter (NN-<lesson>.mdx)" },
  policy: {
    schema: PolicySchema,
    title: "Union KB policy frontmatter (policies/<policy>/index.mdx)",
  },
  questions: {
    schema: z.array(QuestionSchema),
    title: "Union KB question bank (content/courses/<course>/questions.yaml)",
  },
  case: { schema: CaseSchema, title: "Union KB case frontmatter (cases/<case>.mdx)" },
  event: { schema: EventSchema, title: "Union KB event (content/events/<event>.yaml)" },
  campaigns: {
    schema: z.array(CampaignSchema),
    title: "Union KB yearly campaign templates (content/campaigns.yaml)",
  },
  material: {
    schema: MaterialSchema,
    title: "Union KB publicity material (content/materials/<material>.yaml)",
  },
} as const;

export type JsonSchemaName = keyof typeof JSON_SCHEMA_SOURCES;

type JsonObject = Record<string, unknown>;

/**
 * One schema as JSON text. Dates are a preprocess + transform in zod, which
 * JSON Schema cannot express, so they are written as `format: date` strings
 * with a pattern for the years 1949–2100,
 * and required again where the zod field is required (zod sees a preprocess
 * input as optional).
 */
export function jsonSchemaText(name: JsonSchemaName): string {
  const { schema, title } = JSON_SCHEMA_SOURCES[name];
  const json = z.toJSONSchema(schema, {
    io: "input",
    override: ({ zodSchema, jsonSchema }) => {
      const target = jsonSchema as JsonObject;
      if (zodSchema === DateSchema) {
        for (const key of Object.keys(target)) delete target[key];
        // Years 1949–2100, as DATE_RANGE in src/schemas/common.ts.
        Object.assign(target, {
          type: "string",
          format: "date",
          pattern: "^(?:19(?:49|[5-9]\\d)|20\\d\\d|2100)-\\d{2}-\\d{2}$",
        });
        return;
      }
      const shape = (zodSchema as unknown as { shape?: Record<string, unknown> }).shape;
      if (zodSchema._zod.def.type !== "object" || !shape) return;
      const dates = Object.keys(shape).filter((key) => shape[key] === DateSchema);
      if (!dates.length) return;
      const required = new Set([...((target.required as string[] | undefined) ?? []), ...dates]);
      target.required = Object.keys(shape).filter((key) => required.has(key));
    },
  }) as JsonObject;
  const { $schema, ...rest } = json;
  return `${JSON.stringify({ $schema, title, ...rest }, null, 2)}\n`;
}

/** Every schema file: name → JSON text, for schemas/json/<name>.json. */
export function allJsonSchemas(): Record<JsonSchemaName, string> {
  const names = Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaName[];
  return Object.fromEntries(names.map((name) => [name, jsonSchemaText(name)])) as Record<
    JsonSchemaName,
    string
  >;
}

/**
 * Writes every schema to `<outDir>/<name>.json`, laid out the way `npm run lint`
 * expects (so regenerating never fails the lint), and returns the paths written.
 */
export function writeJsonSchemas(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const paths = Object.entries(allJsonSchemas()).map(([name, text]) => {
    const path = join(outDir, `${name}.json`);
    writeFileSync(path, text, "utf8");
    return path;
  });
  const biome = resolve(import.meta.dirname, "../../../node_modules/.bin/biome");
  spawnSync(biome, ["format", "--write", ...paths], { stdio: "ignore" });
  return paths;
}
