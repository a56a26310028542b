/**
 * A search index in parts: how the build splits it (src/lib/search/parts.ts)
 * and how the search page searches the parts as one (src/components/search/index-parts.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  addCounts,
  combineParts,
  type PagefindResult,
  queryWords,
  type SearchIndex,
} from "../../src/components/search/index-parts.ts";
import { DEFAULT_PART_CHARS, partSizeFromEnv } from "../../src/lib/env.ts";
import { partFolder } from "../../src/lib/search/manifest.ts";
import {
  pageUrl,
  searchablePages,
  splitIntoParts,
  textLength,
} from "../../src/lib/search/parts.ts";

describe("splitting the index", () => {
  const items = (sizes: number[]) => sizes.map((chars, i) => ({ id: i, chars }));

  it("keeps a site that fits into one part whole", () => {
    expect(splitIntoParts(items([10, 20, 30]), 60)).toEqual([items([10, 20, 30])]);
    expect(splitIntoParts([], 60)).toEqual([]);
  });

  it("uses as few parts as keep each under the limit, dealing items out in turn", () => {
    const parts = splitIntoParts(items([10, 10, 10, 10, 10, 10, 10]), 30);
    expect(parts.map((part) => part.map((item) => item.id))).toEqual([
      [0, 3, 6],
      [1, 4],
      [2, 5],
    ]);
  });

  it("names the first part's folder as the bundle itself and the others part-N/", () => {
    expect([0, 1, 2].map(partFolder)).toEqual(["", "part-2/", "part-3/"]);
  });

  it("reads the part size from UNION_KB_SEARCH_PART_CHARS and rejects nonsense", () => {
    expect(partSizeFromEnv({})).toBe(DEFAULT_PART_CHARS);
    expect(partSizeFromEnv({ UNION_KB_SEARCH_PART_CHARS: "" })).toBe(DEFAULT_PART_CHARS);
    expect(partSizeFromEnv({ UNION_KB_SEARCH_PART_CHARS: "500000" })).toBe(500_000);
    for (const bad of ["0", "-3", "1.5", "lots"])
      expect(() => partSizeFromEnv({ UNION_KB_SEARCH_PART_CHARS: bad })).toThrow(
        /UNION_KB_SEARCH_PART_CHARS must be a whole number.*got "/,
      );
  });

  it("gives pages the URL Pagefind would", () => {
    expect(pageUrl("index.html")).toBe("/");
    expect(pageUrl("cases/x/index.html")).toBe("/cases/x/");
    expect(pageUrl("404.html")).toBe("/404.html");
    expect(pageUrl("a b/c#d/index.html")).toBe("/a%20b/c%23d/");
  });

  it("counts text, not markup", () => {
    expect(textLength('<p class="x">职业 <b>教育</b></p>\n\n<p>法</p>')).toBe(
      "职业 教育 法".length,
    );
  });

  const root = mkdtempSync(join(tmpdir(), "union-kb-searchable-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("indexes only pages that mark their searchable part, measuring that part", () => {
    const page = (path: string, html: string) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), html);
    };
    page(
      "b/index.html",
      "<main data-pagefind-body><h1>职业教育</h1><p>法</p></main><footer>页脚</footer>",
    );
    page("a/index.html", "<main data-pagefind-body>abc</main>");
    page("print/a/index.html", '<body data-pagefind-ignore="all"><main>很长的讲义</main></body>');
    page("style.css", "main{}");
    const found = searchablePages(root);
    expect(found).toMatchObject([
      { path: "a/index.html", url: "/a/", chars: 3 },
      { path: "b/index.html", url: "/b/", chars: 5 },
    ]);
    // The hash of each file keys the search index cache.
    expect(found[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(found[0]?.hash).not.toBe(found[1]?.hash);
  });
});

/** A fake part: pages with their words; a search finds pages with every word it has (as Pagefind). */
function fakePart(pages: Record<string, string[]>, filter = "type"): SearchIndex {
  const vocabulary = new Set(Object.values(pages).flat());
  const find = (query: string | null) => {
    const known = (query ?? "").split(" ").filter((word) => vocabulary.has(word));
    if (query && known.length === 0) return [];
    return Object.entries(pages).filter(([, words]) => known.every((w) => words.includes(w)));
  };
  const result = ([id, words]: [string, string[]]): PagefindResult => ({
    id,
    score: words.length,
    data: async () => ({ url: id }) as never,
  });
  return {
    filters: async () => ({ [filter]: { page: Object.keys(pages).length } }),
    search: async (query) => {
      const found = find(query);
      return {
        results: found.map(result),
        unfilteredResultCount: found.length,
        filters: { [filter]: { page: found.length } },
      };
    },
  };
}

describe("searching the parts as one", () => {
  const words = (query: string) => query.split(" ");
  const a = fakePart({ "/a1": ["职业", "教育法", "二十四"], "/a2": ["职业"] });
  const b = fakePart({ "/b1": ["职业", "教育法"], "/b2": ["职业", "培训", "x", "y"] });
  const both = combineParts([a, b], words);
  const ids = async (query: string) => (await both.search(query))?.results.map((r) => r.id);

  it("orders the results of all parts by score and adds up their counts", async () => {
    const response = await both.search("职业");
    expect(response?.results.map((r) => r.id)).toEqual(["/b2", "/a1", "/b1", "/a2"]);
    expect(response?.unfilteredResultCount).toBe(4);
    expect(response?.filters).toEqual({ type: { page: 4 } });
    expect(await both.filters()).toEqual({ type: { page: 4 } });
  });

  it("leaves out a part that lacks a word another part has", async () => {
    // Alone, part b would ignore 二十四 and answer with /b1.
    expect(await ids("职业 二十四")).toEqual(["/a1"]);
  });

  it("ignores a word no part has, as one index would", async () => {
    expect(await ids("教育法 不存在")).toEqual(["/a1", "/b1"]);
  });

  it("searches filters alone in every part", async () => {
    expect((await both.search(null))?.unfilteredResultCount).toBe(4);
  });

  it("is the part itself when there is only one", () => {
    expect(combineParts([a], words)).toBe(a);
  });

  it("adds up filter counts", () => {
    expect(addCounts([{ t: { x: 1 } }, { t: { x: 2, y: 1 }, u: { z: 3 } }])).toEqual({
      t: { x: 3, y: 1 },
      u: { z: 3 },
    });
  });

  it("splits a Chinese query into words as Pagefind's search does", () => {
    const found = queryWords("职业教育法 第二十四条！", "zh-CN");
    expect(found.length).toBeGreaterThan(2);
    expect(found.join("")).toBe("职业教育法第二十四条");
    expect(queryWords("Labour LAW", "en")).toEqual(["labour", "law"]);
  });
});
