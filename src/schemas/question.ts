import { z } from "astro/zod";
import { CitationSchema, IdSchema, TextSchema } from "./common.ts";

/** The kinds of question a paper groups by: 单选题, 多选题, 判断题. */
export const QuestionTypeSchema = z.enum(["single", "multiple", "true-false"]);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const DifficultySchema = z.enum(["easy", "medium", "hard"]);
export type Difficulty = z.infer<typeof DifficultySchema>;

/** An option's letter, as printed on papers and answer sheets. */
export const OptionLetterSchema = z
  .string()
  .regex(/^[A-H]$/, "a capital letter from A to H naming one of the options");

/**
 * One entry of content/courses/<course>/questions.yaml: a question of the
 * course's question bank, for self-tests, the kiosk quiz and exam papers.
 * `answer` is a letter for single choice, a list of letters for multiple
 * choice and true or false for a true/false question; the check compares it
 * with `options` (src/lib/check/references/questions.ts).
 */
export const QuestionSchema = z.strictObject({
  /** Unique within the course's file; the site uses `<course>/<id>`. */
  id: IdSchema,
  type: QuestionTypeSchema,
  /** The question (stem) as printed. */
  question: TextSchema.max(500, "a question of at most 500 characters"),
  /** Choices A, B, C… in order; not used by true/false questions. */
  options: z
    .array(TextSchema.max(200, "an option of at most 200 characters"))
    .min(2)
    .max(8)
    .optional(),
  answer: z.union([OptionLetterSchema, z.array(OptionLetterSchema).min(1), z.boolean()]),
  /** Why the answer is right, shown after answering and printed in the answer key. */
  explanation: TextSchema.max(1000, "an explanation of at most 1000 characters"),
  difficulty: DifficultySchema.default("medium"),
  topics: z.array(IdSchema).default([]),
  /** The article(s) the answer rests on: at least one. */
  cites: z.array(CitationSchema).min(1),
  /** Slug of the lesson of this course the question belongs to (its self-test); none: the course's. */
  lesson: IdSchema.optional(),
});
export type Question = z.infer<typeof QuestionSchema>;
