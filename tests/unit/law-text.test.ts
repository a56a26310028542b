import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chineseToInt, intToChinese } from "../../src/lib/law/chinese-numerals.ts";
import {
  articleId,
  chineseDateToIso,
  extractLawMetadata,
  type LawText,
  LawTextError,
  parseLawText,
} from "../../src/lib/law/parse-law-text.ts";

/** Copies of the shared reference law texts (official, public domain), kept in the repo for tests. */
const LAWS = fileURLToPath(new URL("../fixtures/laws/", import.meta.url));

function law(name: string): LawText {
  return parseLawText(readFileSync(`${LAWS}${name}.zh.md`, "utf8"));
}

function article(text: LawText, number: number) {
  const found = text.articles.find((a) => a.number === number);
  if (found === undefined) throw new Error(`no article ${number}`);
  return found;
}

interface Expected {
  title: string;
  /** Chapter titles and article ranges, from facts.md §1.1. */
  chapters: [string, number, number][];
  adopted: string;
  revisions: string[];
}

const EXPECTED: Record<string, Expected> = {
  "vocational-education-law-2022": {
    title: "中华人民共和国职业教育法",
    chapters: [
      ["总则", 1, 13],
      ["职业教育体系", 14, 19],
      ["职业教育的实施", 20, 32],
      ["职业学校和职业培训机构", 33, 43],
      ["职业教育的教师与受教育者", 44, 53],
      ["职业教育的保障", 54, 62],
      ["法律责任", 63, 67],
      ["附则", 68, 69],
    ],
    adopted: "1996-05-15",
    revisions: ["2022-04-20"],
  },
  "vocational-education-law-1996": {
    title: "中华人民共和国职业教育法",
    chapters: [
      ["总则", 1, 11],
      ["职业教育体系", 12, 16],
      ["职业教育的实施", 17, 25],
      ["职业教育的保障条件", 26, 38],
      ["附则", 39, 40],
    ],
    adopted: "1996-05-15",
    revisions: [],
  },
  "trade-union-law-2021": {
    title: "中华人民共和国工会法",
    chapters: [
      ["总则", 1, 9],
      ["工会组织", 10, 19],
      ["工会的权利和义务", 20, 35],
      ["基层工会组织", 36, 42],
      ["工会的经费和财产", 43, 49],
      ["法律责任", 50, 56],
      ["附则", 57, 58],
    ],
    adopted: "1992-04-03",
    revisions: ["2001-10-27", "2009-08-27", "2021-12-24"],
  },
  "labour-law-2018": {
    title: "中华人民共和国劳动法",
    chapters: [
      ["总则", 1, 9],
      ["促进就业", 10, 15],
      ["劳动合同和集体合同", 16, 35],
      ["工作时间和休息休假", 36, 45],
      ["工资", 46, 51],
      ["劳动安全卫生", 52, 57],
      ["女职工和未成年工特殊保护", 58, 65],
      ["职业培训", 66, 69],
      ["社会保险和福利", 70, 76],
      ["劳动争议", 77, 84],
      ["监督检查", 85, 88],
      ["法律责任", 89, 105],
      ["附则", 106, 107],
    ],
    adopted: "1994-07-05",
    revisions: ["2009-08-27", "2018-12-29"],
  },
  "employment-promotion-law-2015": {
    title: "中华人民共和国就业促进法",
    chapters: [
      ["总则", 1, 10],
      ["政策支持", 11, 24],
      ["公平就业", 25, 31],
      ["就业服务和管理", 32, 43],
      ["职业教育和培训", 44, 51],
      ["就业援助", 52, 57],
      ["监督检查", 58, 60],
      ["法律责任", 61, 68],
      ["附则", 69, 69],
    ],
    adopted: "2007-08-30",
    revisions: ["2015-04-24"],
  },
  "public-cultural-services-law-2016": {
    title: "中华人民共和国公共文化服务保障法",
    chapters: [
      ["总则", 1, 13],
      ["公共文化设施建设与管理", 14, 26],
      ["公共文化服务提供", 27, 44],
      ["保障措施", 45, 57],
      ["法律责任", 58, 63],
      ["附则", 64, 65],
    ],
    adopted: "2016-12-25",
    revisions: [],
  },
};

