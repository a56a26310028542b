import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { familyRanges, uncoveredCharacters } from "../fonts/font-coverage.ts";
import { intersectRanges } from "../fonts/unicode-range.ts";
import { blockedInlineScripts, blockedInlineStyles } from "./csp-check.ts";
import { anchorsOf, checkPageLinks, type LinkProblem } from "./link-check.ts";
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
 * `cacheDir`, a site that is byte for byte the last one checked there gets
 * that check's report (checkBuiltSiteOnce).
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

/** The modules whose code decides the check's report: a change to any of them checks again. */
const CHECK_CODE = [
  "./site-check.ts",
  "./link-check.ts",
  "./csp-check.ts",
  "./read-built-site.ts",
  "../fonts/font-coverage.ts",
  "../fonts/unicode-range.ts",
];

/**
 * A digest of everything the check reads: every page's path and bytes,
 * every other file's path, the stylesheets' bytes, the base path and the
 * check's own code.
 */
export function builtSiteDigest(dir: string, base?: string): string {
  const hash = createHash("sha256").update(`base:${base ?? "/"}`);
  for (const module of CHECK_CODE) hash.update(readFileSync(new URL(module, import.meta.url)));
  const { pages, files } = listBuiltSite(dir, SEARCH_INDEX_FOLDER);
  for (const [page, file] of [...pages].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash
      .update(`\u0000${page}\u0000`)
      .update(createHash("sha256").update(readFileSync(file)).digest());
  for (const path of [...files].sort()) {
    hash.update(`\u0000${path}`);
    if (path.endsWith(".css")) hash.update(readFileSync(join(dir, path.slice(1))));
  }
  return hash.digest("hex");
}

const CACHE_FILE = "union-kb-site-check.json";

/**
 * `checkBuiltSite`, or the report of the last check in `cacheDir` when the
 * site is the same (builtSiteDigest): a build with unchanged content makes
 * the same site, and its check took 2 s of a 11 s build at 1,000 entries.
 * The report is kept for the last site only.
 */
export function checkBuiltSiteOnce(
  dir: string,
  options: { base?: string; cacheDir: string },
): BuiltSiteReport {
  const digest = builtSiteDigest(dir, options.base);
  const file = join(options.cacheDir, CACHE_FILE);
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as {
      digest: string;
      report: Omit<BuiltSiteReport, "uncovered"> & { uncovered: [string, string][] };
    };
    if (kept.digest === digest)
      return { ...kept.report, uncovered: new Map(kept.report.uncovered) };
  } catch {
    // No report kept, or an unreadable one: check.
  }
  const report = checkBuiltSite(dir, options);
  mkdirSync(options.cacheDir, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ digest, report: { ...report, uncovered: [...report.uncovered] } }),
  );
  return report;
}

/**
 * Checks a built site folder after `astro build`: every link and anchor
 * (`checkPageLinks`), that every inline script is allowed by the page's
 * Content-Security-Policy, and that the trimmed font covers every Chinese
 * character on every page. Pages are read twice, one at a time — once for their anchors,
 * once for their links — so memory stays flat however large the site is.
 */
export function checkBuiltSite(dir: string, options: { base?: string } = {}): BuiltSiteReport {
  const { pages, files } = listBuiltSite(dir, SEARCH_INDEX_FOLDER);
  const stylesheets = [...files]
    .filter((path) => path.endsWith(".css"))
    .map((path) => readFileSync(join(dir, path), "utf8"));

  const anchors = new Map<string, Set<string>>();
  for (const [page, file] of pages) anchors.set(page, anchorsOf(readFileSync(file, "utf8")));

  const covered = FONT_FAMILIES.map((family) => familyRanges(stylesheets, family))
    .filter((ranges) => ranges.length)
    .reduce((all, ranges) => intersectRanges(all, ranges), [[0, 0x10ffff] as const]);
  const hasFont = stylesheets.some((css) => css.includes("@font-face"));

  const lookup = {
    hasPage: (path: string) => pages.has(path),
    hasFile: (path: string) => files.has(path),
    anchors: (page: string) => anchors.get(page) ?? new Set<string>(),
  };
  const brokenLinks: LinkProblem[] = [];
  const uncovered = new Map<string, string>();
  const blockedScripts: BuiltSiteReport["blockedScripts"] = [];
  for (const [page, file] of pages) {
    const html = readFileSync(file, "utf8");
    brokenLinks.push(...checkPageLinks(page, html, lookup, options.base));
    for (const script of blockedInlineScripts(html)) blockedScripts.push({ page, script });
    for (const style of blockedInlineStyles(html))
      blockedScripts.push({ page, script: `<style> ${style}` });
    if (!hasFont) continue;
    for (const char of uncoveredCharacters(html, covered))
      if (!uncovered.has(char)) uncovered.set(char, page);
  }
  return { pages: pages.size, brokenLinks, uncovered, blockedScripts };
}
