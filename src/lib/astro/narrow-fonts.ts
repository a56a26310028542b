import type { Plugin } from "vite";
import { narrowFontFaces } from "../fonts/narrow-font-faces.ts";
import { siteCharacters } from "../fonts/site-characters.ts";
import type { CodePointRange } from "../fonts/unicode-range.ts";

/** Fontsource's Noto Sans SC stylesheets (variable and static instances). */
const FONT_CSS = /[\\/]@fontsource(-variable)?[\\/]noto-sans-sc[\\/][^\\/?]+\.css(\?|$)/;

/**
 * Vite plugin for `astro build`: trims the `unicode-range` of the CJK font
 * slices to the characters of the knowledge base and the interface (see
 * `narrowFontFaces`). The dev server keeps the full stylesheets, so text typed
 * while writing always has its font.
 */
export function narrowFonts(options: { dirs: readonly string[] }): Plugin {
  let used: CodePointRange[] | undefined;
  return {
    name: "union-kb-narrow-fonts",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!FONT_CSS.test(id)) return undefined;
      used ??= siteCharacters(options.dirs);
      return { code: narrowFontFaces(code, used), map: null };
    },
  };
}
