import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { partSizeFromEnv } from "../env.ts";
import { loadKnowledgeBase } from "../kb/load.ts";
import { restoreSearchIndex, saveSearchIndex, searchInputDigest } from "./cache.ts";
import {
  PARTS_MANIFEST,
  type PartsManifest,
  partFolder,
  TRADITIONAL_FILE,
  VOCABULARY_FILE,
} from "./manifest.ts";
import { type SearchablePage, type Sized, searchablePages, splitIntoParts } from "./parts.ts";
import {
  recordHtml,
  type SearchRecord,
  type SearchRecords,
  searchRecordsOf,
  type WeightedRecord,
} from "./records.ts";
import { traditionalPairs, type VocabularyEntry } from "./vocabulary.ts";

/** Pagefind's version, part of the search cache key (a new version re-indexes). */
function pagefindVersion(): string {
  try {
    const manifest = new URL("../package.json", import.meta.resolve("pagefind"));
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** What the search index holds after a build, for the build log and the size report. */
export interface IndexStats {
  pages: number;
  glossaryRecords: number;
  articleRecords: number;
  bytes: number;
  fragments: number;
  files: number;
  seconds: number;
  /** Separate Pagefind bundles the index was split into (see src/lib/search/parts.ts). */
  parts: number;
  /** True when the index was copied from the previous build (same pages and records). */
  reused?: boolean;
  /** True when it was begun while Astro rendered the other pages (src/lib/search/early-index.ts). */
  early?: boolean;
}

/** A search record that is not a page: a glossary term or a law article, linking to its anchor. */
/** The build log's line about the search index. */
export function describeIndex(stats: IndexStats): string {
  if (stats.reused)
    return `Search: pages unchanged, reused the previous index of ${stats.pages} pages in ${stats.seconds.toFixed(1)} s (${(stats.bytes / 1024).toFixed(0)} KB).`;
  return (
    `Search: indexed ${stats.pages} pages, ${stats.glossaryRecords} glossary terms and ${stats.articleRecords} law articles in ${stats.seconds.toFixed(1)} s${stats.early ? " while Astro rendered" : ""} ` +
    `(${(stats.bytes / 1024).toFixed(0)} KB in ${stats.files} files, ${stats.fragments} fragments${stats.parts > 1 ? `, ${stats.parts} parts` : ""}).`
  );
}

/**
 * Indexes the HTML under `root` and the glossary, writes `root/pagefind/`.
 * With `cacheDir`, an index built from exactly the same pages and records is
 * copied from the cache instead (see cache.ts).
 * Throws when Pagefind reports errors, so a build never ships a broken index.
 */
export async function buildSearchIndex(options: {
  root: string;
  base: string;
  contentDir: string;
  cacheDir?: string;
  /**
   * The glossary and article records, made by Astro's process from its parse
   * (src/lib/build/astro-run.ts); without them the knowledge base is read here.
   */
  records?: SearchRecords;
  /** Characters per part (default: partSizeFromEnv()). */
  partChars?: number;
  /** The searchable pages, sorted by path, when already read (default: searchablePages(root)). */
  pages?: readonly SearchablePage[];
  /** Where the index goes (default: `root/pagefind`). */
  outputPath?: string;
  /**
   * The index begun with `records` before the pages existed (beginSearchIndex);
   * used when the index is one part, else let go.
   */
  head?: SearchHead;
}): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = options.outputPath ?? join(options.root, "pagefind");
  const records =
    options.records ?? searchRecordsOf(loadKnowledgeBase(options.contentDir).kb, options.base);
  const { terms, articles, vocabulary } = records;
  const pages = options.pages ?? searchablePages(options.root);
  const recordItems = [
    ...terms.map((record): IndexItem => ({ kind: "term", record, chars: record.content.length })),
    ...articles.map(
      (record): IndexItem => ({
        kind: "article",
        record,
        chars: record.parts.reduce((sum, part) => sum + part.text.length, 0),
      }),
    ),
  ];
  const parts = splitIntoParts(
    [...pages.map((page): IndexItem => ({ ...page, kind: "page" })), ...recordItems],
    options.partChars ?? partSizeFromEnv(),
  );
  // Which page or record went into which part is part of the key.
  const layout = parts.map((part) =>
    part.map((item) => (item.kind === "page" ? item.url : item.record.url)),
  );
  const digest = options.cacheDir
    ? searchInputDigest(
        pages,
        JSON.stringify({ pagefind: pagefindVersion(), layout, terms, articles }),
      )
    : undefined;
  // The head holds every record: it is the index only when that is one part.
  const head = options.head?.records === records && parts.length === 1 ? options.head : undefined;
  if (options.head && !head) await letGo(options.head);
  if (options.cacheDir && digest) {
    const cached = restoreSearchIndex<IndexStats>(options.cacheDir, digest, outputPath);
    if (cached) {
      if (head) await letGo(head);
      writeSearchAids(outputPath, vocabulary, traditionalPairs(options.contentDir));
      return { ...cached, reused: true, seconds: (performance.now() - started) / 1000 };
    }
  }
  rmSync(outputPath, { recursive: true, force: true });
  // The traditional-character pairs are made while Pagefind reads the first
  // part's pages in its own process (0.15-0.2 s at 1,000 entries).
  let pairs: string | undefined;
  const makePairs = () => {
    pairs ??= traditionalPairs(options.contentDir);
  };
  // The first part is the main bundle; the others go into folders inside it,
  // written after it.
  for (const [i, part] of parts.entries())
    await indexPart(options.root, part, join(outputPath, partFolder(i)), makePairs, head?.ready);
  // Written for one part too, so the search page never asks for a missing file.
  const manifest: PartsManifest = { parts: parts.slice(1).map((_, i) => partFolder(i + 1)) };
  writeFileSync(join(outputPath, PARTS_MANIFEST), JSON.stringify(manifest));
  makePairs();
  writeSearchAids(outputPath, vocabulary, pairs as string);
  const stats: IndexStats = {
    pages: pages.length,
    glossaryRecords: terms.length,
    articleRecords: articles.length,
    parts: parts.length,
    ...indexSize(outputPath),
    seconds: (performance.now() - started) / 1000,
  };
  if (options.cacheDir && digest) saveSearchIndex(options.cacheDir, digest, outputPath, stats);
  return stats;
}

/**
 * Writes the vocabulary and the traditional-character table next to the
 * index (src/lib/search/vocabulary.ts). They are written after every build,
 * cached index or not, because they come from the content, not the pages.
 */
function writeSearchAids(
  outputPath: string,
  vocabulary: readonly VocabularyEntry[],
  pairs: string,
): void {
  const traditional = [...pairs].filter((_, i) => i % 2 === 0).join("");
  writeFileSync(
    join(outputPath, VOCABULARY_FILE),
    JSON.stringify({ entries: vocabulary, traditional }),
  );
  writeFileSync(join(outputPath, TRADITIONAL_FILE), JSON.stringify(pairs));
}

/** A page or record on its way into the index, with the size that decides its part. */
type IndexItem = Sized &
  (
    | ({ kind: "page" } & SearchablePage)
    | { kind: "term"; record: SearchRecord }
    | { kind: "article"; record: WeightedRecord }
  );

/** A search record on its way into the index. */
type RecordItem = Exclude<IndexItem, { kind: "page" }>;

/** Records handed to Pagefind at once (one at a time leaves its threads idle). */
const IN_FLIGHT = 32;

/**
 * A Pagefind index holding the search records that go in before the pages
 * (beforePages), begun before the pages are written: the build starts it
 * once Astro's process has reported the records, while Astro is still
 * starting and one core is idle (at 1,000 entries the 1,704 records take
 * Pagefind about 0.8 s). indexPart adds a part's items in the same order, so
 * an index begun this way is the one it would make.
 */
export interface SearchHead {
  records: SearchRecords;
  ready: Promise<pagefind.PagefindIndex>;
}

export function beginSearchIndex(records: SearchRecords): SearchHead {
  const ready = indexWithRecords(
    [
      ...records.terms.map((record): RecordItem => ({ kind: "term", record, chars: 0 })),
      ...records.articles.map((record): RecordItem => ({ kind: "article", record, chars: 0 })),
    ].filter(beforePages),
  );
  // Awaited when the pages are there; a failure is reported then.
  ready.catch(() => undefined);
  return { records, ready };
}

/**
 * Whether a record goes into its part before the pages. A record of a place
 * in a page (a glossary term, a law's article: its URL has a `#` anchor)
 * does. A record for a whole page (the Chinese names of an English case)
 * has the page's own URL and goes in after it: Pagefind keeps the last item
 * of a URL, and that must stay the record, as it always was.
 */
function beforePages(item: RecordItem): boolean {
  return item.record.url.includes("#");
}

/** Ends the Pagefind process of a head start that is not used, once it is idle. */
async function letGo(head: SearchHead): Promise<void> {
  await head.ready.catch(() => undefined);
  await pagefind.close();
}

/** A new Pagefind index (in its own process) holding `records`, in their order. */
async function indexWithRecords(records: readonly RecordItem[]): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  await addRecords(index, records);
  return index;
}

