import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { IndexStats } from "./indexer.ts";
import { type SearchablePage, searchablePage } from "./parts.ts";

/**
 * The search index, begun while Astro is still rendering.
 *
 * Pagefind needs every searchable page before it can write the index, and
 * it must see them in the same order in every build (its files depend on
 * it), so it cannot take pages as they come. Astro's process renders the
 * searchable pages first and lists them (src/lib/astro/search-first.ts);
 * once all of them are written, this indexes them, sorted by path as
 * after the build, on the second core while Astro renders print views,
 * lists and the English pages. At 1,000 entries that is about half of the
 * render.
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
    const pages = await readWhenWritten(options.root, list, () => astroEnded);
    if (typeof pages === "string") return pages;
    const sorted = pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const stats = await options.index(sorted, options.outputPath);
    return { pages: sorted, stats };
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
 * Reads each listed page once Astro has written it whole (it ends with
 * `</html>`) and keeps those that carry the search mark; why not, if Astro
 * ends with one missing. Pages are looked for in the order Astro renders
 * them, a few ahead, as it renders several at once.
 */
async function readWhenWritten(
  root: string,
  list: readonly string[],
  astroEnded: () => boolean,
): Promise<SearchablePage[] | string> {
  const pages: SearchablePage[] = [];
  let waiting = [...list];
  while (waiting.length) {
    const ended = astroEnded();
    const still: string[] = [];
    for (const path of waiting) {
      // Past a few unwritten pages the rest are not written yet either.
      if (still.length >= 16) {
        still.push(path);
        continue;
      }
      const bytes = readWhole(join(root, path));
      if (!bytes) {
        still.push(path);
        continue;
      }
      // A route's redirect page (a law's "current version" address) is not searched.
      const page = searchablePage(path, bytes);
      if (page) pages.push(page);
    }
    waiting = still;
    if (waiting.length === 0) break;
    if (ended) return `Astro's process ended without writing ${waiting[0]}`;
    await sleep(POLL_MS);
  }
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
  return (
    a.length === b.length &&
    a.every((page, i) => page.path === b[i]?.path && page.hash === b[i]?.hash)
  );
}