describe.each(Object.entries(EXPECTED))("%s", (name, expected) => {
  const text = law(name);
  const last = expected.chapters.at(-1)?.[2] ?? 0;

  it("has the title and the chapters of facts.md §1.1", () => {
    expect(text.title).toBe(expected.title);
    expect(text.chapters.map((c) => [c.title, c.firstArticle, c.lastArticle])).toEqual(
      expected.chapters,
    );
    expect(text.chapters.map((c) => c.number)).toEqual(expected.chapters.map((_, i) => i + 1));
    expect(text.chapters.every((c) => c.sections.length === 0)).toBe(true);
  });

  it("has articles 1..N in order, each in its chapter, none empty", () => {
    expect(text.articles).toHaveLength(last);
    expect(text.articles.map((a) => a.number)).toEqual(
      Array.from({ length: last }, (_, i) => i + 1),
    );
    for (const chapter of text.chapters) {
      for (let n = chapter.firstArticle; n <= chapter.lastArticle; n++) {
        expect(article(text, n).chapter).toBe(chapter.number);
      }
    }
    expect(text.articles.filter((a) => a.paragraphs.length === 0)).toEqual([]);
    expect(text.articles.filter((a) => a.paragraphs[0]?.text.startsWith("第"))).toEqual([]);
  });

  it("reads the adoption and revision dates", () => {
    const metadata = extractLawMetadata(text);
    expect(metadata.title).toBe(expected.title);
    expect(metadata.adopted).toBe(expected.adopted);
    expect(metadata.revisions.map((r) => r.date)).toEqual(expected.revisions);
    expect(text.preamble).toHaveLength(1 + expected.revisions.length);
  });
});

describe("article texts (verbatim)", () => {
  const vel = law("vocational-education-law-2022");

  it("VEL 2022 Art. 5 is one paragraph", () => {
    const art5 = article(vel, 5);
    expect(art5.label).toBe("第五条");
    expect(art5.paragraphs).toEqual([{ text: "公民有依法接受职业教育的权利。" }]);
  });

  it("VEL 2022 Art. 24 has three paragraphs, the first without its label", () => {
    const art24 = article(vel, 24);
    expect(art24.label).toBe("第二十四条");
    expect(art24.line).toBe(117);
    expect(art24.chapter).toBe(3);
    expect(art24.paragraphs).toHaveLength(3);
    expect(art24.paragraphs[0]?.text).toBe(
      "企业应当根据本单位实际，有计划地对本单位的职工和准备招用的人员实施职业教育，并可以设置专职或者兼职实施职业教育的岗位。",
    );
    expect(art24.paragraphs[2]?.text).toBe("企业开展职业教育的情况应当纳入企业社会责任报告。");
  });

  it("VEL 2022 chapters keep their heading lines, 总 则 normalised", () => {
    expect(vel.chapters[0]).toMatchObject({ label: "第一章", title: "总则", line: 9 });
    expect(vel.chapters[7]).toMatchObject({ label: "第八章", title: "附则", line: 331 });
  });

  it("TUL 2021 Art. 43 has numbered items and paragraphs after them", () => {
    const art43 = article(law("trade-union-law-2021"), 43);
    expect(art43.paragraphs).toEqual([
      { text: "工会经费的来源：" },
      { item: "（一）", text: "工会会员缴纳的会费；" },
      {
        item: "（二）",
        text: "建立工会组织的用人单位按每月全部职工工资总额的百分之二向工会拨缴的经费；",
      },
      { item: "（三）", text: "工会所属的企业、事业单位上缴的收入；" },
      { item: "（四）", text: "人民政府的补助；" },
      { item: "（五）", text: "其他收入。" },
      { text: "前款第二项规定的企业、事业单位、社会组织拨缴的经费在税前列支。" },
      {
        text: "工会经费主要用于为职工服务和工会活动。经费使用的具体办法由中华全国总工会制定。",
      },
    ]);
  });

  it("LL 2018 Art. 107 (一百零七) is the last article", () => {
    const ll = law("labour-law-2018");
    expect(ll.articles.at(-1)).toMatchObject({
      number: 107,
      label: "第一百零七条",
      chapter: 13,
      paragraphs: [{ text: "本法自1995年1月1日起施行。" }],
    });
  });
});

