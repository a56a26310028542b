import { z } from "astro/zod";
import { DateSchema, EntryBaseSchema, IdSchema, TextSchema, TitleSchema } from "./common.ts";

export const PolicyKindSchema = z.enum([
  "law",
  "administrative-regulation",
  "state-council-decision",
  "departmental-rule",
  "local-regulation",
  "union-document",
]);
export type PolicyKind = z.infer<typeof PolicyKindSchema>;

export const PolicyStatusSchema = z.enum(["in-force", "amended", "superseded", "repealed"]);
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

/** Frontmatter of content/policies/<policy>/index.mdx (our summary). */
export const PolicySchema = EntryBaseSchema.extend({
  titleEn: TitleSchema,
  shortTitle: TitleSchema,
  kind: PolicyKindSchema,
  issuer: TextSchema,
  docNumber: TextSchema.optional(),
  adopted: DateSchema,
  effective: DateSchema.optional(),
  revisions: z.array(z.strictObject({ date: DateSchema, note: TextSchema })).default([]),
  status: PolicyStatusSchema,
  /** The day someone compared text.zh.md with the official source, word for word. */
  textChecked: DateSchema.optional(),
  supersedes: IdSchema.optional(),
  supersededBy: IdSchema.optional(),
  keyArticles: z
    .array(z.strictObject({ article: z.number().int().positive(), note: TextSchema }))
    .default([]),
});
export type Policy = z.infer<typeof PolicySchema>;
