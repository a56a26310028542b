import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentWords } from "../../src/components/search/fallback.ts";
import {
  correctTypo,
  hasTraditional,
  suggestionsFor,
  toSimplified,
  withLawName,
} from "../../src/components/search/names.ts";
import {
  articleNumberOf,
  cleanExcerpt,
  type FragmentLike,
  filterChoices,
  normalizeQuery,
  promoteNamed,
} from "../../src/components/search/results.ts";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import {
  articleRecords,
  dutyLine,
  pinyinVariants,
  recordHtml,
} from "../../src/lib/search/records.ts";
import { ROOT } from "../helpers/fixtures.ts";
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

describe("dutyLine", () => {
  it("names who an article obliges, in the words readers search with", () => {
    expect(
      dutyLine(
        "企业应当根据本单位实际，有计划地对本单位的职工实施职业教育。企业应当按照国家有关规定实行培训上岗制度。",
      ),
    ).toBe("企业的义务");
    expect(dutyLine("用人单位应当建立职业培训制度；县级以上人民政府应当加强指导。")).toBe(
      "用人单位的义务 县级以上人民政府的义务",
    );
  });

  it("says plain 义务 without a short subject, nothing without a duty, and skips connectives", () => {
    expect(dutyLine("但是应当提前通知。")).toBe("义务");
    expect(dutyLine("国家鼓励企业举办职业教育。")).toBe("");
  });
});