describe("extractLawMetadata", () => {
  it("drops the stray ） in the VEL 2022 header", () => {
    const metadata = extractLawMetadata(law("vocational-education-law-2022"));
    expect(metadata.revisions).toEqual([
      {
        date: "2022-04-20",
        note: "2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订",
      },
    ]);
  });

  it("keeps the decision's name in amendment notes and writes <…> as 〈…〉", () => {
    const metadata = extractLawMetadata(law("employment-promotion-law-2015"));
    expect(metadata.revisions[0]?.note).toBe(
      "2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议《关于修改〈中华人民共和国电力法〉等六部法律的决定》修正",
    );
  });

  it("splits the NPC one-line header into events, with 根据 and Chinese-digit dates", () => {
    const text = parseLawText(
      [
        "# 某某法",
        "（1996年5月15日第八届全国人民代表大会常务委员会第十九次会议通过　根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》修正　二〇二二年四月二十日第十三届全国人民代表大会常务委员会第三十四次会议修订　2022年4月20日中华人民共和国主席令第一一二号公布　自2022年5月1日起施行）",
        "第一条 甲。",
      ].join("\n"),
    );
    expect(extractLawMetadata(text)).toEqual({
      title: "某某法",
      adopted: "1996-05-15",
      revisions: [
        {
          date: "2009-08-27",
          note: "根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》修正",
        },
        {
          date: "2022-04-20",
          note: "二〇二二年四月二十日第十三届全国人民代表大会常务委员会第三十四次会议修订",
        },
      ],
    });
  });

  it("chineseDateToIso reads Arabic and Chinese dates and rejects impossible days", () => {
    expect(chineseDateToIso("本法自2022年5月1日起施行")).toBe("2022-05-01");
    expect(chineseDateToIso("一九九四年七月五日")).toBe("1994-07-05");
    expect(chineseDateToIso("2023年2月30日")).toBeUndefined();
    expect(chineseDateToIso("自公布之日起施行")).toBeUndefined();
  });
});

describe("parseLawText on small texts", () => {
  it("allows texts without chapters (chapter 0), CRLF, a BOM and full-width spaces", () => {
    const text = parseLawText("\uFEFF# 某条例\r\n\r\n第一条　甲。\r\n乙。\r\n第二条 (一)丙；\r\n");
    expect(text.chapters).toEqual([]);
    expect(text.articles).toEqual([
      {
        number: 1,
        label: "第一条",
        chapter: 0,
        paragraphs: [{ text: "甲。" }, { text: "乙。" }],
        line: 3,
      },
      {
        number: 2,
        label: "第二条",
        chapter: 0,
        paragraphs: [{ item: "（一）", text: "丙；" }],
        line: 5,
      },
    ]);
  });

  it("supports sections (节) inside chapters", () => {
    const text = parseLawText(
      [
        "# 法",
        "## 第一章 总则",
        "第一条 甲。",
        "## 第二章 分则",
        "### 第一节 一般规定",
        "第二条 乙。",
        "第三条 丙。",
        "### 第二节 特别 规定",
        "第四条 丁。",
      ].join("\n"),
    );
    expect(text.chapters[1]?.sections).toEqual([
      { number: 1, label: "第一节", title: "一般规定", firstArticle: 2, lastArticle: 3 },
      { number: 2, label: "第二节", title: "特别规定", firstArticle: 4, lastArticle: 4 },
    ]);
    expect(text.articles.map((a) => [a.chapter, a.section])).toEqual([
      [1, undefined],
      [2, 1],
      [2, 1],
      [2, 2],
    ]);
    expect("section" in (text.articles[0] ?? {})).toBe(false);
  });

  it("treats 第N条 without a following space as running text (a cross-reference)", () => {
    const text = parseLawText("# 法\n\n第一条 甲。\n\n第一条规定的乙。\n\n第二条 丙。");
    expect(article(text, 1).paragraphs).toEqual([{ text: "甲。" }, { text: "第一条规定的乙。" }]);
  });
});

