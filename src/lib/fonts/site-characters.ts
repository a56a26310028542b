import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CodePointRange, rangesOf } from "./unicode-range.ts";

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
  const seen = new Set<number>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT_FILE.test(entry.name))
        for (const char of readFileSync(path, "utf8")) seen.add(char.codePointAt(0) ?? 0);
    }
  };
  for (const dir of dirs) walk(dir);
  return rangesOf(seen);
}
