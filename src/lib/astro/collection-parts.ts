/**
 * What src/content.config.ts defines the collections with: the loader that
 * fills them from the knowledge base's parse, and one schema per collection.
 * `npm run build` hands this module over as Node loaded it (see
 * native-collection-parts.ts); elsewhere content.config.ts imports it.
 */

export { CaseSchema } from "../../schemas/case.ts";
export { CourseSchema } from "../../schemas/course.ts";
export { EventSchema } from "../../schemas/event.ts";
export { GlossaryTermSchema } from "../../schemas/glossary.ts";
export { LessonSchema } from "../../schemas/lesson.ts";
export { MaterialSchema } from "../../schemas/material.ts";
export { PolicySchema } from "../../schemas/policy.ts";
export { QuestionSchema } from "../../schemas/question.ts";
export { SiteSchema } from "../../schemas/site.ts";
export { TopicSchema } from "../../schemas/topic.ts";
export { contentDir } from "../kb/content-dir.ts";
export { kbLoader } from "./kb-loader.ts";
