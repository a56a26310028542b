/** Cache header for files whose names change whenever their content changes. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Cache header forcing revalidation (cheap thanks to ETag / 304) on every use. */
export const REVALIDATE = "no-cache";

/**
 * Pagefind chunk extensions. Their file names embed a content hash, so they can be cached
 * forever. Pagefind's entry files (`pagefind.js`, `pagefind-entry.json`, `wasm.*.pagefind`,
 * the UI bundles) keep stable names across rebuilds and must be revalidated, otherwise a
 * browser would pair a stale entry file with a new index and search would break.
 */
const PAGEFIND_HASHED = /\.(pf_fragment|pf_index|pf_meta|pf_filter)$/i;

/**
 * Cache-Control value for a file, given its path relative to the site root using `/`
 * separators and no leading slash (e.g. `_astro/app.abc123.css`).
 */
export function cacheControlFor(relPath: string): string {
  // Astro content-hashes everything it emits under _astro/.
  if (relPath.startsWith("_astro/")) return IMMUTABLE;
  if (relPath.startsWith("pagefind/") && PAGEFIND_HASHED.test(relPath)) return IMMUTABLE;
  return REVALIDATE;
}
