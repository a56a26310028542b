import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { IndexStats } from "./indexer.ts";
import { PAGE_BATCH, type SearchablePage, samePage, searchablePage } from "./parts.ts";

/**
 * The search index, begun while Astro is still rendering.
 *
 * Pagefind's files depend on the order it reads the pages in, so it must
 * read them in the same order in every build: sorted by path, in batches
 * (pageBatches). Astro's process renders the searchable pages first, in
 * that order, and lists them (src/lib/astro/search-first.ts); each batch is
 * handed over (`onBatch`) as soon as all its pages are written, so Pagefind
 * reads them on the second core while Astro renders the next ones, then
 * writes the index while Astro renders print views, lists and the English
 * pages.
 *
 * Only a head start: once Astro has ended, `settle` compares the pages
 * indexed with the pages of the finished site that carry the search mark
 * (path and bytes). If they differ, or anything went wrong on the way, the
 * caller indexes the finished site as before.
 */
export interface EarlyIndex {
  /**
   * After Astro has ended: the index in `outputPath` if it covers exactly
   * `pages` (the finished site's searchable pages); undefined otherwise
   * (nothing is left behind then).
   */
  settle(pages: readonly SearchablePage[]): Promise<{ stats: IndexStats } | undefined>;
}

interface Begun {
  pages: SearchablePage[];
  stats: IndexStats;
}

/** How often the list and the pages are looked for while Astro renders. */
const POLL_MS = 40;

/**
 * Starts indexing the pages listed in `listFile` under `root` as soon as
 * they are all written; `index` builds the index of the given pages into
 * `outputPath`. Gives up (and `settle` returns undefined) when Astro ends
 * first (`astroDone`) or a listed page is missing after it has.
 */
export function indexWhileRendering(options: {
  root: string;
  listFile: string;
  outputPath: string;
  astroDone: Promise<unknown>;
  index: (pages: readonly SearchablePage[], outputPath: string) => Promise<IndexStats>;
  /** Each batch of the searchable pages (pageBatches), in order, once all its pages are written. */
  onBatch?: (batch: SearchablePage[]) => void;
  /** Where to say why the head start was not used (a debug line). */
  log?: (line: string) => void;
}): EarlyIndex {
  let astroEnded = false;
  options.astroDone.then(
    () => (astroEnded = true),
    () => (astroEnded = true),
  );
  const work = (async (): Promise<Begun | string> => {
    const list = await waitForList(options.listFile, () => astroEnded);
    if (!list) return "Astro's process ended before it listed the searchable pages";
    const sorted = [...list].sort();
    const pages = await readWhenWritten(options.root, sorted, () => astroEnded, options.onBatch);
    if (typeof pages === "string") return pages;
    const stats = await options.index(pages, options.outputPath);
    return { pages, stats };
  })().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  return {
    async settle(finished) {
      const done = await work;
      rmSync(options.listFile, { force: true });
      const why =
        typeof done === "string"
          ? done
          : samePages(done.pages, finished)
            ? undefined
            : `it read ${done.pages.length} pages; the site has ${finished.length} searchable pages or other bytes`;
      if (!why) return { stats: (done as Begun).stats };
      options.log?.(`Search: the index begun during the render is not used (${why}).`);
      rmSync(options.outputPath, { recursive: true, force: true });
      return undefined;
    },
  };
}

/** The list Astro's process writes once it knows its paths; undefined if it ends first. */
async function waitForList(
  listFile: string,
  astroEnded: () => boolean,
): Promise<string[] | undefined> {
  return (await waitForFile(listFile, astroEnded))
    ? (JSON.parse(readFileSync(listFile, "utf8")) as string[])
    : undefined;
}

/**
 * Whether `file`, which Astro's process renames into place, is there before
 * that process has ended (`astroEnded`); looked for every POLL_MS.
 */
export async function waitForFile(file: string, astroEnded: () => boolean): Promise<boolean> {
  for (;;) {
    // Look before asking about the end: the file may be written just before it.
    const ended = astroEnded();
    if (existsSync(file)) return true;
    if (ended) return false;
    await sleep(POLL_MS);
  }
}

/**
 * Reads the listed pages (sorted by path) in order, each once Astro has
 * written it whole (it ends with `</html>`), and keeps those that carry the
 * search mark, handing each full batch to `onBatch` as it is complete; why
 * not, if Astro ends with one missing.
 */
async function readWhenWritten(
  root: string,
  list: readonly string[],
  astroEnded: () => boolean,
  onBatch?: (batch: SearchablePage[]) => void,
): Promise<SearchablePage[] | string> {
  const pages: SearchablePage[] = [];
  let next = 0;
  let handed = 0;
  const readNext = (): Buffer | undefined => {
    const path = list[next];
    return path === undefined ? undefined : readWhole(join(root, path));
  };
  for (;;) {
    const ended = astroEnded();
    for (let bytes = readNext(); bytes; bytes = readNext()) {
      // A route's redirect page (a law's "current version" address) is not searched.
      const page = searchablePage(list[next] as string, bytes);
      if (page) pages.push(page);
      next += 1;
      if (onBatch && pages.length - handed === PAGE_BATCH) {
        onBatch(pages.slice(handed));
        handed = pages.length;
      }
    }
    if (next === list.length) break;
    if (ended) return `Astro's process ended without writing ${list[next]}`;
    await sleep(POLL_MS);
  }
  if (onBatch && handed < pages.length) onBatch(pages.slice(handed));
  return pages;
}

/** A page's bytes once it is written whole, else undefined. */
function readWhole(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - 32)).toString("latin1");
  return /<\/html>\s*$/.test(tail) ? bytes : undefined;
}

function samePages(a: readonly SearchablePage[], b: readonly SearchablePage[]): boolean {
  return a.length === b.length && a.every((page, i) => samePage(page, b[i]));
}
