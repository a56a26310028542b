/**
 * How the search page finds the parts of a split search index (see
 * src/lib/search/parts.ts). Shared by the build and the browser, so it imports
 * nothing.
 */

/** The file in the main bundle that lists the other parts. */
export const PARTS_MANIFEST = "union-kb-parts.json";

/** The shape of PARTS_MANIFEST: bundle folders relative to the main bundle, e.g. "part-2/". */
export interface PartsManifest {
  parts: string[];
}

/** The folder of part `index` (0-based) inside the main bundle; the first part is the bundle itself. */
export function partFolder(index: number): string {
  return index === 0 ? "" : `part-${index + 1}/`;
}

/** The site's names for the search page (src/lib/search/vocabulary.ts), read with the index. */
export const VOCABULARY_FILE = "union-kb-vocabulary.json";
/** Traditional → simplified characters, read only for a query that has one. */
export const TRADITIONAL_FILE = "union-kb-t2s.json";
