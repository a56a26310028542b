import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

// tests/fixtures/valid + extra/library. Courses: training-rights (zh, featured,
// lecture, 2026) and its English translation training-rights-en (self-study),
// zeta-funds (featured, lecture, 2025, English title and summary), aaa-safety
// (on-the-job, 2024, English title only). Policies: work-safety-law-2021
// (law, amended, adopted 2002), vocational-education-law-2022 (law, 1996, revised 2022),
// education-funds-rule-2020 (departmental rule). Cases: newest-case (2026),
// a-same-year and training-refused (2025), older-case (2019).
let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer(LIBRARY);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe("courseItems", () => {
  it("lists a translated course only in its own language, courses in the UI language first, else in getCourses order", async () => {
    expect(ids(await kb.listings.courseItems("zh-CN"))).toEqual([
      "training-rights",
      "zeta-funds",
      "aaa-safety",
    ]);
    // training-rights-en is written in English: first on English lists.
    expect(ids(await kb.listings.courseItems("en"))).toEqual([
      "training-rights-en",
      "zeta-funds",
      "aaa-safety",
    ]);
  });

  it("shows English titles and summaries in English where they exist, and says which language each is in", async () => {
    const [, zeta, safety] = await kb.listings.courseItems("en");
    expect(zeta).toMatchObject({
      title: "Using employee education funds",
      titleLang: "en",
      summary: "Setting aside, spending and supervising the funds.",
      summaryLang: "en",
      lang: "zh-CN",
    });
    expect(safety).toMatchObject({
      title: "Safety first",
      titleLang: "en",
      summary: "新职工的安全培训。",
      summaryLang: "zh-CN",
    });
  });

  it("keeps the written title in Chinese", async () => {
    const zeta = (await kb.listings.courseItems("zh-CN"))[1];
    expect(zeta).toMatchObject({ title: "职工教育经费怎么用", titleLang: "zh-CN" });
  });

  it("gives each course its page, notes and facets for filtering", async () => {
    const [course] = await kb.listings.courseItems("zh-CN");
    expect(course).toMatchObject({
      kind: "course",
      path: "/courses/training-rights/",
      updated: new Date("2026-03-01"),
      notes: ["讲座", "2 学时"],
      facets: {
        topic: ["vocational-training"],
        audience: ["frontline-workers", "union-cadres"],
        format: ["lecture"],
        year: ["2026"],
      },
    });
    expect((await kb.listings.courseItems("en"))[1]?.notes).toEqual(["Lecture", "4 h"]);
  });
});

describe("policyItems and caseItems", () => {
  it("lists policies in library order with kind, status and the year of their version", async () => {
    const items = await kb.listings.policyItems("en");
    expect(ids(items)).toEqual([
      "work-safety-law-2021",
      "vocational-education-law-2022",
      "education-funds-rule-2020",
    ]);
    expect(items[0]).toMatchObject({
      title: "Work Safety Law of the People's Republic of China",
      titleLang: "en",
      group: "law",
      status: "amended",
      notes: ["Amended", "2002"],
      facets: { topic: ["union-rights-duties"], year: ["2002"] },
    });
    expect(items[2]?.group).toBe("departmental-rule");
    // Adopted 1996, revised 2022: shown and filtered as the 2022 version it is.
    expect(items[1]).toMatchObject({ notes: ["In force", "2022"], facets: { year: ["2022"] } });
  });

  it("lists cases newest first with their kind and year", async () => {
    const items = await kb.listings.caseItems("zh-CN");
    expect(ids(items)).toEqual(["newest-case", "a-same-year", "training-refused", "older-case"]);
    expect(items[0]).toMatchObject({
      path: "/cases/newest-case/",
      notes: ["争议案例", "2026"],
      facets: { topic: ["vocational-training"], year: ["2026"] },
    });
    expect((await kb.listings.caseItems("en"))[0]?.title).toBe("The newest case");
  });
});

describe("sectionItems and sectionListings", () => {
  it("gives each list section the items of its own function", async () => {
    expect(await kb.listings.sectionItems("courses", "en")).toEqual(
      await kb.listings.courseItems("en"),
    );
    expect(await kb.listings.sectionItems("cases", "zh-CN")).toEqual(
      await kb.listings.caseItems("zh-CN"),
    );
    const listings = await kb.listings.sectionListings("zh-CN");
    expect(listings.map((l) => [l.section, l.items.length])).toEqual([
      ["courses", 3],
      ["policies", 3],
      ["cases", 4],
    ]);
  });

  it("computes a list once per build, but again on every request in astro dev", async () => {
    vi.stubEnv("DEV", false);
    const built = await dataLayer(LIBRARY);
    expect(await built.listings.sectionItems("courses", "en")).toBe(
      await built.listings.sectionItems("courses", "en"),
    );
    vi.stubEnv("DEV", true);
    expect(await kb.listings.sectionItems("courses", "en")).not.toBe(
      await kb.listings.sectionItems("courses", "en"),
    );
  });
});

describe("recentItems", () => {
  it("lists everything, most recently updated first, ties by path", async () => {
    const items = await kb.listings.recentItems("zh-CN");
    expect(items).toHaveLength(3 + 5 + 3 + 4); // courses, lessons, policies, cases
    expect(items.slice(0, 6).map((i) => i.path)).toEqual([
      "/courses/training-rights-en/duties/", // 2026-04-01
      "/cases/training-refused/", // 2026-03-03
      "/courses/training-rights/funds/", // 2026-03-02
      "/courses/training-rights/", // three on 2026-03-01, by path
      "/courses/training-rights/duties/",
      "/policies/vocational-education-law-2022/",
    ]);
    expect(items.at(-1)?.path).toBe("/cases/older-case/"); // 2024-01-01
  });

  it("stops at the limit, and lists the English UI's own courses", async () => {
    // The English course and its lesson were both updated on 2026-04-01.
    expect((await kb.listings.recentItems("en", 3)).map((i) => i.path)).toEqual([
      "/courses/training-rights-en/",
      "/courses/training-rights-en/duties/",
      "/cases/training-refused/",
    ]);
  });
});

