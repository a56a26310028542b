import { defineCollection } from "astro:content";
import { type KbCollection, kbLoader } from "./lib/astro/kb-loader.ts";
import { contentDir } from "./lib/kb/content-dir.ts";
import { CaseSchema } from "./schemas/case.ts";
import { CourseSchema } from "./schemas/course.ts";
import { EventSchema } from "./schemas/event.ts";
import { GlossaryTermSchema } from "./schemas/glossary.ts";
import { LessonSchema } from "./schemas/lesson.ts";
import { MaterialSchema } from "./schemas/material.ts";
import { PolicySchema } from "./schemas/policy.ts";
import { QuestionSchema } from "./schemas/question.ts";
import { SiteSchema } from "./schemas/site.ts";
import { TopicSchema } from "./schemas/topic.ts";

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
