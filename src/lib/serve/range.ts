/** How to answer a request given its Range header. */
export type RangePlan =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i;

/**
 * Interprets a Range header for a file of `size` bytes (RFC 9110 §14). Only a single byte
 * range is honoured; multi-range and malformed headers fall back to the full body, which the
 * RFC allows. Written here instead of relying on sirv because sirv 3.0.2 answers `bytes=0-0`
 * with the whole file, reads suffix ranges (`bytes=-500`) from the start, and throws from
 * `createReadStream` (crashing the process) on `bytes=5-2`.
 */
export function parseRange(header: string | undefined, size: number): RangePlan {
  const match = header === undefined ? null : SINGLE_RANGE.exec(header);
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  // A last-pos below first-pos makes the header invalid (ignored), not unsatisfiable.
  if (last !== "" && Number(last) < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: "partial", start, end };
}