describe("recordHtml", () => {
  it("writes a weighted record as a Pagefind body with inline title, meta and filters", () => {
    const html = recordHtml({
      url: "/policies/x/#art-24",
      language: "zh-cn",
      title: "某法 第二十四条",
      parts: [{ text: "要点 <b>", weight: 2 }, { text: "条文" }],
      meta: { type: "政策法规" },
      filters: { topic: ["职业培训", "安全生产"] },
    });
    expect(html).toContain('<html lang="zh-cn">');
    expect(html).toContain("<main data-pagefind-body>");
    expect(html).toContain('<p data-pagefind-meta="title">某法 第二十四条</p>');
    expect(html).toContain('<p data-pagefind-weight="2">要点 &lt;b&gt;</p>');
    expect(html).toContain("<p>条文</p>");
    expect(html).toContain('data-pagefind-meta="type:政策法规"');
    expect(html).toContain('data-pagefind-filter="topic:职业培训"');
    expect(html).toContain('data-pagefind-filter="topic:安全生产"');
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

describe("filterChoices", () => {
  it("merges a filter's values from both languages under the page's label", () => {
    const synonyms = { 案例: "案例", Case: "案例", 课程: "课程", Course: "课程" };
    expect(filterChoices({ 案例: 2, Case: 1, 课程: 1, Course: 0, 其他: 3 }, synonyms)).toEqual([
      { label: "案例", values: ["案例", "Case"], count: 3 },
      { label: "课程", values: ["课程", "Course"], count: 1 },
      { label: "其他", values: ["其他"], count: 3 },
    ]);
  });
});

describe("reading what readers type", () => {
  const vel = {
    kind: "policy" as const,
    names: ["中华人民共和国职业教育法", "职业教育法（2022）", "职业教育法", "职教法", "VEL"],
    label: "职业教育法（2022）",
    labelEn: "Vocational Education Law",
    url: "/policies/vel-2022/",
    urlEn: "/policies/vel-2022/",
    pinyin: "zhiyejiaoyufa zhijiaofa",
    canonical: "职业教育法",
    inForce: true,
  };
  const term = (zh: string, pinyin: string) => ({
    kind: "term" as const,
    names: [zh],
    label: zh,
    labelEn: zh,
    url: `/glossary/#term-${pinyin}`,
    urlEn: `/en/glossary/#term-${pinyin}`,
    pinyin,
  });
  const entries = [vel, term("工会经费", "gonghuijingfei"), term("劳动竞赛", "laodongjingsai")];

  it("writes every article form as the law texts do, full-width and English forms included", () => {
    expect(normalizeQuery("职教法第２４条")).toBe("职教法 第二十四条");
    expect(normalizeQuery("ＶＥＬ　ａｒｔ　２４")).toBe("VEL 第二十四条");
    expect(normalizeQuery("Labour Law article 68")).toBe("Labour Law 第六十八条");
    expect(normalizeQuery("劳动法 八十八条")).toBe("劳动法 第八十八条");
    expect(normalizeQuery("职业教育法第二十四条")).toBe("职业教育法 第二十四条");
  });

  it("reads a law's short name in an article query, as a whole word for Latin names", () => {
    expect(withLawName("职教法 第二十四条", entries)).toBe("职业教育法 第二十四条");
    expect(withLawName("VEL 第二十四条", entries)).toBe("职业教育法 第二十四条");
    expect(withLawName("travel 第二十四条", entries)).toBe("travel 第二十四条");
  });

  it("converts traditional characters with the table, and only those", () => {
    const vocabulary = { entries, traditional: "會勞條" };
    expect(hasTraditional("工會法", vocabulary)).toBe(true);
    expect(hasTraditional("工会法", vocabulary)).toBe(false);
    expect(toSimplified("勞動法 第六十八條", "會会勞劳動动條条")).toBe("劳动法 第六十八条");
  });

  it("corrects one wrong character to a known name, and leaves known names and far words alone", () => {
    expect(correctTypo("公会经费", entries)).toBe("工会经费");
    expect(correctTypo("劳动竟赛", entries)).toBe("劳动竞赛");
    expect(correctTypo("工会经费", entries)).toBeUndefined();
    expect(correctTypo("职工书屋", entries)).toBeUndefined();
  });

  it("suggests names by pinyin prefix and by shared characters", () => {
    expect(suggestionsFor("gonghui", entries).map((e) => e.label)).toEqual(["工会经费"]);
    expect(suggestionsFor("劳动比赛", entries).map((e) => e.label)).toEqual(["劳动竞赛"]);
  });

  it("leaves filler words out of a sentence", () => {
    expect(contentWords(["公司", "让", "我们", "自己", "出", "培训费", "合法", "吗"])).toEqual([
      "公司",
      "出",
      "培训费",
      "合法",
    ]);
  });

  it("drops the punctuation a snippet starts with", () => {
    expect(cleanExcerpt(". 企业应当<mark>培训</mark>")).toBe("企业应当<mark>培训</mark>");
    expect(cleanExcerpt("。；职工")).toBe("职工");
  });

  it("puts a declared name first and list pages last", () => {
    const results: FragmentLike[] = [
      { url: "/glossary/", excerpt: "", meta: { title: "术语表", list: "1" }, sub_results: [] },
      { url: "/glossary/#term-a", excerpt: "", meta: { title: "劳动竞赛" }, sub_results: [] },
      {
        url: "/policies/labour/",
        excerpt: "",
        meta: { title: "中华人民共和国劳动法", aliases: "劳动法|Labour Law" },
        sub_results: [],
      },
    ];
    expect(promoteNamed(results, "劳动法").map((r) => r.url)).toEqual([
      "/policies/labour/",
      "/glossary/#term-a",
      "/glossary/",
    ]);
    expect(promoteNamed(results, "labour law")[0]?.url).toBe("/policies/labour/");
  });
});

describe("articleRecords and versions of a law", () => {
  it("indexes each article of the law in force with the articles of the old version it came from", () => {
    const { kb } = checkKnowledgeBase(join(ROOT, "content"));
    const records = articleRecords(kb, "/");
    const text = (url: string) =>
      records
        .find((r) => r.url === url)
        ?.parts.map((p) => p.text)
        .join(" ");
    // facts.md: 1996 Art. 20 is 2022 Art. 24; 1996 Art. 29 is 2022 Art. 64.
    expect(text("/policies/vocational-education-law-2022/#art-24")).toContain(
      "职业教育法（1996）第二十条",
    );
    expect(text("/policies/vocational-education-law-2022/#art-64")).toContain(
      "职业教育法（1996）第二十九条",
    );
    // A new article has no former one; the superseded law gets no records of its own.
    expect(records.some((r) => r.url.startsWith("/policies/vocational-education-law-1996/"))).toBe(
      false,
    );
  });
});
