import type { Question, QuestionType } from "../../schemas/question.ts";
import type { LawArticle } from "../law/parse-law-text.ts";
import { correctIndexes } from "./answers.ts";

/** A cited article as a quiz shows it after answering. */
export interface QuizCite {
  /** 《职业教育法（2022）》第二十四条 */
  label: string;
  /** Its anchor on the policy page, base path included. */
  href: string;
  /** The article's paragraphs, as the official text has them. */
  paragraphs: string[];
}

/** One question ready for a page: everything the browser needs, nothing it must look up. */
export interface QuizItem {
  /** `<course>/<id>` */
  id: string;
  course: string;
  type: QuestionType;
  question: string;
  /** The choices; a true/false question gets the two words of its language. */
  options: string[];
  /** Indexes of the right options. */
  correct: number[];
  explanation: string;
  difficulty: Question["difficulty"];
  topics: string[];
  cites: QuizCite[];
}

/** What quizItem needs to describe a cited article. */
export interface CiteLookup {
  shortTitle(policy: string): string;
  article(policy: string, article: number): LawArticle | undefined;
  href(policy: string, article: number): string;
  label(shortTitle: string, article: number): string;
}

/** A question of the bank as a page shows it. */
export function quizItem(
  id: string,
  course: string,
  question: Question,
  trueFalse: readonly [string, string],
  lookup: CiteLookup,
): QuizItem {
  return {
    id,
    course,
    type: question.type,
    question: question.question,
    options: question.type === "true-false" ? [...trueFalse] : (question.options ?? []),
    correct: correctIndexes(question),
    explanation: question.explanation,
    difficulty: question.difficulty,
    topics: question.topics,
    cites: question.cites.map((cite) => ({
      label: lookup.label(lookup.shortTitle(cite.policy), cite.article),
      href: lookup.href(cite.policy, cite.article),
      paragraphs: (lookup.article(cite.policy, cite.article)?.paragraphs ?? []).map(
        (p) => `${p.item ?? ""}${p.text}`,
      ),
    })),
  };
}

/** A number from a text, to seed the draw of a page's self-test (FNV-1a). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
