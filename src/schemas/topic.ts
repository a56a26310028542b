import { z } from "astro/zod";
import { IdSchema, TextSchema } from "./common.ts";

/** One entry of content/topics.yaml, the controlled vocabulary of topics. */
export const TopicSchema = z.strictObject({
  id: IdSchema,
  zh: TextSchema,
  en: TextSchema,
  description: TextSchema.optional(),
  descriptionEn: TextSchema.optional(),
});
export type Topic = z.infer<typeof TopicSchema>;
