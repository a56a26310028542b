import { z } from "astro/zod";
import { CitationSchema, IdSchema, TextSchema } from "./common.ts";

/** One entry of content/glossary.yaml. */
export const GlossaryTermSchema = z.strictObject({
  id: IdSchema,
  zh: TextSchema,
  en: TextSchema,
  /** Other words for the same thing readers may type (师徒制, 传帮带); indexed and shown. */
  synonyms: z.array(TextSchema).default([]),
  pinyin: z
    .string()
    .regex(
      /^[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ' -]+$/,
      "pinyin in Latin letters, e.g. zhí yè jiào yù",
    ),
  definition: TextSchema,
  definitionEn: TextSchema.optional(),
  related: z.array(IdSchema).default([]),
  topics: z.array(IdSchema).default([]),
  sources: z.array(CitationSchema).default([]),
  /** Terms used in practice but absent from the law texts. */
  practiceTerm: z.boolean().default(false),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
