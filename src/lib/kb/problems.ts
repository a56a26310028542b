// The Problem type and the report format live with the catalogue (src/lib/problems/);
// they are re-exported here for the stages that read content and their callers.
export type { Problem } from "../problems/problem.ts";
export { formatProblem, formatReport, sortProblems } from "../problems/report.ts";

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
    readonly unknown[]
  >,
): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(kb.courses.length, "course", "courses"),
    plural(kb.lessons.length, "lesson", "lessons"),
    plural(kb.policies.length, "policy", "policies"),
    plural(kb.cases.length, "case", "cases"),
    plural(kb.glossary.length, "glossary term", "glossary terms"),
    plural(kb.topics.length, "topic", "topics"),
  ].join(", ");
}
