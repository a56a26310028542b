/**
 * CSS `unicode-range` values as sorted lists of inclusive code point ranges,
 * and the set operations the font narrowing needs.
 */
export type CodePointRange = readonly [start: number, end: number];

/** Parses `U+4E00-4E8F,U+4E91,U+3??` into sorted, merged ranges. */
export function parseUnicodeRange(value: string): CodePointRange[] {
  const ranges: [number, number][] = [];
  for (const raw of value.split(",")) {
    const part = raw.trim().replace(/^u\+/i, "");
    if (!part) continue;
    if (part.includes("?")) {
      ranges.push([
        Number.parseInt(part.replace(/\?/g, "0"), 16),
        Number.parseInt(part.replace(/\?/g, "f"), 16),
      ]);
      continue;
    }
    const [from = "", to = from] = part.split("-");
    const start = Number.parseInt(from, 16);
    const end = Number.parseInt(to, 16);
    if (Number.isFinite(start) && Number.isFinite(end)) ranges.push([start, end]);
  }
  return mergeRanges(ranges);
}

/** Sorts ranges and joins the ones that overlap or touch. */
export function mergeRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Ranges from a set of code points (each run of neighbours becomes one range). */
export function rangesOf(codePoints: Iterable<number>): CodePointRange[] {
  return mergeRanges([...codePoints].map((c) => [c, c] as const));
}

/** The code points of `ranges` that are also in the sorted `set` ranges. */
export function intersectRanges(
  ranges: readonly CodePointRange[],
  set: readonly CodePointRange[],
): CodePointRange[] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < ranges.length && j < set.length) {
    const a = ranges[i] as CodePointRange;
    const b = set[j] as CodePointRange;
    const start = Math.max(a[0], b[0]);
    const end = Math.min(a[1], b[1]);
    if (start <= end) out.push([start, end]);
    if (a[1] < b[1]) i++;
    else j++;
  }
  return out;
}

/** True when `codePoint` lies in one of the sorted `ranges`. */
export function inRanges(codePoint: number, ranges: readonly CodePointRange[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid] as CodePointRange;
    if (codePoint < start) high = mid - 1;
    else if (codePoint > end) low = mid + 1;
    else return true;
  }
  return false;
}

/** Writes ranges back as a `unicode-range` value: `U+4e00-4e8f,U+4e91`. */
export function formatUnicodeRange(ranges: readonly CodePointRange[]): string {
  return ranges
    .map(([start, end]) =>
      start === end ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${end.toString(16)}`,
    )
    .join(",");
}
