import type { Problem } from "./problem.ts";

/** Sorts problems by file, then line, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** Formats one problem as the block `npm run check` prints. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const head = `${problem.severity === "error" ? "✖ error" : "⚠ warning"}  ${where}`;
  const lines = [head];
  if (problem.field) lines.push(`  field:    ${problem.field}`);
  lines.push(`  problem:  ${problem.message}`);
  if (problem.expected) lines.push(`  expected: ${problem.expected}`);
  if (problem.found !== undefined) lines.push(`  found:    ${problem.found}`);
  if (problem.hint) lines.push(`  hint:     ${problem.hint}`);
  return lines.join("\n");
}

/** Formats a whole report with a closing count line. */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === "error").length;
  const warnings = sorted.length - errors;
  const body = sorted.map(formatProblem).join("\n\n");
  const summary = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return body ? `${body}\n\n${summary}` : summary;
}
