import { describe, expect, it } from "vitest";
import en from "../../src/i18n/en.json" with { type: "json" };
import {
  byLocale,
  englishSubtitle,
  formatDate,
  interpolate,
  langAttribute,
  nameIn,
  shownText,
  t,
  tAround,
  translator,
} from "../../src/i18n/index.ts";
import { placeholders } from "../../src/i18n/interpolate.ts";
import zh from "../../src/i18n/zh-CN.json" with { type: "json" };

describe("the UI dictionaries", () => {
  it("have the same keys in zh-CN.json and en.json", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("give each string the same placeholders in both languages", () => {
    const english = en as Record<string, string>;
    const mismatched = Object.entries(zh).filter(
      ([key, text]) =>
        placeholders(text).sort().join() !==
        placeholders(english[key] ?? "")
          .sort()
          .join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("have no empty strings", () => {
    expect(Object.entries({ ...zh }).filter(([, text]) => text.trim() === "")).toEqual([]);
    expect(Object.entries({ ...en }).filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

describe("interpolate", () => {
  it("fills every {name} placeholder, numbers included", () => {
    expect(interpolate("第 {page} 页，共 {pages} 页", { page: 2, pages: 5 })).toBe(
      "第 2 页，共 5 页",
    );
    expect(interpolate("{n} + {n}", { n: 1 })).toBe("1 + 1");
  });

  it("leaves a placeholder without a value as written", () => {
    expect(interpolate("找到 {count} 条与“{query}”相关的结果", { count: 3 })).toBe(
      "找到 3 条与“{query}”相关的结果",
    );
    expect(interpolate("{toString}", {})).toBe("{toString}");
  });

  it("inserts values literally: no $& or $1 patterns, no second pass", () => {
    expect(interpolate("（请用手机访问：{url}）", { url: "https://x.org/?a=$&b=$1" })).toBe(
      "（请用手机访问：https://x.org/?a=$&b=$1）",
    );
    expect(interpolate("{a}{b}", { a: "{b}", b: "x" })).toBe("{b}x");
  });

  it("lists a string's placeholders in order", () => {
    expect(placeholders("Page {page} of {pages}")).toEqual(["page", "pages"]);
    expect(placeholders("Search")).toEqual([]);
  });
});

describe("t and translator", () => {
  it("return the plain string without values", () => {
    expect(t("zh-CN", "nav.courses")).toBe("课程");
    expect(t("en", "nav.courses")).toBe("Courses");
  });

  it("interpolate values in each language", () => {
    expect(t("zh-CN", "list.count", { n: 12 })).toBe("共 12 项");
    expect(t("en", "pagination.status", { page: 2, pages: 3 })).toBe("Page 2 of 3");
    const tr = translator("en");
    expect(tr("lesson.number", { n: 4 })).toBe(t("en", "lesson.number", { n: 4 }));
    expect(tr("search.title")).toBe("Search");
  });

  it("cut a string around a placeholder that wraps markup", () => {
    expect(tAround("zh-CN", "search.hint", "example")).toEqual([
      "可以输入中文、英文或拼音；查法条可输入“",
      "”。",
    ]);
    expect(tAround("en", "search.hint", "example")).toEqual([
      "Type Chinese, English or pinyin; for a law article try “",
      "”.",
    ]);
  });

  it("punctuate each language its own way", () => {
    expect([t("zh-CN", "punctuation.colon"), t("en", "punctuation.colon")]).toEqual(["：", ": "]);
    expect([t("zh-CN", "punctuation.listSeparator"), t("en", "punctuation.listSeparator")]).toEqual(
      ["、", ", "],
    );
  });

  it("format dates per locale", () => {
    const date = new Date(Date.UTC(2022, 4, 1));
    expect(formatDate("zh-CN", date)).toBe("2022年5月1日");
    expect(formatDate("en", date)).toBe("1 May 2022");
  });
});

describe("picking the language version of content", () => {
  it("picks one value per locale", () => {
    expect(byLocale("en", { "zh-CN": "甲", en: "A" })).toBe("A");
    expect(nameIn("zh-CN", { zh: "职业培训", en: "Vocational training" })).toBe("职业培训");
    expect(nameIn("en", { zh: "职业培训", en: "Vocational training" })).toBe("Vocational training");
  });

  it("shows a translation only into another language, and only when there is one", () => {
    const chinese = { text: "工会", lang: "zh-CN" } as const;
    expect(shownText("en", chinese, { en: "Trade union" })).toEqual({
      text: "Trade union",
      lang: "en",
    });
    expect(shownText("en", chinese, { en: undefined })).toEqual(chinese);
    expect(shownText("zh-CN", chinese, { en: "Trade union" })).toEqual(chinese);
    const english = { text: "Union rights", lang: "en" } as const;
    expect(shownText("en", english, { en: "ignored" })).toEqual(english);
    expect(shownText("zh-CN", english, { en: "ignored" })).toEqual(english);
    expect(shownText("en", { text: undefined, lang: "zh-CN" }, {})).toEqual({
      text: undefined,
      lang: "zh-CN",
    });
  });

  it("marks only text in another language than the page", () => {
    expect(langAttribute("en", "zh-CN")).toBe("zh-CN");
    expect(langAttribute("en", "en")).toBeUndefined();
  });

  it("shows an English subtitle under Chinese titles only", () => {
    expect(englishSubtitle("zh-CN", "Labour Law")).toBe("Labour Law");
    expect(englishSubtitle("en", "Labour Law")).toBeUndefined();
  });
});
