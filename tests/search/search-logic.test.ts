import { describe, expect, it } from "vitest";
import {
  articleNumberOf,
  type FragmentLike,
  normalizeQuery,
  promoteNamed,
} from "../../src/components/search/results.ts";
import { pinyinVariants } from "../../src/lib/astro/pagefind.ts";
import { hitRank } from "./harness.ts";

const fragment = (url: string, title: string, anchors: string[] = []): FragmentLike => ({
  url,
  excerpt: "",
  meta: { title },
  sub_results: anchors.map((id) => ({
    title: id,
    url: `${url}#${id}`,
    excerpt: "",
    anchor: { id },
    weighted_locations: [],
  })),
});

describe("query normalisation", () => {
  it("writes article numbers the way the law texts do", () => {
    expect(normalizeQuery("职业教育法 第24条")).toBe("职业教育法 第二十四条");
    expect(normalizeQuery("劳动法 68条")).toBe("劳动法 第六十八条");
    expect(normalizeQuery("  工会经费   来源 ")).toBe("工会经费 来源");
  });

  it("reads the article a query asks for", () => {
    expect(articleNumberOf("职业教育法 第二十四条")).toBe(24);
    expect(articleNumberOf("第24条")).toBe(24);
    expect(articleNumberOf("培训")).toBeUndefined();
  });
});

describe("promoteNamed", () => {
  it("puts the named article of the named law first, then that law's page", () => {
    const results = [
      fragment("/policies/vel-1996/#art-29", "职业教育法（1996） 第二十九条"),
      fragment("/policies/labour/", "中华人民共和国劳动法", ["art-24"]),
      fragment("/policies/vel-2022/", "中华人民共和国职业教育法", ["art-24"]),
      fragment("/policies/vel-2022/#art-24", "职业教育法（2022） 第二十四条"),
    ];
    expect(promoteNamed(results, "职业教育法 第24条").map((r) => r.url)).toEqual([
      "/policies/vel-2022/#art-24",
      "/policies/vel-2022/",
      "/policies/vel-1996/#art-29",
      "/policies/labour/",
    ]);
  });

  it("puts an exact title match first and keeps the rest in order", () => {
    const results = [
      fragment("/a/", "技能证书"),
      fragment("/glossary/#term-x", "职业技能等级证书 · vocational skill level certificate"),
    ];
    expect(promoteNamed(results, "职业技能等级证书").map((r) => r.url)).toEqual([
      "/glossary/#term-x",
      "/a/",
    ]);
  });
});

describe("pinyinVariants", () => {
  it("joins neighbouring syllables without tones", () => {
    expect(pinyinVariants("shī dài tú")).toEqual(["shidai", "shidaitu", "daitu"]);
  });

  it("spells ü as v and u", () => {
    expect(pinyinVariants("fǎ lǜ")).toEqual(expect.arrayContaining(["falu", "falv", "lv"]));
  });
});

describe("hitRank", () => {
  it("matches pages by path and sections by exact anchor", () => {
    const results = [["/a/"], ["/policies/x/", "/policies/x/#art-2"], ["/policies/x/#art-24"]];
    expect(hitRank(["/policies/x/"], results)).toBe(2);
    expect(hitRank(["/policies/x/#art-24"], results)).toBe(3);
    expect(hitRank(["/b/"], results)).toBeUndefined();
  });
});
