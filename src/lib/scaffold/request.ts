import { CliError } from "../cli/cli-error.ts";
import type { Problem } from "../kb/problems.ts";

/** What `npm run new` can create. */
export const ENTITY_KINDS = [
  "course",
  "lesson",
  "policy",
  "case",
  "term",
  "event",
  "question",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Whether a word from the command line names something `npm run new` can create. */
export function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** Answers for one new entry, from the command line or the prompts. */
export interface ScaffoldRequest {
  kind: EntityKind;
  contentDir: string;
  title?: string | undefined;
  titleEn?: string | undefined;
  /** Overrides the slug made from the title (or, for a term, the id). */
  slug?: string | undefined;
  /** Lessons and questions: the course folder name. */
  course?: string | undefined;
  /** Cases: false for a real case (default: fictional, so it is labelled). */
  fictional?: boolean | undefined;
  zh?: string | undefined;
  en?: string | undefined;
  pinyin?: string | undefined;
  definition?: string | undefined;
  /** Events: the id of a yearly template in content/campaigns.yaml. */
  campaign?: string | undefined;
  /** Events made from a campaign: its year (default: this year). */
  year?: string | undefined;
  /** YYYY-MM-DD; default today. */
  today?: string | undefined;
}

/** What was created, for the closing message. */
export interface ScaffoldResult {
  /** Absolute path of the created or changed file. */
  path: string;
  /** Id or slug of the new entry. */
  id: string;
  /** Warnings about the new file (errors elsewhere are only counted). */
  problems: Problem[];
  /** Errors in other files of the knowledge base, already there before. */
  otherErrors: number;
  nextSteps: string[];
}

/** A refusal with the exit code to use: 1 (content: exists, invalid) or 2 (usage). */
export class ScaffoldError extends CliError {
  /** The check's report on the new entry, when that is why it was refused. */
  problems: Problem[] = [];
}
