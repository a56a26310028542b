/**
 * A big site's search index is written in parts (src/lib/search/parts.ts)
 * and merged by the search page. Here the fixture site is indexed again with a
 * tiny part size: every page and record must be in exactly one part, and in
 * Chromium the split site must find what the one-part site finds, with the
 * same filter counts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/lib/search/indexer.ts";
import { PARTS_MANIFEST, type PartsManifest } from "../../src/lib/search/manifest.ts";
import { type Site, siteRoot, startSite } from "../helpers/e2e.ts";
import { VALID_CONTENT } from "../helpers/fixtures.ts";
import { searchFor } from "../search/harness.ts";

let whole: Site;
let split: Site;
let splitRoot: string;

beforeAll(async () => {
  const root = await siteRoot();
  splitRoot = mkdtempSync(join(tmpdir(), "union-kb-parts-"));
  cpSync(root, splitRoot, { recursive: true });
  await buildSearchIndex({
    root: splitRoot,
    base: "/",
    contentDir: VALID_CONTENT,
    partChars: 4_000,
  });
  whole = await startSite({ root });
  // One Chromium for both sites: each page still gets its own context.
  split = await startSite({ root: splitRoot, browser: whole.browser });
}, 600_000);

afterAll(async () => {
  await split?.close();
  await whole?.close();
  if (splitRoot) rmSync(splitRoot, { recursive: true, force: true });
});

/** The URL of every page and record in a Pagefind bundle (its fragments, gzip with a signature). */
function fragmentUrls(bundle: string): string[] {
  const dir = join(bundle, "fragment");
  return readdirSync(dir).map((name) => {
    const bytes = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
    return (JSON.parse(bytes.replace(/^pagefind_dcd/, "")) as { url: string }).url;
  });
}

function parts(root: string): string[] {
  const manifest = JSON.parse(
    readFileSync(join(root, "pagefind", PARTS_MANIFEST), "utf8"),
  ) as PartsManifest;
  return manifest.parts;
}

describe("a search index written in parts", () => {
  it("puts every page and record into exactly one part", () => {
    const folders = parts(splitRoot);
    expect(folders.length).toBeGreaterThanOrEqual(2);
    expect(parts(whole.root)).toEqual([]);
    const bundles = ["", ...folders].map((folder) => join(splitRoot, "pagefind", folder));
    for (const bundle of bundles)
      expect(existsSync(join(bundle, "pagefind-entry.json"))).toBe(true);
    const splitUrls = bundles.flatMap(fragmentUrls);
    expect(new Set(splitUrls).size).toBe(splitUrls.length);
    expect(splitUrls.sort()).toEqual(fragmentUrls(join(whole.root, "pagefind")).sort());
  });

  /** What a search shows: the announced count, the result links, the filter counts. */
  async function outcome(site: Site, path: string, query: string) {
    const page: Page = await site.newPage();
    await page.goto(site.url(path));
    const { results, status } = await searchFor(page, query, 100);
    const filters = await page
      .locator("[data-search-filters] label")
      .evaluateAll((labels) => labels.map((label) => label.textContent?.trim() ?? ""));
    await page.close();
    const urls = results.map((links) => links[0] ?? "");
    return { status, top: urls[0], results: urls.sort(), filters: filters.sort() };
  }

  for (const [path, query] of [
    ["/search/", "培训"],
    ["/en/search/", "training"],
  ] as const) {
    it(`finds on ${path} for “${query}” what the one-part index finds`, async () => {
      const expected = await outcome(whole, path, query);
      const actual = await outcome(split, path, query);
      expect(expected.results.length).toBeGreaterThan(0);
      // Same number of results and the same filter counts; the order may
      // differ (each part ranks with its own word statistics), so the shown
      // results are compared as a set when all of them fit on one screen.
      expect(actual.status).toBe(expected.status);
      expect(actual.filters).toEqual(expected.filters);
      if (expected.results.length < 10) expect(actual.results).toEqual(expected.results);
    });
  }

  it("does not let a part without one of the words answer with pages that have only the others", async () => {
    // Pagefind leaves out a word its index lacks. The one-part site shows
    // that between its two languages: the English glossary page comes up for
    // "职业教育法 第二十四条" although it has neither word. A part without
    // "二十四" must not add every page about the law that way.
    const query = "职业教育法 第二十四条";
    const expected = await outcome(whole, "/search/", query);
    const actual = await outcome(split, "/search/", query);
    expect(actual.top).toBe("/policies/vocational-education-law-2022/#art-24");
    expect(expected.top).toBe(actual.top);
    expect(actual.results).toEqual(expected.results.filter((url) => url !== "/en/glossary/"));
  });
});
