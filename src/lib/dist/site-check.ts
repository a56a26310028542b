import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { cjkCharacters, familyRanges, outsideRanges } from "../fonts/font-coverage.ts";
import { intersectRanges } from "../fonts/unicode-range.ts";
import { blockedInlineScripts, blockedInlineStyles } from "./csp-check.ts";
import {
  anchorsOf,
  judgeLinks,
  type LinkProblem,
  type LinkProblemKind,
  type PageLink,
  pageLinks,
} from "./link-check.ts";
import { listBuiltSite } from "./read-built-site.ts";

/** The site font families: screen (variable) and print (static instances). */
const FONT_FAMILIES = ["Noto Sans SC Variable", "Noto Sans SC"];

/** What the checks of a built site found. */
export interface BuiltSiteReport {
  pages: number;
  brokenLinks: LinkProblem[];
  /** Chinese characters the site font does not describe, and the first page with each. */
  uncovered: Map<string, string>;
  /** Inline scripts and styles (`<style> …`) the page's own Content-Security-Policy would block, with the page. */
  blockedScripts: { page: string; script: string }[];
}

/**
 * The search index's folder, left out: no page links into it, it holds no
 * pages or stylesheets, and Pagefind may be writing it while the check runs.
 */
const SEARCH_INDEX_FOLDER = "pagefind";

/**
 * `checkBuiltSite` in a worker thread, so that the build can index the site
 * for search at the same time (src/lib/dist/site-check-worker.ts). With
 * `cacheDir`, what the last check there read from each page is kept and
 * reused for a page with the same bytes.
 */
