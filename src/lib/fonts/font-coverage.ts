import { type CodePointRange, inRanges, mergeRanges, parseUnicodeRange } from "./unicode-range.ts";

/**
 * The code points a font family covers in built stylesheets: the union of the
 * `unicode-range` of its `@font-face` rules (a rule without one covers all).
 */
export function familyRanges(stylesheets: Iterable<string>, family: string): CodePointRange[] {
  const ranges: CodePointRange[] = [];
  for (const css of stylesheets) {
    for (const [, body = ""] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const name = /font-family:\s*["']?([^;"']+)["']?\s*;/.exec(body)?.[1]?.trim();
      if (name !== family) continue;
      const range = /unicode-range:\s*([^;]*)/.exec(body)?.[1];
      ranges.push(...(range ? parseUnicodeRange(range) : [[0, 0x10ffff] as const]));
    }
  }
  return mergeRanges(ranges);
}

/** Ideographs, CJK punctuation and full-width forms: what the CJK slices are for. */
function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}

/** The visible text of a page: markup, scripts and styles removed (entities are numeric-safe). */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

/** The Chinese characters (ideographs, CJK punctuation, full-width forms) in a page's text, each once. */
export function cjkCharacters(html: string): string {
  const found = new Set<string>();
  for (const char of visibleText(html)) if (isCjk(char.codePointAt(0) ?? 0)) found.add(char);
  return [...found].join("");
}

/** The characters of `chars` that `covered` leaves out. */
export function outsideRanges(chars: string, covered: readonly CodePointRange[]): string[] {
  return [...chars].filter((char) => !inRanges(char.codePointAt(0) ?? 0, covered));
}

/**
 * Chinese characters in a page's text that the site font does not describe,
 * so the browser would draw them in a system font. With the ranges narrowed
 * to the site's own characters this stays empty; the build warns if not.
 */
export function uncoveredCharacters(html: string, covered: readonly CodePointRange[]): string[] {
  return outsideRanges(cjkCharacters(html), covered);
}
