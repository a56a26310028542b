import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

/**
 * Puts every file of `from` into `to` as a hard link, or as a copy where a
 * link cannot be made (another file system). An index is thousands of small
 * files that are never changed once written (a changed index is a new
 * folder), so a link is as good as a copy and costs no bytes: at 1,000
 * entries copying them took seconds.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

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
  linkTree(join(cached, "pagefind"), outputPath);
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
  linkTree(outputPath, join(folder, digest, "pagefind"));
  // Written last: a folder without it (an interrupted copy) is never used.
  writeFileSync(join(folder, digest, STATS), JSON.stringify(stats));
}
