import type { Entry } from "../../kb/load.ts";
import type { Finding } from "../../problems/problem.ts";

/** Reports a problem found in an entry (its severity comes from the catalogue). */
export type Report = (entry: Pick<Entry<unknown>, "file">, found: Finding) => void;

/** `{ line }` when the line is known, for spreading into a problem's place. */
export function withLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
