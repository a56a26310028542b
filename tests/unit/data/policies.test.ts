import { beforeAll, describe, expect, it } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

// Policies in tests/fixtures/valid + extra/library: two laws, work-safety-law-2021
// (adopted 2002) and vocational-education-law-2022 (adopted 1996, with its
// official text, 69 articles), and a departmental rule, education-funds-rule-2020.
const LAW = "vocational-education-law-2022";
let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer(LIBRARY);
});

describe("getPolicies", () => {
  it("lists laws before rules, each kind newest adoption first", async () => {
    expect((await kb.policies.getPolicies()).map((p) => p.id)).toEqual([
      "work-safety-law-2021",
      LAW,
      "education-funds-rule-2020",
    ]);
  });
});

describe("getPolicy", () => {
  it("finds a policy by id, and nothing for an unknown id", async () => {
    expect((await kb.policies.getPolicy(LAW))?.data.shortTitle).toBe("职业教育法（2022）");
    expect(await kb.policies.getPolicy("no-such-law")).toBeUndefined();
  });
});

describe("getLawText and getArticle", () => {
  it("gives the parsed official text of a policy that has one", async () => {
    const text = await kb.policies.getLawText(LAW);
    expect(text?.articles).toHaveLength(69);
    expect(text?.articles[0]?.number).toBe(1);
  });

  it("gives nothing for a policy without a text.zh.md", async () => {
    expect(await kb.policies.getLawText("education-funds-rule-2020")).toBeUndefined();
    expect(await kb.policies.getArticle("education-funds-rule-2020", 1)).toBeUndefined();
  });

  it("finds one article by number, and nothing past the last", async () => {
    const article = await kb.policies.getArticle(LAW, 24);
    expect(article?.number).toBe(24);
    expect(JSON.stringify(article)).toContain("培训上岗");
    expect(await kb.policies.getArticle(LAW, 70)).toBeUndefined();
  });
});

describe("getSite", () => {
  it("gives the settings of site.yaml", async () => {
    const site = await kb.site.getSite();
    expect(site.name).toBe("测试知识库");
    expect(site.url).toBe("https://kb.test.example");
  });

  it("stops with a message when site.yaml was not loaded", async () => {
    const empty = await dataLayer();
    empty.collections.set("site", []);
    await expect(empty.site.getSite()).rejects.toThrow("content/site.yaml was not loaded");
  });
});

describe("href", () => {
  it("leaves root-relative paths as they are under the base /", () => {
    expect(kb.urls.href("/courses/training-rights/")).toBe("/courses/training-rights/");
  });

  it("puts the configured base path in front of every page", async () => {
    const sub = await dataLayer({ base: "/kb/" });
    expect(sub.urls.href(sub.urls.routes.course("training-rights"))).toBe(
      "/kb/courses/training-rights/",
    );
    expect(sub.urls.href(sub.urls.routes.home("en"))).toBe("/kb/en/");
    expect(sub.urls.href("rss.xml")).toBe("/kb/rss.xml");
  });

  it("leaves full addresses and anchors alone", async () => {
    const sub = await dataLayer({ base: "/kb/" });
    expect(sub.urls.href("https://example.org/")).toBe("https://example.org/");
    expect(sub.urls.href("#art-24")).toBe("#art-24");
  });
});