describe("traditional characters (條, 節)", () => {
  it("reads 第一條 … 第二十四條 and 節 like 条 and 节, keeping 條 in the labels", () => {
    const body = Array.from({ length: 24 }, (_, i) => `第${intToChinese(i + 1)}條　條文${i + 1}。`);
    const text = parseLawText(
      [
        "# 某某條例",
        "## 第一章 總 則",
        ...body.slice(0, 3),
        "## 第二章 分則",
        "### 第一節 一般規定",
        ...body.slice(3, 20),
        "### 第二節 特別規定",
        ...body.slice(20),
      ].join("\n"),
    );
    expect(text.articles.map((a) => a.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(article(text, 24)).toEqual({
      number: 24,
      label: "第二十四條",
      chapter: 2,
      section: 2,
      paragraphs: [{ text: "條文24。" }],
      line: 29,
    });
    expect(text.chapters.map((c) => [c.label, c.title, c.firstArticle, c.lastArticle])).toEqual([
      ["第一章", "總則", 1, 3],
      ["第二章", "分則", 4, 24],
    ]);
    expect(text.chapters[1]?.sections.map((s) => [s.label, s.firstArticle, s.lastArticle])).toEqual(
      [
        ["第一節", 4, 20],
        ["第二節", 21, 24],
      ],
    );
  });

  it("reads the Taiwan form 第 1 條 with Arabic numbers, and 兩 (traditional 两)", () => {
    expect(chineseToInt("兩百零一")).toBe(201);
    const text = parseLawText("# 某法\n第 1 條\n甲。\n第 2 條 乙。\n第 2-1 條\n丙。\n第 3 條 丁。");
    expect(text.articles.map((a) => [articleId(a), a.label, a.paragraphs])).toEqual([
      ["1", "第一條", [{ text: "甲。" }]],
      ["2", "第二條", [{ text: "乙。" }]],
      ["2-1", "第二條之一", [{ text: "丙。" }]],
      ["3", "第三條", [{ text: "丁。" }]],
    ]);
  });

  it("reads 通過 and 修訂 in a traditional header", () => {
    const text = parseLawText(
      "# 某條例\n1995年1月1日 某會議通過\n根據2009年8月27日 某會議決定修正\n2018年12月29日 某會議修訂\n第一條 甲。",
    );
    const metadata = extractLawMetadata(text);
    expect(metadata.adopted).toBe("1995-01-01");
    expect(metadata.revisions.map((r) => r.date)).toEqual(["2009-08-27", "2018-12-29"]);
  });
});

describe("inserted articles (第N条之一)", () => {
  const source = [
    "# 法",
    "## 第一章 总则",
    "第一条 甲。",
    "第二条 乙。",
    "第二条之一 丙。",
    "（一）丙一；",
    "第二条之二　丁。",
    "第三条 依照本法第二条之一规定的戊。",
    "## 第二章 附则",
    "第四条 己。",
  ].join("\n");

  it("are articles of their own with the id N-K, not paragraphs of article N", () => {
    const text = parseLawText(source);
    expect(text.articles.map((a) => [articleId(a), a.label, a.paragraphs.length])).toEqual([
      ["1", "第一条", 1],
      ["2", "第二条", 1],
      ["2-1", "第二条之一", 2],
      ["2-2", "第二条之二", 1],
      ["3", "第三条", 1],
      ["4", "第四条", 1],
    ]);
    expect(text.articles[2]).toEqual({
      number: 2,
      sub: 1,
      label: "第二条之一",
      chapter: 1,
      paragraphs: [{ text: "丙。" }, { item: "（一）", text: "丙一；" }],
      line: 5,
    });
    // An ordinary article has no `sub` key at all (its shape is unchanged).
    expect("sub" in (text.articles[1] ?? {})).toBe(false);
    expect(article(text, 3).paragraphs).toEqual([{ text: "依照本法第二条之一规定的戊。" }]);
    expect(text.chapters.map((c) => [c.firstArticle, c.lastArticle])).toEqual([
      [1, 3],
      [4, 4],
    ]);
  });

  it("must follow article N (之一) or N之(K-1)", () => {
    expect(errorOf("# 法\n第一条 甲。\n第二条 乙。\n第二条之二 丙。").message).toBe(
      "line 4: article 第二条之二 (2-2) follows article 2; it must follow article 2-1",
    );
    expect(errorOf("# 法\n第一条 甲。\n第二条 乙。\n第一条之一 丙。").message).toBe(
      "line 4: article 第一条之一 (1-1) follows article 2; it must follow article 1",
    );
    expect(errorOf("# 法\n第一条之一 甲。").message).toBe(
      "line 2: article 第一条之一 (1-1) is the first article; it must follow article 1",
    );
    expect(errorOf("# 法\n第一条 甲。\n第一条之一 乙。\n第一条之一 丙。").message).toBe(
      "line 4: article 第一条之一 (1-1) appears twice; it was first at line 3",
    );
    expect(errorOf("# 法\n第一条 甲。\n第一条之一 乙。\n第三条 丙。").message).toBe(
      "line 4: article 第三条 (3) follows article 1-1; expected 2",
    );
  });
});

/** Parses `source` and returns the LawTextError it throws. */
function errorOf(source: string): LawTextError {
  try {
    parseLawText(source);
  } catch (error) {
    if (error instanceof LawTextError) return error;
    throw error;
  }
  throw new Error("expected a LawTextError");
}

describe("LawTextError", () => {
  it("no articles at all", () => {
    const error = errorOf("# 法\n\n一些文字。\n");
    expect(error.line).toBe(0);
    expect(error.message).toBe("no articles found");
    expect(error.hint).toMatch(/第一条/);
  });

  it("a duplicate article number names the first occurrence", () => {
    const error = errorOf("# 法\n\n第一条 甲。\n\n第二条 乙。\n\n第二条 丙。");
    expect(error.line).toBe(7);
    expect(error.message).toBe("line 7: article 第二条 (2) appears twice; it was first at line 5");
    expect(error.detail).toBe("article 第二条 (2) appears twice; it was first at line 5");
  });

  it("a gap says which number was expected", () => {
    // Articles 1..22, then 24: article 23 is missing.
    const body = Array.from({ length: 22 }, (_, i) => `第${intToChinese(i + 1)}条 占位。`);
    const source = ["# 法", "## 第一章 总则", ...body, "第二十四条 企业……"].join("\n");
    const error = errorOf(source);
    expect(error.line).toBe(25);
    expect(error.message).toBe("line 25: article 第二十四条 (24) follows article 22; expected 23");
    expect(error.hint).toMatch(/without gaps/);
  });

  it("out of order articles", () => {
    const error = errorOf("# 法\n第一条 甲。\n第三条 丙。\n第二条 乙。");
    expect(error.message).toBe("line 3: article 第三条 (3) follows article 1; expected 2");
  });

  it("a first article other than 第一条", () => {
    const error = errorOf("# 法\n第二条 乙。");
    expect(error.message).toBe("line 2: article 第二条 (2) is the first article; expected 1");
  });

  it("an unknown numeral", () => {
    const error = errorOf("# 法\n第一条 甲。\n第十X条 乙。");
    expect(error.line).toBe(3);
    expect(error.message).toMatch(
      /^line 3: article 第十X条 has an unknown number \(.*unknown character "X"/,
    );
    expect(error.hint).toMatch(/Chinese numerals/);
  });

  it("a chapter heading with no articles", () => {
    const error = errorOf("# 法\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第二章 附 则\n");
    expect(error.line).toBe(7);
    expect(error.message).toBe("line 7: chapter 第二章 附则 has no articles");
  });

  it("a section heading with no articles", () => {
    const error = errorOf("# 法\n## 第一章 总则\n### 第一节 甲\n### 第二节 乙\n第一条 甲。");
    expect(error.message).toBe("line 3: section 第一节 甲 of 第一章 has no articles");
  });

  it("chapters out of order", () => {
    const error = errorOf("# 法\n## 第一章 总则\n第一条 甲。\n## 第三章 附则\n第二条 乙。");
    expect(error.message).toBe("line 4: chapter 第三章 (3) follows chapter 1; expected 2");
  });

  it("an article before the first chapter", () => {
    const error = errorOf("# 法\n第一条 甲。\n## 第一章 总则\n第二条 乙。");
    expect(error.message).toBe("line 2: article 第一条 comes before the first chapter heading");
  });

  it("a paragraph between a chapter heading and its first article", () => {
    const error = errorOf("# 法\n## 第一章 总则\n第一条甲。\n第二条 乙。");
    expect(error.message).toMatch(/^line 3: the paragraph "第一条甲。…" is not inside an article/);
    expect(error.hint).toMatch(/missing space after 条/);
  });

  it("an unknown heading", () => {
    const error = errorOf("# 法\n第一条 甲。\n## 附录\n");
    expect(error.message).toMatch(
      /^line 3: the heading "## 附录" is not a chapter or section heading/,
    );
  });
});
