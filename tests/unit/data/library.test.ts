import { beforeAll, describe, expect, it } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

// Cases in tests/fixtures/valid + extra/library: newest-case (2026, in cases/2026/),
// training-refused and a-same-year (2025), older-case (2019).
// Glossary (valid fixture): 职业教育 vocational education, 职工教育经费 employee
// education funds, 师带徒 master–apprentice mentoring.
let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer(LIBRARY);
});

describe("getCases", () => {
  it("lists the newest year first, a year's cases by id, sub-folders ignored", async () => {
    expect((await kb.library.getCases()).map((c) => c.id)).toEqual([
      "newest-case",
      "a-same-year",
      "training-refused",
      "older-case",
    ]);
  });
});

describe("getTopics", () => {
  it("keeps the order of topics.yaml", async () => {
    expect((await kb.library.getTopics()).map((t) => t.id)).toEqual([
      "vocational-training",
      "employee-education-funds",
      "union-rights-duties",
    ]);
  });
});

describe("glossary order", () => {
  it("sorts Chinese terms by toneless pinyin and English ones by their English name", async () => {
    const terms = await kb.library.getGlossary("zh-CN");
    const term = terms.find((t) => t.id === "master-apprentice");
    if (!term) throw new Error("the valid fixture has master-apprentice");
    expect(kb.library.glossarySortKey(term, "zh-CN")).toBe("shidaitu");
    expect(kb.library.glossarySortKey(term, "en")).toBe("master–apprentice mentoring");
  });

  it("lists terms by pinyin in Chinese: shi < zhigong < zhiye", async () => {
    expect((await kb.library.getGlossary("zh-CN")).map((t) => t.data.zh)).toEqual([
      "师带徒",
      "职工教育经费",
      "职业教育",
    ]);
  });

  it("lists terms A–Z by English name in English", async () => {
    expect((await kb.library.getGlossary("en")).map((t) => t.id)).toEqual([
      "employee-education-funds",
      "master-apprentice",
      "vocational-education",
    ]);
  });

  it("sorts once per language", async () => {
    expect(await kb.library.getGlossary("en")).toBe(await kb.library.getGlossary("en"));
    expect(await kb.library.getGlossary("en")).not.toBe(await kb.library.getGlossary("zh-CN"));
  });
});

describe("filterSynonyms", () => {
  it("maps a filter value of either language to the label in the page's language", async () => {
    const en = await kb.searchFilters.filterSynonyms("en");
    expect(en.type?.案例).toBe("Case");
    expect(en.type?.Case).toBe("Case");
    const zh = await kb.searchFilters.filterSynonyms("zh-CN");
    expect(zh.type?.Term).toBe("术语");
    expect(zh.status?.["In force"]).toBe("现行有效");
    expect(zh.audience?.["Union cadres"]).toBe("工会干部");
  });

  it("maps both names of each topic from topics.yaml", async () => {
    const en = await kb.searchFilters.filterSynonyms("en");
    expect(en.topic).toEqual({
      职业培训: "Vocational training",
      "Vocational training": "Vocational training",
      职工教育经费: "Employee education funds",
      "Employee education funds": "Employee education funds",
      工会的权利和义务: "Union rights and duties",
      "Union rights and duties": "Union rights and duties",
    });
  });
});
