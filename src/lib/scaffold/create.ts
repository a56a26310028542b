import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkKnowledgeBase } from "../check/check.ts";
import type { Problem } from "../kb/problems.ts";
import { ScaffoldError, type ScaffoldRequest, type ScaffoldResult } from "./request.ts";
import { localToday } from "./today.ts";
import { writeEntry } from "./write-entry.ts";

/**
 * Creates one entry from a template and checks the knowledge base. When the
 * new file has errors it is removed again (for a term, glossary.yaml is put
 * back as it was) and a ScaffoldError carrying the problems is thrown, so
 * nothing half-valid is left behind.
 */
export function scaffold(request: ScaffoldRequest, cwd = process.cwd()): ScaffoldResult {
  // A term and a question are appended to a file that may hold others: it is put back on refusal.
  const glossaryPath =
    request.kind === "question"
      ? join(request.contentDir, "courses", request.course ?? "", "questions.yaml")
      : join(request.contentDir, "glossary.yaml");
  const isTerm = request.kind === "term" || request.kind === "question";
  const originalGlossary =
    isTerm && existsSync(glossaryPath) ? readFileSync(glossaryPath, "utf8") : undefined;
  // glossary.yaml may already have errors; only new ones are the new term's fault.
  const errorsBefore = isTerm
    ? countErrorsIn(checkKnowledgeBase(request.contentDir, cwd).problems, glossaryPath, cwd)
    : 0;
  const written = writeEntry(request, request.today ?? localToday());
  const result = checkKnowledgeBase(request.contentDir, cwd);
  const mine = result.problems.filter((p) => sameFile(p.file, written.path, cwd));
  const myErrors = mine.filter((p) => p.severity === "error");
  if (myErrors.length > errorsBefore) {
    if (!isTerm) for (const path of written.created) rmSync(path, { recursive: true, force: true });
    else if (originalGlossary === undefined) rmSync(glossaryPath, { force: true });
    else writeFileSync(glossaryPath, originalGlossary, "utf8");
    const error = new ScaffoldError(1, "the new entry did not pass the check, so it was not kept");
    error.problems = myErrors;
    throw error;
  }
  return {
    path: written.path,
    id: written.id,
    problems: mine.filter((p) => p.severity === "warning"),
    otherErrors: result.errors - myErrors.length,
    nextSteps: written.nextSteps,
  };
}

function sameFile(shown: string, path: string, cwd: string): boolean {
  return shown === path || shown === relative(cwd, path);
}

function countErrorsIn(problems: readonly Problem[], path: string, cwd: string): number {
  return problems.filter((p) => p.severity === "error" && sameFile(p.file, path, cwd)).length;
}
