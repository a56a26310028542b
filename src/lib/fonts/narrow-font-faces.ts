import {
  type CodePointRange,
  formatUnicodeRange,
  intersectRanges,
  parseUnicodeRange,
} from "./unicode-range.ts";

/**
 * Fontsource ships Noto Sans SC as ~100 `@font-face` rules, one per woff2
 * slice, each listing the code points of its slice in `unicode-range`. Those
 * lists cover some 30,000 characters and make the stylesheet ~33 KB gzipped,
 * although a knowledge base uses a few thousand. This keeps, for each numbered
 * CJK slice, only the code points the site uses — the browser still downloads
 * the same slice files, for fewer characters — and drops slices the site never
 * needs, including `cyrillic` and `vietnamese` when no page uses them. The
 * `latin` and `latin-ext` slices stay whole, so pinyin with tone marks and
 * any Latin text typed into the search box keep the font.
 * The `woff` fallbacks are dropped: every browser that runs the site reads woff2.
 */
export function narrowFontFaces(css: string, used: readonly CodePointRange[]): string {
  return css.replace(
    /(\/\*[^*]*\*\/\s*)?@font-face\s*\{([^}]*)\}\s*/g,
    (_rule, comment: string | undefined, body: string) => {
      const src = /src:\s*([^;]*);/.exec(body)?.[1] ?? "";
      const range = /unicode-range:\s*([^;]*);/.exec(body);
      const woff2 = woff2Only(src);
      const slimmed = body.replace(src, woff2);
      if (!range?.[1] || isLatinSlice(woff2)) return `${comment ?? ""}@font-face {${slimmed}}\n`;
      const kept = intersectRanges(parseUnicodeRange(range[1]), used);
      if (!kept.length) return "";
      return `@font-face {${slimmed.replace(range[1], formatUnicodeRange(kept))}}\n`;
    },
  );
}

/** `url(a.woff2) format('woff2'), url(a.woff) format('woff')` → the woff2 source only. */
function woff2Only(src: string): string {
  const sources = src.split(/,\s*(?=url\()/);
  const woff2 = sources.filter((s) => /\.woff2\)/.test(s));
  return woff2.length ? woff2.join(", ") : src;
}

/** `noto-sans-sc-latin-400-normal.woff2`, `noto-sans-sc-latin-ext-wght-normal.woff2`. */
function isLatinSlice(src: string): boolean {
  return /noto-sans-[a-z]+-latin(-ext)?-/.test(src);
}
