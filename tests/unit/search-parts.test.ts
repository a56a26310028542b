/**
 * A search index in parts: how the build splits it (src/lib/search/parts.ts)
 * and how the search page searches the parts as one (src/components/search/index-parts.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import {
  addCounts,
  combineParts,
  idf,
  matchedOnlyShorter,
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

/**
 * A fake part: pages with their words; a search finds pages with every word it
 * has (as Pagefind), and a quoted word only where it stands exactly. With
 * `bm25`, a page scores as Pagefind would (each query word's uses on the page
 * times its IDF in this part); otherwise by its number of words.
 */
function fakePart(pages: Record<string, string[]>, filter = "type", bm25 = false): SearchIndex {
  const vocabulary = new Set(Object.values(pages).flat());
  const entries = Object.entries(pages);
  const find = (query: string | null) => {
    const exact = /^"(.*)"$/.exec(query ?? "")?.[1];
    if (exact) return entries.filter(([, words]) => words.includes(exact));
    const known = (query ?? "").split(" ").filter((word) => vocabulary.has(word));
    if (query && known.length === 0) return [];
    return entries.filter(([, words]) => known.every((w) => words.includes(w)));
  };
  const score = (words: string[], query: string | null) =>
    bm25
      ? (query ?? "").split(" ").reduce((sum, word) => {
          const n = entries.filter(([, w]) => w.includes(word)).length;
          return sum + words.filter((w) => w === word).length * idf(entries.length, n);
        }, 0)
      : words.length;
  return {
    pages: bm25 ? entries.length : undefined,
    filters: async () => ({ [filter]: { page: Object.keys(pages).length } }),
    search: async (query) => {
      const found = find(query);
      return {
        results: found.map(([id, words]) => ({
          id,
          score: score(words, query),
          data: async () => ({ url: id }) as never,
        })),
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

  it("does not let a part match a word by a shorter one it has (Pagefind's prefix fallback)", async () => {
    // Pagefind in a part without 能不能 would match 能; the fake ignores the
    // word instead, which shows the same fault: part a would answer alone.
    const c = fakePart({ "/c1": ["工会", "能不能"], "/c2": ["工会"] });
    const d = fakePart({ "/d1": ["工会", "能"] });
    const split = combineParts([c, d], words);
    expect((await split.search("工会 能不能"))?.results.map((r) => r.id)).toEqual(["/c1"]);
    expect((await split.search("能不能"))?.results.map((r) => r.id)).toEqual(["/c1"]);
  });

  // Chinese and Latin words alike (Latin ones were once left at their part's rarity).
  for (const word of ["培训费", "shixisheng"])
    it(`weighs each word by its rarity over all parts, not within its own part (${word})`, async () => {
      // The word is on 1 of 4 pages of part e and on 3 of 4 of part f, so part e
      // rates it rarer; over all 8 pages /f1, which uses it twice, is the better match.
      const e = fakePart({ "/e1": [word], "/e2": ["x"], "/e3": ["y"], "/e4": ["z"] }, "type", true);
      const f = fakePart(
        { "/f1": [word, word], "/f2": [word], "/f3": [word], "/f4": ["w"] },
        "type",
        true,
      );
      expect((await e.search(word))?.results[0]?.score).toBeGreaterThan(
        (await f.search(word))?.results[0]?.score ?? Infinity,
      );
      const split = combineParts([e, f], words);
      expect(split.pages).toBe(8);
      const ranked = (await split.search(word))?.results ?? [];
      expect(ranked[0]?.id).toBe("/f1");
      // The same IDF for every page: /e1 and /f2 each use the word once.
      const score = (id: string) => ranked.find((r) => r.id === id)?.score;
      expect(score("/e1")).toBeCloseTo(score("/f2") ?? 0);
      expect(score("/e1")).toBeCloseTo(idf(8, 4));
    });

  /**
   * A part that answers as Pagefind does for Latin words: `hits` per query
   * (a quoted query is the exact search), each hit with the words its excerpt
   * marks and the metadata fields it matched.
   */
  function scriptedPart(
    pages: number,
    hits: Record<string, { id: string; marked?: string[]; meta?: Record<string, string> }[]>,
  ): SearchIndex {
    return {
      pages,
      filters: async () => ({}),
      search: async (query) => {
        const found = hits[query ?? ""] ?? [];
        return {
          results: found.map(
            (hit): PagefindResult => ({
              id: hit.id,
              score: 1,
              ...(hit.meta ? { matchedMetaFields: Object.keys(hit.meta) } : {}),
              data: async () => ({
                url: hit.id,
                excerpt: (hit.marked ?? []).map((m) => `… <mark>${m}</mark> …`).join(""),
                meta: hit.meta ?? {},
                sub_results: [],
              }),
            }),
          ),
          unfilteredResultCount: found.length,
          filters: {},
        };
      },
    };
  }

  it("does not let a part match a Latin word by a shorter one (in for injured, shi for shixisheng)", async () => {
    // Part g has "injured" but no exact match for it (Pagefind looks up its
    // stem injur); part h has no word beginning with injur and answers with
    // pages that have "in". Likewise shixisheng, in pinyin metadata.
    const g = scriptedPart(10, {
      injured: [{ id: "/g1", marked: ["injured"] }],
      new: [{ id: "/g1", marked: ["new"] }],
      '"new"': [{ id: "/g1" }],
      "new injured": [{ id: "/g1" }],
      shixisheng: [{ id: "/g2", meta: { pinyin: "shixisheng shixi" } }],
      '"shixisheng"': [{ id: "/g2" }],
    });
    const h = scriptedPart(10, {
      injured: [{ id: "/h1", marked: ["in", "In"] }, { id: "/h2" }],
      new: [{ id: "/h1", marked: ["new"] }],
      '"new"': [{ id: "/h1" }],
      "new injured": [{ id: "/h1" }],
      shixisheng: [{ id: "/h3", meta: { pinyin: "renshou shi xi" } }],
    });
    const split = combineParts([g, h], words);
    expect((await split.search("injured"))?.results.map((r) => r.id)).toEqual(["/g1"]);
    expect((await split.search("new injured"))?.results.map((r) => r.id)).toEqual(["/g1"]);
    expect((await split.search("shixisheng"))?.results.map((r) => r.id)).toEqual(["/g2"]);
    // When no part has the word, each part matches it as it can (one index would too).
    expect(
      (await combineParts([h, scriptedPart(5, {})], words).search("injured"))?.results.map(
        (r) => r.id,
      ),
    ).toEqual(["/h1", "/h2"]);
  });

  it("tries a part's word search again after it failed", async () => {
    let fail = true;
    const flaky: SearchIndex = {
      pages: 1,
      filters: async () => ({}),
      search: async (query) => {
        if (fail) throw new Error("part-2 not loaded");
        return {
          results: query === "x" ? [{ id: "/x", score: 1, data: async () => ({}) as never }] : [],
          unfilteredResultCount: query === "x" || query === '"x"' ? 1 : 0,
          filters: {},
        };
      },
    };
    const split = combineParts([flaky, scriptedPart(1, {})], words);
    await expect(split.search("x")).rejects.toThrow(/not loaded/);
    fail = false;
    expect((await split.search("x"))?.results.map((r) => r.id)).toEqual(["/x"]);
  });

  it("keeps the results Pagefind returned alive while their data may be loaded", async () => {
    // Pagefind's web worker keeps a result's data until the browser has
    // collected the result object it handed out (a FinalizationRegistry);
    // then data() answers null. Merged results must hold on to those
    // objects: copies alone let them go, and a search that loaded a later
    // result's data after a collection failed (seen once in CI: a search in
    // parts that never finished).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const released = new Set<string>();
    const registry = new FinalizationRegistry<string>((key) => released.add(key));
    let handedOut = 0;
    const workerLike = (ids: string[]): SearchIndex => ({
      pages: ids.length,
      filters: async () => ({}),
      search: async () => {
        const results = ids.map((id): PagefindResult => {
          // As Pagefind's wrapper: each answer's data has its own key, and
          // the data function does not hold the result.
          const key = `${id} #${++handedOut}`;
          const data = async () => (released.has(key) ? null : { url: id }) as never;
          const result = { id, score: 1, data };
          registry.register(result, key);
          return result;
        });
        return { results, unfilteredResultCount: ids.length, filters: {} };
      },
    });
    const split = combineParts([workerLike(["/p1", "/p2"]), workerLike(["/q1"])], words);
    const results = (await split.search("x"))?.results ?? [];
    // A result nobody holds is let go: the collection below really runs.
    registry.register({ id: "/dropped" }, "/dropped");
    for (let i = 0; i < 5 && !released.has("/dropped"); i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(released.has("/dropped")).toBe(true);
    const loaded = await Promise.all(results.map((result) => result.data()));
    expect(loaded.map((fragment) => fragment?.url).sort()).toEqual(["/p1", "/p2", "/q1"]);
  });

  it("tells a shorter word matched in place of a Latin word from the word itself", () => {
    const hit = (marked: string[], meta: Record<string, string> = {}) => ({
      excerpt: marked.map((m) => `<mark>${m}</mark> and more`).join(" "),
      meta,
      sub_results: [],
    });
    expect(matchedOnlyShorter("injured", hit(["in"]), [])).toBe(true);
    expect(matchedOnlyShorter("Injured", hit(["In", "inj"]), [])).toBe(true);
    expect(matchedOnlyShorter("injured", hit(["injured"]), [])).toBe(false);
    // What an English stemmer makes of the word: injur, matching injury.
    expect(matchedOnlyShorter("injured", hit(["injury"]), [])).toBe(false);
    expect(matchedOnlyShorter("injured", hit(["in", "injuries"]), [])).toBe(false);
    // In metadata only the fields Pagefind says it matched count.
    expect(
      matchedOnlyShorter("shixisheng", hit([], { pinyin: "shi xi renshou" }), ["pinyin"]),
    ).toBe(true);
    expect(
      matchedOnlyShorter("shixisheng", hit([], { pinyin: "shi shixisheng" }), ["pinyin"]),
    ).toBe(false);
    expect(
      matchedOnlyShorter("shixisheng", hit([], { pinyin: "shi", other: "shixisheng" }), ["pinyin"]),
    ).toBe(true);
    // Diacritics and case as Pagefind folds them.
    expect(matchedOnlyShorter("shixisheng", hit(["shí"]), [])).toBe(true);
    // Nothing to judge by: the hit counts as the word.
    expect(matchedOnlyShorter("injured", hit([]), [])).toBe(false);
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
