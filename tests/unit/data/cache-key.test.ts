import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

/** Replaces `from` by `to` in a file of the copied knowledge base, failing if it is not there. */
const replaceIn = (file: string, from: string, to: string) => (dir: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
};

const FUNDS = "courses/training-rights/02-funds.mdx";
const CASE = "cases/training-refused.mdx";

/**
 * Cache keys for pages shaped like the site's: a page that reads no body, two
 * lesson pages (their own body), two course pages (their lessons' bodies) and
 * a policy page (every lesson and case body, for its "cited by" list).
 */
async function pageKeys(kb: DataLayer): Promise<Record<string, string>> {
  const lessons = await kb.courses.getAllLessons();
  const lesson = (course: string, slug: string) =>
    lessons.find((l) => l.course === course && l.slug === slug)?.entry ?? expect.unreachable();
  const bodies: Record<string, () => Promise<{ id: string; body?: string | undefined }[]>> = {
    home: async () => [],
    duties: async () => [lesson("training-rights", "duties")],
    funds: async () => [lesson("training-rights", "funds")],
    "course training-rights": async () =>
      (await kb.courses.getCourseLessons("training-rights")).map((l) => l.entry),
    "course aaa-safety": async () =>
      (await kb.courses.getCourseLessons("aaa-safety")).map((l) => l.entry),
    policy: async () => [await kb.cacheKey.citingBodies()],
  };
  const keyed = await kb.cacheKey.withCacheKey(
    Object.keys(bodies).map((page) => ({ page })),
    ({ page }) => bodies[page]?.() ?? [],
  );
  return Object.fromEntries(keyed.map(({ page, cacheKey }) => [page, cacheKey]));
}

/** The pages whose key differs between two builds. */
const changed = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).filter((page) => a[page] !== b[page]);

describe("withCacheKey", () => {
  it("adds a SHA-256 key to each path and keeps the path's own fields", async () => {
    const kb = await dataLayer(LIBRARY);
    const [keyed] = await kb.cacheKey.withCacheKey([{ params: { id: "x" }, props: { n: 1 } }]);
    expect(keyed).toMatchObject({ params: { id: "x" }, props: { n: 1 } });
    expect(keyed?.cacheKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same keys for the same knowledge base in another build", async () => {
    const first = await pageKeys(await dataLayer(LIBRARY));
    const second = await pageKeys(await dataLayer(LIBRARY));
    expect(second).toEqual(first);
    expect(new Set(Object.values(first)).size).toBe(Object.keys(first).length);
  });

  it("renders again only the pages that read an edited lesson body", async () => {
    const before = await pageKeys(await dataLayer(LIBRARY));
    const after = await pageKeys(
      await dataLayer({ ...LIBRARY, edit: replaceIn(FUNDS, "企业应当按照", "企业必须按照") }),
    );
    expect(changed(before, after)).toEqual(["funds", "course training-rights", "policy"]);
  });

  it("renders again only the policy pages when a case body changes", async () => {
    const before = await pageKeys(await dataLayer(LIBRARY));
    const after = await pageKeys(
      await dataLayer({ ...LIBRARY, edit: replaceIn(CASE, "某企业要求", "一家企业要求") }),
    );
    expect(changed(before, after)).toEqual(["policy"]);
  });

  it("renders every page again when any frontmatter changes", async () => {
    const before = await pageKeys(await dataLayer(LIBRARY));
    const after = await pageKeys(
      await dataLayer({
        ...LIBRARY,
        edit: replaceIn(CASE, "sector: 制造业", "sector: 汽车制造业"),
      }),
    );
    expect(changed(before, after)).toEqual(Object.keys(before));
  });

  it("keys a page that reads no body apart from one that reads an empty body", async () => {
    const kb = await dataLayer(LIBRARY);
    const [none, empty] = await kb.cacheKey.withCacheKey([{ page: 1 }, { page: 2 }], ({ page }) =>
      page === 1 ? [] : [{ id: "x", body: "" }],
    );
    expect(none?.cacheKey).not.toBe(empty?.cacheKey);
  });
});

describe("citingBodies", () => {
  it("is one digest of every lesson and case body, computed once", async () => {
    const kb = await dataLayer(LIBRARY);
    const digest = await kb.cacheKey.citingBodies();
    expect(digest.id).toBe("lessons+cases");
    expect(digest.body).toMatch(/^[0-9a-f]{64}$/);
    expect(await kb.cacheKey.citingBodies()).toBe(digest);
  });
});
