import { describe, expect, it } from "vitest";
import { checkLinks, extractLinks } from "../../src/lib/dist/link-check.ts";
import { facetValues, filterItems, filterPages } from "../../src/lib/site/filters.ts";
import { groupByInitial, sortableText } from "../../src/lib/site/glossary-index.ts";
import { countText, mdxToPlainText, readingMinutes } from "../../src/lib/site/reading-time.ts";
import { joinBase, routes, switchLanguageTarget } from "../../src/lib/site/routes.ts";
import { buildToc } from "../../src/lib/site/toc.ts";

describe("reading time", () => {
  it("counts Chinese by characters and English by words", () => {
    expect(countText("企业应当实行培训上岗制度。")).toEqual({ cjk: 12, words: 0 });
    expect(countText("Workers' training rights, 2022")).toEqual({ cjk: 0, words: 4 });
    expect(countText("职业教育法 Vocational Education Law")).toEqual({ cjk: 5, words: 3 });
  });

  it("reads about 350 Chinese characters or 220 English words a minute", () => {
    expect(readingMinutes("字".repeat(350))).toBe(1);
    expect(readingMinutes("字".repeat(351))).toBe(2);
    expect(readingMinutes("字".repeat(3500))).toBe(10);
    expect(readingMinutes("word ".repeat(660))).toBe(3);
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("字".repeat(600), { cjkPerMinute: 300 })).toBe(2);
  });

  it("strips MDX syntax before counting", () => {
    const body =
      'import X from "y";\n\n## 培训上岗\n\n见 <Cite policy="a" article={24} />，[链接](/x/)。**重点**';
    expect(mdxToPlainText(body)).toBe("培训上岗 见 ，链接。重点");
  });
});

describe("table of contents", () => {
  const h = (depth: number, slug: string) => ({ depth, slug, text: slug });
  it("nests h3 under h2 and skips h1/h4", () => {
    const toc = buildToc([h(1, "t"), h(2, "a"), h(3, "a1"), h(4, "x"), h(2, "b"), h(2, "c")]);
    expect(toc.map((e) => [e.slug, e.children.map((c) => c.slug)])).toEqual([
      ["a", ["a1"]],
      ["b", []],
      ["c", []],
    ]);
  });
  it("is empty on short pages", () => {
    expect(buildToc([h(2, "a"), h(2, "b")])).toEqual([]);
    expect(buildToc([h(2, "a"), h(2, "b"), h(2, "c")], { minEntries: 4 })).toEqual([]);
  });
});

describe("filters", () => {
  const items = [
    { id: 1, facets: { topic: ["b", "a"], year: ["2024"] } },
    { id: 2, facets: { topic: ["a"], year: ["2026"] } },
    { id: 3, facets: { year: ["2025"] } },
  ];
  it("lists values with counts in the given order, years newest first", () => {
    expect(facetValues(items, "topic", ["a", "b"]).map((v) => [v.value, v.count])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(facetValues(items, "year").map((v) => v.value)).toEqual(["2026", "2025", "2024"]);
  });
  it("filters and enumerates filter pages", () => {
    expect(filterItems(items, "topic", "a").map((i) => i.id)).toEqual([1, 2]);
    expect(filterPages(items, ["topic"])).toEqual([
      { dimension: "topic", value: "a" },
      { dimension: "topic", value: "b" },
    ]);
  });
});

describe("glossary letters", () => {
  it("groups sorted keys by initial, accents removed", () => {
    const groups = groupByInitial(["ān quán", "bǎo", "bù", "zhí yè", "2"], (k) => k);
    expect(groups.map((g) => [g.letter, g.items.length])).toEqual([
      ["A", 1],
      ["B", 2],
      ["Z", 1],
      ["#", 1],
    ]);
  });

  it("sorts English terms by their first letter, past quote marks and accents", () => {
    const terms = [
      "apprenticeship",
      '"create and strive" campaign',
      "“Éducation” day",
      "collective contract",
    ];
    const sorted = [...terms].sort((a, b) => sortableText(a).localeCompare(sortableText(b), "en"));
    expect(sorted).toEqual([
      "apprenticeship",
      "collective contract",
      '"create and strive" campaign',
      "“Éducation” day",
    ]);
    // One group per letter, so one #letter-C anchor, even for input out of order.
    const groups = groupByInitial(["cat", "apple", "cow"], (k) => k);
    expect(groups.map((g) => [g.letter, g.items])).toEqual([
      ["C", ["cat", "cow"]],
      ["A", ["apple"]],
    ]);
  });
});

describe("routes", () => {
  it("builds filter pages and switches language", () => {
    expect(routes.filter("courses", "topic", "x", "en")).toBe("/en/courses/filter/topic/x/");
    expect(switchLanguageTarget("policies", "en")).toBe("/en/policies/");
    expect(switchLanguageTarget("courses", "en", "/courses/c-en/")).toBe("/courses/c-en/");
    expect(switchLanguageTarget("home", "zh-CN")).toBe("/");
    expect(joinBase("/kb/", "/courses/")).toBe("/kb/courses/");
    expect(joinBase("/kb/", "#art-1")).toBe("#art-1");
  });
});

describe("link checker", () => {
  const site = (pages: Record<string, string>, files: string[] = []) => ({
    pages: new Map(Object.entries(pages)),
    files: new Set(files),
  });

  it("finds URLs in href, src and srcset, not inside scripts", () => {
    const html = `<a href="/a/?x=1&amp;y=2">a</a><img src="/i.png" srcset="/i1.png 1x, /i2.png 2x"><script>const s = '<a href="/nope/">';</script>`;
    expect(extractLinks(html).map((l) => l.url)).toEqual([
      "/a/?x=1&y=2",
      "/i.png",
      "/i1.png",
      "/i2.png",
    ]);
  });

  it("accepts working links and anchors", () => {
    const ok = site(
      {
        "/": '<a href="/p/#art-2">x</a><a href="p/">rel</a><a href="#top">top</a><p id="top"></p><link rel="stylesheet" href="/s.css">',
        "/p/":
          '<h4 id="art-2">第二条</h4><a href="../">up</a><a href="https://example.org/">out</a><link rel="canonical" href="https://kb.example/p/">',
      },
      ["/s.css"],
    );
    expect(checkLinks(ok)).toEqual([]);
  });

  it("reports missing pages, anchors, external assets and links outside the base", () => {
    const bad = site({
      "/": [
        '<a href="/kb/missing/">m</a>',
        '<a href="/kb/#nowhere">a</a>',
        '<img src="https://cdn.example/x.png">',
        '<link rel="stylesheet" href="//fonts.example/css">',
        '<a href="/other/">o</a>',
      ].join(""),
    });
    expect(checkLinks(bad, { base: "/kb/" }).map((p) => [p.url, p.problem])).toEqual([
      ["/kb/missing/", "missing-page"],
      ["/kb/#nowhere", "missing-anchor"],
      ["https://cdn.example/x.png", "external-asset"],
      ["//fonts.example/css", "external-asset"],
      ["/other/", "outside-base"],
    ]);
  });
});