export function checkBuiltSiteAside(
  dir: string,
  options: { base?: string; cacheDir?: string } = {},
): Promise<BuiltSiteReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./site-check-worker.ts", import.meta.url), {
      workerData: { dir, base: options.base, cacheDir: options.cacheDir },
    });
    worker.once("message", (report: BuiltSiteReport) => resolve(report));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the site check stopped (exit code ${code})`));
    });
  });
}

/** What the check reads from one page: it depends on the page's path and bytes and the base only. */
interface PageFacts {
  anchors: string[];
  links: PageLink[];
  /** Inline scripts and styles (`<style> …`) the page's own policy would block. */
  blocked: string[];
  /** The Chinese characters of its text, each once. */
  cjk: string;
}

function factsOf(
  page: string,
  html: string,
  base: string | undefined,
  shared: Map<string, PageLink>,
): PageFacts {
  const read: PageFacts = {
    anchors: [...anchorsOf(html)],
    links: pageLinks(page, html, base),
    blocked: [
      ...blockedInlineScripts(html),
      ...blockedInlineStyles(html).map((style) => `<style> ${style}`),
    ],
    cjk: cjkCharacters(html),
  };
  // Copied: a string matched in the page is a slice of it and would keep the
  // whole page in memory (5,000 entries: the check peaked at 1.08 GB, now 0.40 GB).
  const facts = JSON.parse(JSON.stringify(read)) as PageFacts;
  facts.links = facts.links.map((link) => internLink(shared, link));
  return facts;
}

/** The one copy of `link` in `shared`: `link` itself when it is the first. */
function internLink(shared: Map<string, PageLink>, link: PageLink): PageLink {
  const key = link.join("\u0000");
  const known = shared.get(key);
  if (known) return known;
  shared.set(key, link);
  return link;
}

/**
 * The modules whose code decides what is read from a page and the report
 * made from it: a change to any of them reads every page again.
 */
const CHECK_CODE = [
  "./site-check.ts",
  "./link-check.ts",
  "./csp-check.ts",
  "./read-built-site.ts",
  "../fonts/font-coverage.ts",
  "../fonts/unicode-range.ts",
];

const CACHE_FILE = "union-kb-site-check.json";

/**
 * The facts kept from the last check, by page path with the SHA-256 of the
 * bytes they were read from. A page's links are indices into `links`: most
 * of them (the header, the footer, the lists) are on many pages.
 */
interface KeptFile {
  key: string;
  /** A digest of what else the report depends on: the other files, the stylesheets. */
  rest: string;
  report: SerialisedReport;
  links: PageLink[];
  pages: Record<
    string,
    [hash: string, anchors: string[], links: number[], blocked: string[], cjk: string]
  >;
}

type SerialisedReport = Omit<BuiltSiteReport, "uncovered"> & { uncovered: [string, string][] };

/** The key of kept facts: the check's own code and the base path. */
function factsKey(base: string | undefined): string {
  const hash = createHash("sha256").update(`base:${base ?? "/"}`);
  for (const module of CHECK_CODE) hash.update(readFileSync(new URL(module, import.meta.url)));
  return hash.digest("hex");
}

/** What was kept in `file` under `key`, if anything. */
function readKept(file: string, key: string): KeptFile | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as KeptFile;
    return data.key === key ? data : undefined;
  } catch {
    // None kept, or an unreadable file (an interrupted write): read every page.
    return undefined;
  }
}

/** A page's facts as kept. */
function keptFacts(kept: KeptFile, page: string): PageFacts {
  const [, anchors, links, blocked, cjk] = kept.pages[page] as KeptFile["pages"][string];
  return { anchors, links: links.map((i) => kept.links[i] as PageLink), blocked, cjk };
}

function writeKept(
  file: string,
  kept: Pick<KeptFile, "key" | "rest" | "report">,
  facts: ReadonlyMap<string, [string, PageFacts]>,
): void {
  // Every link is one interned copy (internLink), so a link's object is its identity.
  const index = new Map<PageLink, number>();
  const links: PageLink[] = [];
  const pages: KeptFile["pages"] = {};
  for (const [page, [hash, { anchors, links: pageLinks, blocked, cjk }]] of facts) {
    const numbers = pageLinks.map((link) => {
      let i = index.get(link);
      if (i === undefined) {
        i = links.push(link) - 1;
        index.set(link, i);
      }
      return i;
    });
    pages[page] = [hash, anchors, numbers, blocked, cjk];
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...kept, links, pages } satisfies KeptFile));
}

/**
 * Checks a built site folder after `astro build`: every link and anchor
 * (`pageLinks`, `judgeLinks`), that every inline script and style is allowed
 * by the page's Content-Security-Policy, and that the trimmed font covers
 * every Chinese character on every page. Each page is read once; what the
 * check needs from it (its anchors, resolved links, blocked scripts and
 * characters) is kept, not the page. With `cacheDir`, those facts are saved
 * there and a page with the same bytes is not read again in the next build:
 * at 1,000 entries the check took 1.7-2.2 s for 2,150 pages, and after one
 * lesson was edited every other page is the same.
 */
export function checkBuiltSite(
  dir: string,
  options: { base?: string; cacheDir?: string } = {},
): BuiltSiteReport {
  const { pages, files } = listBuiltSite(dir, SEARCH_INDEX_FOLDER);
  const stylesheets = [...files]
    .filter((path) => path.endsWith(".css"))
    .map((path) => readFileSync(join(dir, path), "utf8"));
  const keptFile = options.cacheDir ? join(options.cacheDir, CACHE_FILE) : undefined;
  const key = factsKey(options.base);
  const kept = keptFile ? readKept(keptFile, key) : undefined;
  // Each page's hash, and its facts when it was read (not kept).
  const next = new Map<string, [string, PageFacts | undefined]>();
  // One copy of each link: the header's and footer's are on every page.
  const links = new Map<string, PageLink>();
  for (const link of kept?.links ?? []) internLink(links, link);
  let reread = 0;
  for (const [page, file] of pages) {
    const bytes = readFileSync(file);
    const hash = keptFile ? createHash("sha256").update(bytes).digest("base64") : "";
    const same = kept && Object.hasOwn(kept.pages, page) && kept.pages[page]?.[0] === hash;
    next.set(page, [
      hash,
      same ? undefined : factsOf(page, bytes.toString("utf8"), options.base, links),
    ]);
    if (!same) reread += 1;
  }
  const rest = createHash("sha256")
    .update([...files].sort().join("\u0000"))
    .update(stylesheets.join("\u0000"))
    .digest("base64");
  // The same pages and the same other files as last time: the same report.
  if (kept && reread === 0 && Object.keys(kept.pages).length === next.size && kept.rest === rest)
    return { ...kept.report, uncovered: new Map(kept.report.uncovered) };

  const facts = new Map<string, [string, PageFacts]>();
  for (const [page, [hash, read]] of next)
    facts.set(page, [hash, read ?? keptFacts(kept as KeptFile, page)]);
  const report = judgeSite(facts, files, stylesheets);
  if (keptFile)
    writeKept(
      keptFile,
      { key, rest, report: { ...report, uncovered: [...report.uncovered] } },
      facts,
    );
  return report;
}

/** The report on a site from its pages' facts (in the site's order), its other files and stylesheets. */
function judgeSite(
  pages: ReadonlyMap<string, [string, PageFacts]>,
  files: ReadonlySet<string>,
  stylesheets: readonly string[],
): BuiltSiteReport {
  const anchors = new Map<string, Set<string>>();
  const lookup = {
    hasPage: (path: string) => pages.has(path),
    hasFile: (path: string) => files.has(path),
    anchors: (page: string) => {
      let ids = anchors.get(page);
      if (!ids) {
        ids = new Set(pages.get(page)?.[1].anchors);
        anchors.set(page, ids);
      }
      return ids;
    },
  };
  const covered = FONT_FAMILIES.map((family) => familyRanges(stylesheets, family))
    .filter((ranges) => ranges.length)
    .reduce((all, ranges) => intersectRanges(all, ranges), [[0, 0x10ffff] as const]);
  const hasFont = stylesheets.some((css) => css.includes("@font-face"));
  const brokenLinks: LinkProblem[] = [];
  const uncovered = new Map<string, string>();
  const blockedScripts: BuiltSiteReport["blockedScripts"] = [];
  // Most links and characters recur on every page: each is judged once.
  const judged = new Map<string, LinkProblemKind | undefined>();
  const seen = new Set<string>();
  for (const [page, [, facts]] of pages) {
    brokenLinks.push(...judgeLinks(page, facts.links, lookup, judged));
    for (const script of facts.blocked) blockedScripts.push({ page, script });
    if (!hasFont) continue;
    const fresh = [...facts.cjk].filter((char) => !seen.has(char));
    for (const char of fresh) seen.add(char);
    for (const char of outsideRanges(fresh.join(""), covered)) uncovered.set(char, page);
  }
  return { pages: pages.size, brokenLinks, uncovered, blockedScripts };
}
