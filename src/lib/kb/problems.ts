/** One thing wrong (or doubtful) in the knowledge base, in words an author can act on. */
export interface Problem {
  severity: "error" | "warning";
  /** Path relative to the project root, e.g. content/courses/x/01-a.mdx */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Dotted field path, e.g. cites[0].article */
  field?: string;
  /** Short statement of what is wrong. */
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

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

/** Shows a value found in a file compactly, truncating long text. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text =
    typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** "1 course, 2 lessons, …" for a knowledge base's collections. */
export function summariseCounts(
  kb: Record<
    "courses" | "lessons" | "policies" | "cases" | "glossary" | "topics",
    number | readonly unknown[]
  >,
): string {
  const plural = (entries: number | readonly unknown[], one: string, many: string) => {
    const n = typeof entries === "number" ? entries : entries.length;
    return `${n} ${n === 1 ? one : many}`;
  };
  return [
    plural(kb.courses, "course", "courses"),
    plural(kb.lessons, "lesson", "lessons"),
    plural(kb.policies, "policy", "policies"),
    plural(kb.cases, "case", "cases"),
    plural(kb.glossary, "glossary term", "glossary terms"),
    plural(kb.topics, "topic", "topics"),
  ].join(", ");
}
