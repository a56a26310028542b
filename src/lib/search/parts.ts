import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { listBuiltSite } from "../dist/read-built-site.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import type { SearchRecords } from "./records.ts";

/** Something Pagefind indexes, with the number of characters that drives its memory. */
export interface Sized {
  chars: number;
}

/**
 * Splits `items` into as few parts as keep each under `maxChars` (on
 * average), dealing them out in turn like cards: every part gets a like share
 * of each kind of page and record, so the word statistics Pagefind ranks with
 * are alike in all parts and merged results stay comparable. Measured on the
 * sample split into 3 parts of ~17 pages (tests/search): hit@3 100 %, hit@1
 * 86 % instead of 90 %; on a big site each part holds over a thousand pages.
 * Two alternatives ranked worse there: the glossary and article records kept
 * together in the first part (hit@3 97 %), and each item given to the part
 * with the fewest characters so far (hit@3 98 %).
 */
export function splitIntoParts<T extends Sized>(items: readonly T[], maxChars: number): T[][] {
  const total = items.reduce((sum, item) => sum + item.chars, 0);
  const count = Math.max(1, Math.ceil(total / maxChars));
  const parts: T[][] = Array.from({ length: count }, () => []);
  for (const [i, item] of items.entries()) parts[i % count]?.push(item);
  return parts.filter((part) => part.length > 0);
}

/**
 * The characters the search index will hold, told from the knowledge base
 * before any page is rendered: the entries' bodies and front matter, the law
 * texts the policy pages show, and the records. On the bench's 1,000 entries
 * it says 3.14 M where the pages and records hold 2.98 M.
 */
export function estimateSearchChars(kb: KnowledgeBase, records: SearchRecords): number {
  let chars = 0;
  for (const entry of [...kb.courses, ...kb.lessons, ...kb.cases, ...kb.policies])
    chars += (entry.body ?? "").length + JSON.stringify(entry.raw).length;
  for (const { text } of kb.lawTexts.values()) chars += JSON.stringify(text).length;
  for (const term of records.terms) chars += term.content.length;
  for (const article of records.articles)
    for (const part of article.parts) chars += part.text.length;
  return chars;
}

/**
 * Whether an index of about `estimate` characters (estimateSearchChars) will
 * surely be one part of at most `maxChars`: a quarter is left for the
 * estimate's error. Only a guess that lets the build begin the index early;
 * the parts themselves are always made from the pages (splitIntoParts).
 */
export function surelyOnePart(estimate: number, maxChars: number): boolean {
  return estimate * 1.25 <= maxChars;
}

/** A built page that goes into the search index. */
export interface SearchablePage extends Sized {
  /** Path under the site root with `/` separators, e.g. "cases/x/index.html". */
  path: string;
  /** The URL Pagefind gives the page: root-relative, without "index.html". */
  url: string;
  /** SHA-256 of the file, for the search index cache. */
  hash: string;
}

/**
 * The pages of the built site under `root` that Pagefind would index: those
 * marking their searchable part with `data-pagefind-body` (Pagefind skips the
 * others once any page has it). Sorted by path. `chars` counts the text from
 * inside that element to the end of `<main>`, tags left out: an estimate of what is
 * indexed (ignored parts are counted too), which is what the split needs.
 */
export function searchablePages(root: string): SearchablePage[] {
  const pages: SearchablePage[] = [];
  const files = [...listBuiltSite(root).pages.values()].sort();
  for (const file of files) {
    const page = searchablePage(relative(root, file).split(sep).join("/"), readFileSync(file));
    if (page) pages.push(page);
  }
  return pages;
}

/**
 * One built page as the search index sees it, from its path under the site
 * root (`/` separators) and its bytes; undefined when it is not searchable.
 */
export function searchablePage(path: string, bytes: Buffer): SearchablePage | undefined {
  const html = bytes.toString("utf8");
  const marker = html.indexOf("data-pagefind-body");
  if (marker === -1) return undefined;
  const start = html.indexOf(">", marker) + 1;
  const end = html.indexOf("</main>", start);
  return {
    path,
    url: pageUrl(path),
    chars: textLength(html.slice(start, end)),
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Pagefind's URL for a page at `path`: "cases/x/index.html" → "/cases/x/". */
export function pageUrl(path: string): string {
  return encodeURI(`/${path.replace(/(^|\/)index\.html$/, "$1")}`)
    .replaceAll("#", "%23")
    .replaceAll("?", "%3F");
}

/** Characters of text in an HTML fragment, tags and runs of white space left out. */
export function textLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").length;
}