describe("facetLabel", () => {
  it("names topics from topics.yaml in the UI language", async () => {
    expect(await kb.listings.facetLabel("en", "topic", "vocational-training")).toBe(
      "Vocational training",
    );
    expect(await kb.listings.facetLabel("zh-CN", "topic", "vocational-training")).toBe("职业培训");
    expect(await kb.listings.facetLabel("en", "topic", "no-such-topic")).toBe("no-such-topic");
  });

  it("names audiences and formats from the UI strings, and leaves years as they are", async () => {
    expect(await kb.listings.facetLabel("zh-CN", "audience", "union-cadres")).toBe("工会干部");
    expect(await kb.listings.facetLabel("en", "format", "on-the-job")).toBe("On-the-job training");
    expect(await kb.listings.facetLabel("en", "year", "2025")).toBe("2025");
  });
});

describe("filter pages", () => {
  it("builds the same filter pages in both languages, from values of either language's list", async () => {
    const params = await kb.listings.filterPageParams();
    const keys = params.map((p) => `${p.list}/${p.dimension}/${p.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    // self-study is only the English course's format.
    expect(keys).toContain("courses/format/self-study");
    expect(keys.filter((k) => k.startsWith("courses/format/")).sort()).toEqual([
      "courses/format/lecture",
      "courses/format/on-the-job",
      "courses/format/self-study",
    ]);
    expect(keys.filter((k) => k.startsWith("policies/year/")).sort()).toEqual([
      "policies/year/2002",
      "policies/year/2020",
      "policies/year/2022",
    ]);
    // Only the dimensions each list offers.
    expect(keys.some((k) => k.startsWith("policies/audience/"))).toBe(false);
    expect(keys.some((k) => k.startsWith("cases/format/"))).toBe(false);
  });

  it("fills each filter page with the items of its language that have the value", async () => {
    const page = (listings: Awaited<ReturnType<typeof kb.listings.filterListings>>) =>
      listings.find(
        (l) =>
          l.section === "courses" &&
          l.filter.dimension === "format" &&
          l.filter.value === "self-study",
      );
    expect(ids(page(await kb.listings.filterListings("en"))?.items ?? [])).toEqual([
      "training-rights-en",
    ]);
    expect(page(await kb.listings.filterListings("zh-CN"))?.items).toEqual([]);
    const zh = await kb.listings.filterListings("zh-CN");
    const lecture = zh.find((l) => l.section === "courses" && l.filter.value === "lecture");
    expect(ids(lecture?.items ?? [])).toEqual(["training-rights", "zeta-funds"]);
  });
});

describe("topic pages", () => {
  it("lists a topic's courses, lessons, policies and cases, in that order", async () => {
    const items = await kb.listings.topicItems("zh-CN", "vocational-training");
    expect(items.map((i) => i.kind)).toEqual([
      "course",
      "lesson",
      "lesson",
      "lesson",
      "policy",
      "case",
      "case",
    ]);
    expect(items.map((i) => i.path).sort()).toEqual([
      "/cases/a-same-year/",
      "/cases/newest-case/",
      "/courses/aaa-safety/ninth/",
      "/courses/training-rights-en/duties/",
      "/courses/training-rights/",
      "/courses/training-rights/duties/",
      "/policies/vocational-education-law-2022/",
    ]);
  });

  it("ends a topic's listing with its glossary terms, linked in the UI language", async () => {
    const listing = await kb.listings.topicListing("en", "employee-education-funds");
    expect(listing.at(-1)).toEqual({
      kind: "term",
      id: "employee-education-funds",
      title: "employee education funds",
      path: "/en/glossary/#term-employee-education-funds",
    });
    expect(listing.map((i) => i.kind)).toEqual(["course", "lesson", "policy", "case", "term"]);
  });

  it("lists every topic of topics.yaml, in order, with its listing", async () => {
    const listings = await kb.listings.topicListings("zh-CN");
    expect(listings.map((l) => [l.topic.id, l.items.length])).toEqual([
      ["vocational-training", 7],
      ["employee-education-funds", 5],
      ["union-rights-duties", 2],
    ]);
  });
});

describe("translations", () => {
  it("finds a course's translation in both directions", async () => {
    const course = (id: string) => kb.courses.getCourse(id).then((c) => c ?? expect.unreachable());
    expect((await kb.listings.getCourseTranslation(await course("training-rights")))?.id).toBe(
      "training-rights-en",
    );
    expect((await kb.listings.getCourseTranslation(await course("training-rights-en")))?.id).toBe(
      "training-rights",
    );
    expect(await kb.listings.getCourseTranslation(await course("zeta-funds"))).toBeUndefined();
  });

  it("switches language to the same lesson, else to the translated course", async () => {
    const path = kb.listings.getLessonTranslationPath;
    expect(await path("training-rights", "duties")).toBe("/courses/training-rights-en/duties/");
    expect(await path("training-rights-en", "duties")).toBe("/courses/training-rights/duties/");
    expect(await path("training-rights", "funds")).toBe("/courses/training-rights-en/");
    expect(await path("aaa-safety", "ninth")).toBeUndefined();
  });
});
