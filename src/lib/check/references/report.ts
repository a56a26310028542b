import type { Entry } from "../../kb/load.ts";
import type { Finding } from "../../problems/problem.ts";

/** Reports a problem found in an entry (its severity comes from the catalogue). */
export type Report = (entry: Pick<Entry<unknown>, "file">, found: Finding) => void;

/** `{ line }` when the line is known, for spreading into a problem's place. */
export function withLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/**
 * The place of a field for a problem that may never be reported: `{ field,
 * line }` whose line is looked up only when the object is spread into a
 * problem. Finding a line can mean parsing the file again (src/lib/kb/
 * yaml-source.ts), which a check of a thousand entries should not do for
 * every citation that is fine.
 */
export function placeOf(
  entry: Pick<Entry<unknown>, "lineOf">,
  field: string,
  path: readonly PropertyKey[],
): { field: string; line?: number } {
  return Object.defineProperty({ field } as { field: string; line?: number }, "line", {
    enumerable: true,
    get: () => entry.lineOf(path),
  });
}
