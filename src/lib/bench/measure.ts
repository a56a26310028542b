import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** Kinds of page, by route (see src/lib/site/routes.ts); /en/ pages count with their Chinese twin. */
export type PageType =
  | "home"
  | "course"
  | "lesson"
  | "policy"
  | "case"
  | "list"
  | "topic"
  | "glossary"
  | "print"
  | "other";

/** Client code and styles one page loads. */
export interface PageAssets {
  jsBytes: number;
  cssBytes: number;
}

export interface PageTypeStats extends PageAssets {
  pages: number;
  avgHtmlBytes: number;
  maxHtmlBytes: number;
  maxHtmlPage: string;
}

/** Sizes of a built site. */
export interface SiteMeasure {
  pages: number;
  totalBytes: number;
  htmlBytes: number;
  avgHtmlBytes: number;
  /** Largest page other than a policy full-text page. */
  maxHtmlBytes: number;
  maxHtmlPage: string;
  /** Largest policy page (summary + full official text). */
  maxPolicyHtmlBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  searchIndexBytes: number;
  types: Partial<Record<PageType, PageTypeStats>>;
  /** Modification times of the first and last page written, and of the search index (ms since epoch). */
  firstPageMtime: number;
  lastPageMtime: number;
  lastSearchMtime: number | undefined;
}

function walk(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

/** The page type of `courses/x/y/index.html` and friends. */
export function pageType(path: string): PageType {
  const parts = path.split("/").filter((p) => p !== "index.html");
  if (parts[0] === "en") parts.shift();
  const [section, id, sub] = parts;
  if (section === undefined) return "home";
  if (section === "print") return "print";
  if (section === "glossary") return "glossary";
  if (section === "topics") return id ? "topic" : "list";
  // Later pages of a list are numbered: cases/2/, courses/filter/topic/x/2/.
  if (id === undefined || id === "filter" || /^\d+$/.test(id))
    return ["courses", "policies", "cases"].includes(section) ? "list" : "other";
  if (section === "courses") return sub ? "lesson" : "course";
  if (section === "policies") return "policy";
  if (section === "cases") return "case";
  return "other";
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, "i").exec(tag)?.[1];

/**
 * JS and CSS a page loads: external scripts, module preloads and stylesheets
 * it references (sizes of the built files) plus inline scripts and styles.
 */
export function pageAssets(html: string, sizeOf: (href: string) => number): PageAssets {
  let jsBytes = 0;
  let cssBytes = 0;
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? "";
    const src = attr(attrs, "src");
    if (src) jsBytes += sizeOf(src);
    else if (!/type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs))
      jsBytes += Buffer.byteLength(m[2] ?? "");
  }
  for (const m of html.matchAll(LINK)) {
    const tag = m[0];
    const rel = attr(tag, "rel") ?? "";
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "stylesheet") cssBytes += sizeOf(href);
    else if (rel === "modulepreload") jsBytes += sizeOf(href);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    cssBytes += Buffer.byteLength(m[1] ?? "");
  return { jsBytes, cssBytes };
}

/** Measures a built site folder (`dist/`). */
export function measureSite(dist: string): SiteMeasure {
  const files: { path: string; size: number; mtime: number }[] = [];
  walk(dist, (path) => {
    const stat = statSync(path);
    files.push({
      path: relative(dist, path).split(sep).join("/"),
      size: stat.size,
      mtime: stat.mtimeMs,
    });
  });
  const sizes = new Map(files.map((f) => [f.path, f.size]));
  const sizeOf = (href: string) => {
    if (/^[a-z]+:\/\//i.test(href)) return 0;
    return sizes.get(decodeURI(href.split(/[?#]/)[0] ?? "").replace(/^\//, "")) ?? 0;
  };
  const pages = files.filter((f) => f.path.endsWith(".html"));
  const types: Partial<Record<PageType, PageTypeStats & { total: number }>> = {};
  let max = { bytes: 0, page: "" };
  let maxPolicy = 0;
  for (const page of pages) {
    const type = pageType(page.path);
    const assets = pageAssets(readFileSync(join(dist, page.path), "utf8"), sizeOf);
    const stats = types[type] ?? {
      pages: 0,
      total: 0,
      avgHtmlBytes: 0,
      maxHtmlBytes: 0,
      maxHtmlPage: "",
      jsBytes: 0,
      cssBytes: 0,
    };
    types[type] = stats;
    stats.pages++;
    stats.total += page.size;
    if (page.size > stats.maxHtmlBytes)
      Object.assign(stats, { maxHtmlBytes: page.size, maxHtmlPage: page.path });
    stats.jsBytes = Math.max(stats.jsBytes, assets.jsBytes);
    stats.cssBytes = Math.max(stats.cssBytes, assets.cssBytes);
    if (type === "policy") maxPolicy = Math.max(maxPolicy, page.size);
    else if (page.size > max.bytes) max = { bytes: page.size, page: page.path };
  }
  const result: SiteMeasure["types"] = {};
  for (const [type, { total, ...stats }] of Object.entries(types)) {
    result[type as PageType] = { ...stats, avgHtmlBytes: Math.round(total / stats.pages) };
  }
  const css = files.filter((f) => f.path.endsWith(".css"));
  const search = files.filter((f) => f.path.startsWith("pagefind/"));
  const htmlBytes = pages.reduce((sum, f) => sum + f.size, 0);
  const mtimes = pages.map((f) => f.mtime);
  return {
    pages: pages.length,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    htmlBytes,
    avgHtmlBytes: pages.length ? Math.round(htmlBytes / pages.length) : 0,
    maxHtmlBytes: max.bytes,
    maxHtmlPage: max.page,
    maxPolicyHtmlBytes: maxPolicy,
    cssBytes: css.reduce((sum, f) => sum + f.size, 0),
    cssGzipBytes: css.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(dist, f.path)), { level: 9 }).length,
      0,
    ),
    searchIndexBytes: search.reduce((sum, f) => sum + f.size, 0),
    types: result,
    firstPageMtime: mtimes.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
    lastPageMtime: mtimes.reduce((a, b) => Math.max(a, b), 0),
    lastSearchMtime: search.length ? search.reduce((a, f) => Math.max(a, f.mtime), 0) : undefined,
  };
}