async function addRecords(
  index: pagefind.PagefindIndex,
  records: readonly RecordItem[],
): Promise<void> {
  const add = async (item: RecordItem) => {
    const result =
      item.kind === "term"
        ? await index.addCustomRecord(item.record)
        : await index.addHTMLFile({ url: item.record.url, content: recordHtml(item.record) });
    if (result.errors.length)
      throw new Error(`Pagefind could not index ${item.record.url}: ${result.errors.join("; ")}`);
  };
  for (let i = 0; i < records.length; i += IN_FLIGHT)
    await Promise.all(records.slice(i, i + IN_FLIGHT).map(add));
}

/**
 * Indexes one part in a Pagefind process of its own and writes it to
 * `outputPath`; the process ends before the next part starts, so only one
 * part is ever in memory. The records of places go in first (or are in
 * `begun` already), then the pages, then the records of whole pages
 * (beforePages). The pages are hard-linked into a folder of their own (same
 * paths, so the same URLs) for Pagefind to read in parallel; handed over one
 * by one through its Node API, they took 1.7 times as long.
 */
async function indexPart(
  root: string,
  items: readonly IndexItem[],
  outputPath: string,
  whileReading: () => void,
  begun?: Promise<pagefind.PagefindIndex>,
) {
  const folder = `${root}.search-part`;
  rmSync(folder, { recursive: true, force: true });
  const records = items.filter((item): item is RecordItem => item.kind !== "page");
  try {
    const index = await (begun ?? indexWithRecords(records.filter(beforePages)));
    for (const item of items) {
      if (item.kind !== "page") continue;
      const target = join(folder, item.path);
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(join(root, item.path), target);
      } catch {
        copyFileSync(join(root, item.path), target);
      }
    }
    if (existsSync(folder)) {
      const adding = index.addDirectory({ path: folder });
      whileReading();
      const added = await adding;
      if (added.errors.length)
        throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    }
    await addRecords(
      index,
      records.filter((item) => !beforePages(item)),
    );
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    removeUnusedUi(outputPath);
  } finally {
    await pagefind.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Pagefind writes its ready-made search interfaces next to the index. The site
 * has its own (src/components/search/), so they would only add ~400 KB of
 * unused scripts and stylesheets to dist/ and the offline zip.
 */
const UNUSED_UI = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

function removeUnusedUi(outputPath: string): void {
  for (const file of UNUSED_UI) rmSync(join(outputPath, file), { force: true });
}

/** Bytes and file counts of a written Pagefind bundle (`fragments` = files under fragment/). */
export function indexSize(outputPath: string): { bytes: number; files: number; fragments: number } {
  let bytes = 0;
  let files = 0;
  let fragments = 0;
  const walk = (dir: string, inFragments: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, inFragments || entry.name === "fragment");
      else {
        bytes += statSync(path).size;
        files += 1;
        if (inFragments) fragments += 1;
      }
    }
  };
  walk(outputPath, false);
  return { bytes, files, fragments };
}

/**
 * Search records for glossary terms, one per term. They go into the Chinese
 * index, which both search pages use (the content is Chinese; English titles
 * and definitions are part of it), and link to the glossary of `locales`. The
 * content repeats the pinyin without tones, run together and in every run of
 * neighbouring syllables ("zhigong jiaoyu"), because readers type pinyin the
 * way their keyboard lets them. Pagefind already ignores the tone marks.
 */
