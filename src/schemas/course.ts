import { z } from "astro/zod";
import { AudienceSchema, EntryBaseSchema, FormatSchema, IdSchema, TextSchema } from "./common.ts";

/** content/courses/<course>/course.yaml. Lessons are the NN-*.mdx files beside it. */
export const CourseSchema = EntryBaseSchema.extend({
  audience: z.array(AudienceSchema).min(1),
  level: z.enum(["introductory", "intermediate", "advanced"]),
  hours: z.number().positive().max(500),
  objectives: z.array(TextSchema).min(1),
  format: FormatSchema,
  featured: z.boolean().default(false),
  /** Id of the course this one translates, if any. */
  translationOf: IdSchema.optional(),
});
export type Course = z.infer<typeof CourseSchema>;
