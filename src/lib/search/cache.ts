import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Keeps the last search index of a knowledge base in its cache folder, keyed
 * by a digest of everything Pagefind reads: every searchable page (path and a
 * hash of its bytes, see searchablePages()) and the extra records and layout
 * in `extra`. The site's output is deterministic, so a second build with
 * unchanged content has the same digest and copies the index instead of
 * running Pagefind again (at 5,000 entries: ~2 s instead of ~30 s).
 */
export function searchInputDigest(
  pages: readonly { path: string; hash: string }[],
  extra: string,
): string {
  const hash = createHash("sha256").update(extra);
  for (const page of pages) hash.update(`\u0000${page.path}\u0000${page.hash}`);
  return hash.digest("hex");
}

const STATS = "union-kb-search.json";

/** Copies a cached index for `digest` into `outputPath`; returns its saved stats, or undefined. */
export function restoreSearchIndex<T>(
  cacheDir: string,
  digest: string,
  outputPath: string,
): T | undefined {
  const cached = join(cacheDir, "search-index", digest);
  if (!existsSync(join(cached, STATS))) return undefined;
  const stats = JSON.parse(readFileSync(join(cached, STATS), "utf8")) as T;
  cpSync(join(cached, "pagefind"), outputPath, { recursive: true });
  return stats;
}

/** Replaces the cached index with the one just written to `outputPath`. */
export function saveSearchIndex(
  cacheDir: string,
  digest: string,
  outputPath: string,
  stats: unknown,
): void {
  const folder = join(cacheDir, "search-index");
  rmSync(folder, { recursive: true, force: true });
  cpSync(outputPath, join(folder, digest, "pagefind"), { recursive: true });
  // Written last: a folder without it (an interrupted copy) is never used.
  writeFileSync(join(folder, digest, STATS), JSON.stringify(stats));
}
