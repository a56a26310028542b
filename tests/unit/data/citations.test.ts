import { beforeAll, describe, expect, it } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

// Who cites vocational-education-law-2022 in tests/fixtures/valid + extra/library:
//   article 24: training-rights/duties (frontmatter and body), aaa-safety/ninth
//               (frontmatter and body), aaa-safety/tenth (body only), case newest-case (body only)
//   article 58: training-rights/funds (both), training-rights-en/duties (body only),
//               case training-refused (both)
const LAW = "vocational-education-law-2022";
let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer(LIBRARY);
});

const paths = (pages: { path: string }[]) => pages.map((p) => p.path).sort();

describe("citationsOf", () => {
  it("finds pages citing an article in frontmatter, in <Cite> elements, or both, each once", async () => {
    expect(paths(await kb.citations.citationsOf(LAW, 24))).toEqual([
      "/cases/newest-case/",
      "/courses/aaa-safety/ninth/",
      "/courses/aaa-safety/tenth/",
      "/courses/training-rights/duties/",
    ]);
  });

  it("tells lessons from cases and carries their titles", async () => {
    const pages = await kb.citations.citationsOf(LAW, 58);
    expect(pages).toContainEqual({
      kind: "case",
      title: "企业拒绝承担培训费用",
      path: "/cases/training-refused/",
    });
    expect(pages).toContainEqual({
      kind: "lesson",
      title: "Employers' duties",
      path: "/courses/training-rights-en/duties/",
    });
    expect(pages).toHaveLength(3);
  });

  it("lists lessons before cases", async () => {
    const kinds = (await kb.citations.citationsOf(LAW, 24)).map((p) => p.kind);
    expect(kinds).toEqual(["lesson", "lesson", "lesson", "case"]);
  });

  it("is empty for an article nobody cites and for an unknown policy", async () => {
    expect(await kb.citations.citationsOf(LAW, 2)).toEqual([]);
    expect(await kb.citations.citationsOf("work-safety-law-2021", 24)).toEqual([]);
  });
});

describe("citationsOfPolicy", () => {
  it("lists every page citing any article of the policy, once each", async () => {
    expect(paths(await kb.citations.citationsOfPolicy(LAW))).toEqual([
      "/cases/newest-case/",
      "/cases/training-refused/",
      "/courses/aaa-safety/ninth/",
      "/courses/aaa-safety/tenth/",
      "/courses/training-rights-en/duties/",
      "/courses/training-rights/duties/",
      "/courses/training-rights/funds/",
    ]);
  });

  it("is empty for a policy nobody cites", async () => {
    expect(await kb.citations.citationsOfPolicy("education-funds-rule-2020")).toEqual([]);
  });
});

describe("citationIndex", () => {
  it("keys pages by policy#article and by policy, and by nothing else", async () => {
    const index = await kb.citations.citationIndex();
    expect([...index.keys()].sort()).toEqual([LAW, `${LAW}#24`, `${LAW}#58`]);
    expect(await kb.citations.citationIndex()).toBe(index);
  });

  it("ignores a <Cite> whose article is not a number literal", async () => {
    // The check refuses such a file, so the stored body is edited instead.
    const edited = await dataLayer(LIBRARY);
    const lessons = edited.collections.get("lessons") ?? [];
    const tenth = lessons.findIndex((l) => l.id === "aaa-safety/tenth");
    const entry = lessons[tenth];
    if (!entry) throw new Error("the library overlay has aaa-safety/tenth");
    lessons[tenth] = { ...entry, body: `<Cite policy="${LAW}" article="24" />` };
    expect(paths(await edited.citations.citationsOf(LAW, 24))).not.toContain(
      "/courses/aaa-safety/tenth/",
    );
  });
});
