import type { Entry } from "../../kb/load.ts";
import { closest, listValues } from "../../kb/suggest.ts";
import { finding } from "../../problems/problem.ts";
import type { Report } from "./report.ts";

/** The problems of an id that names nothing: a topic, a related term, a course or a policy. */
export type UnknownIdCode =
  | "topic/unknown"
  | "glossary/unknown-related-term"
  | "course/unknown-translation"
  | "site/unknown-featured-course"
  | "site/unknown-key-policy"
  | "event/unknown-course"
  | "event/unknown-lesson"
  | "event/unknown-policy"
  | "event/unknown-case"
  | "event/unknown-campaign";

/** Checks that every id in `ids` names one of `known`, with a "did you mean". */
export function checkIds(
  report: Report,
  entry: Entry<unknown>,
  field: string,
  ids: readonly string[],
  known: ReadonlySet<string>,
  code: UnknownIdCode,
): void {
  ids.forEach((id, index) => {
    if (known.has(id)) return;
    const guess = closest(id, known);
    report(
      entry,
      finding(code, {
        line: entry.lineOf([field, index]),
        field: `${field}[${index}]`,
        found: JSON.stringify(id),
        variant: guess ? "guess" : undefined,
        values: { id, known: listValues([...known].sort()), ...(guess ? { guess } : {}) },
      }),
    );
  });
}
