import { defineCollection } from "astro:content";
import type { KbCollection } from "./lib/astro/kb-loader.ts";
import { offeredCollectionParts } from "./lib/astro/native-collection-parts.ts";

// The loader and the schemas as `npm run build` already loaded them, or
// imported here (src/lib/astro/native-collection-parts.ts says why).
const {
  contentDir,
  kbLoader,
  CaseSchema,
  CourseSchema,
  EventSchema,
  GlossaryTermSchema,
  LessonSchema,
  MaterialSchema,
  PolicySchema,
  QuestionSchema,
  SiteSchema,
  TopicSchema,
} = offeredCollectionParts() ?? (await import("./lib/astro/collection-parts.ts"));

// Every collection is loaded from the same parse as `npm run check`
// (src/lib/astro/kb-loader.ts), so what passes the check is what gets built.
const root = contentDir();
const from = (collection: KbCollection) => kbLoader(root, collection);

export const collections = {
  site: defineCollection({ loader: from("site"), schema: SiteSchema }),
  topics: defineCollection({ loader: from("topics"), schema: TopicSchema }),
  glossary: defineCollection({ loader: from("glossary"), schema: GlossaryTermSchema }),
  courses: defineCollection({ loader: from("courses"), schema: CourseSchema }),
  lessons: defineCollection({ loader: from("lessons"), schema: LessonSchema }),
  questions: defineCollection({ loader: from("questions"), schema: QuestionSchema }),
  policies: defineCollection({ loader: from("policies"), schema: PolicySchema }),
  lawTexts: defineCollection({ loader: from("lawTexts") }),
  cases: defineCollection({ loader: from("cases"), schema: CaseSchema }),
  events: defineCollection({ loader: from("events"), schema: EventSchema }),
  materials: defineCollection({ loader: from("materials"), schema: MaterialSchema }),
};
