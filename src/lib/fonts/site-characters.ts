import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CodePointRange } from "./unicode-range.ts";

/** Files whose text can reach a page: content, UI strings, templates. */
const TEXT_FILE = /\.(md|mdx|ya?ml|json|txt|astro|ts)$/;

/**
 * Every character in the text files under `dirs` (the content folder and
 * `src/`, whose i18n strings and templates add the interface text), as sorted
 * code point ranges. Pages only show text from these files, so a font that
 * covers these ranges covers every page; `checkBuiltSite()` verifies that on
 * the built site after every build.
 */
export function siteCharacters(dirs: readonly string[]): CodePointRange[] {
  // One byte per code point: a text of megabytes is read in a plain loop
  // (iterating a string by characters took five times as long).
  const seen = new Uint8Array(0x110000);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT_FILE.test(entry.name)) markCodePoints(readFileSync(path, "utf8"), seen);
    }
  };
  for (const dir of dirs) walk(dir);
  const ranges: [number, number][] = [];
  for (let code = 0; code < seen.length; code++) {
    if (!seen[code]) continue;
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

/** Marks the code point of every character of `text` in `seen` (surrogate pairs joined). */
function markCodePoints(text: string, seen: Uint8Array): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    seen[code] = 1;
  }
}
