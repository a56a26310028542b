import { z } from "astro/zod";
import { CitationSchema, EntryBaseSchema, FormatSchema, TextSchema } from "./common.ts";

/** Frontmatter of content/courses/<course>/NN-<lesson>.mdx. */
export const LessonSchema = EntryBaseSchema.extend({
  duration: z.number().int().positive().max(600),
  objectives: z.array(TextSchema).min(1),
  format: FormatSchema,
  cites: z.array(CitationSchema).default([]),
  questions: z.array(TextSchema).default([]),
  handout: z
    .strictObject({
      paper: z.enum(["A4", "Letter"]).default("A4"),
      noteLines: z.number().int().min(0).max(40).default(8),
    })
    .default({ paper: "A4", noteLines: 8 }),
});
export type Lesson = z.infer<typeof LessonSchema>;
