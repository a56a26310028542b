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
    number | readonly unknown[]
  > & { events?: number | readonly unknown[]; questions?: number | readonly unknown[] },
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
    // Named only when there are any, so knowledge bases without events read as before.
    ...((typeof kb.events === "number" ? kb.events : (kb.events?.length ?? 0))
      ? [plural(kb.events ?? 0, "event", "events")]
      : []),
    ...((typeof kb.questions === "number" ? kb.questions : (kb.questions?.length ?? 0))
      ? [plural(kb.questions ?? 0, "question", "questions")]
      : []),
  ].join(", ");
}
