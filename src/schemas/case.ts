import { z } from "astro/zod";
import { CitationSchema, EntryBaseSchema, TextSchema } from "./common.ts";

/** Frontmatter of content/cases/<case>.mdx. */
export const CaseSchema = EntryBaseSchema.extend({
  kind: z.enum(["typical-demonstration", "case-analysis", "dispute"]),
  sector: TextSchema,
  region: TextSchema.optional(),
  year: z.number().int().min(1949).max(2100),
  /** Invented cases must say so; they are labelled on the page and in print. */
  fictional: z.boolean({ error: "true or false: say whether the case is invented" }),
  cites: z.array(CitationSchema).default([]),
  lessonsLearned: z.array(TextSchema).min(1),
  questions: z.array(TextSchema).default([]),
});
export type Case = z.infer<typeof CaseSchema>;
