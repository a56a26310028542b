import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, checkLinks, extractLinks } from "../../src/lib/dist/link-check.ts";
import { readBuiltSite } from "../../src/lib/dist/read-built-site.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

/** Cases added to the valid fixture (which has one): 71 in all, three pages of 30. */
const EXTRA_CASES = 70;
const TOPIC = "employee-education-funds";

function addCases(dir: string): void {
  const folder = join(dir, "cases/bulk");
  mkdirSync(folder, { recursive: true });
  for (let n = 1; n <= EXTRA_CASES; n++) {
    const id = String(n).padStart(2, "0");
    writeFileSync(
      join(folder, `bulk-case-${id}.mdx`),
      [
        "---",
        `title: 培训经费协商案例 ${id}`,
        `titleEn: Training funds case ${id}`,
        "summary: 工会与企业协商培训经费。",
        "kind: case-analysis",
        "sector: 制造业",
        "year: 2024",
        "fictional: true",
        `topics: [${TOPIC}]`,
        "lessonsLearned:",
        "  - 先了解企业的培训计划。",
        "updated: 2026-01-10",
        "---",
        "",
        "## 经过",
        "",
        "工会提出按工资总额提取培训经费，企业同意。",
        "",
      ].join("\n"),
    );
  }
}

let dir = "";
let out = "";
let site: BuiltSite;

beforeAll(() => {
  delete process.env.BASE_URL;
  dir = fixtureContent();
  addCases(dir);
  out = `${dir}-dist`;
  // Parallel builds in one checkout share .astro/; retry once like site.test.ts.
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = runScript("build.ts", ["--content", dir, "--out", out]);
    if (result.status === 0) break;
    if (attempt === 1) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  }
  site = readBuiltSite(out);
});

afterAll(() => {
  for (const path of [dir, out]) if (path) rmSync(path, { recursive: true, force: true });
});

const page = (path: string): string => {
  const html = site.pages.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
};
/** Entries listed in the main list of a page (EntryList items). */
const entries = (html: string) =>
  [...html.matchAll(/<ul class="entry-list[^"]*">([\s\S]*?)<\/ul>/g)].flatMap((m) =>
    [...(m[1] ?? "").matchAll(/<li\b/g)].map(() => 1),
  ).length;
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const headLink = (html: string, rel: string) =>
  extractLinks(html.slice(0, html.indexOf("</head>"))).find(
    (l) => l.tag === "link" && l.rel === rel,
  )?.url;
const pager = (html: string) => /<nav aria-label="(?:分页|Pages)"[\s\S]*?<\/nav>/.exec(html)?.[0];

describe("paginated lists (valid fixture + 70 cases)", () => {
  it("splits the case list into pages of 30, page 1 at the list's own URL", () => {
    expect(entries(page("/cases/"))).toBe(30);
    expect(entries(page("/cases/2/"))).toBe(30);
    expect(entries(page("/cases/3/"))).toBe(11);
    expect(site.pages.has("/cases/1/")).toBe(false);
    expect(site.pages.has("/cases/4/")).toBe(false);
    for (const path of ["/en/cases/", "/en/cases/2/", "/en/cases/3/"])
      expect(site.pages.has(path)).toBe(true);
    expect(page("/cases/2/")).toContain("共 71 项 · 第 2 页，共 3 页");
    expect(page("/en/cases/3/")).toContain("Entries: 71 · Page 3 of 3");
  });

  it("links pages with rel=prev/next in the head and in an accessible pager", () => {
    const second = page("/cases/2/");
    expect(headLink(second, "prev")).toBe("/cases/");
    expect(headLink(second, "next")).toBe("/cases/3/");
    expect(headLink(page("/cases/"), "prev")).toBeUndefined();
    expect(headLink(page("/cases/"), "next")).toBe("/cases/2/");
    expect(headLink(page("/cases/3/"), "next")).toBeUndefined();

    const nav = pager(second) ?? "";
    expect(nav).toMatch(/<a[^>]*rel="prev"[^>]*href="\/cases\/"[^>]*>← 上一页<\/a>/);
    expect(nav).toMatch(/<a[^>]*rel="next"[^>]*href="\/cases\/3\/"[^>]*>下一页 →<\/a>/);
    expect(nav).toMatch(/href="\/cases\/2\/" aria-label="第 2 页" aria-current="page"/);
    expect(nav).toContain("min-h-11"); // 44 px touch targets
    expect(pager(page("/en/cases/2/"))).toMatch(/aria-label="Page 1"/);
    // One page, no pager.
    expect(pager(page("/courses/"))).toBeUndefined();
    expect(pager(page("/policies/"))).toBeUndefined();
  });

  it("names the page in the title and breadcrumbs, and switches language to the same page", () => {
    expect(title(page("/cases/"))).toMatch(/^案例 · /);
    expect(title(page("/cases/2/"))).toMatch(/^案例 · 第 2 页 · /);
    expect(title(page("/en/cases/3/"))).toMatch(/^Cases · Page 3 · /);
    expect(page("/cases/2/")).toMatch(
      /<link rel="alternate" hreflang="en" href="\/en\/cases\/2\/"/,
    );
    expect(page("/en/cases/2/")).toMatch(
      /<link rel="alternate" hreflang="zh-CN" href="\/cases\/2\/"/,
    );
  });

  it("paginates filter pages", () => {
    const first = `/cases/filter/topic/${TOPIC}/`;
    expect(entries(page(first))).toBe(30);
    expect(entries(page(`${first}3/`))).toBe(11);
    expect(headLink(page(`${first}2/`), "prev")).toBe(first);
    expect(title(page(`${first}2/`))).toMatch(/^案例 · 专题：职工教育经费 · 第 2 页 · /);
    expect(entries(page("/en/cases/filter/year/2024/3/"))).toBe(10);
    // Filter links still lead to page 1 of each filter.
    expect(page("/cases/2/")).toContain(`href="${first}"`);
  });

  it("paginates topic pages, with links to where each kind starts", () => {
    const first = `/topics/${TOPIC}/`;
    const pages = [first, `${first}2/`, `${first}3/`];
    for (const path of pages) expect(site.pages.has(path)).toBe(true);
    expect(site.pages.has(`${first}4/`)).toBe(false);
    expect(entries(page(first))).toBe(30);
    expect(headLink(page(`${first}3/`), "prev")).toBe(`${first}2/`);
    expect(title(page(`${first}2/`))).toMatch(/^职工教育经费 · 第 2 页 · /);
    const contents = /<nav aria-label="本专题内容"[\s\S]*?<\/nav>/.exec(page(first))?.[0] ?? "";
    expect(contents).toMatch(
      /href="\/topics\/employee-education-funds\/(?:\d+\/)?#kind-case">案例 \(71\)</,
    );
    // The glossary terms come last, all of them on the last page: the count in
    // the link is the number of terms the section it leads to shows.
    const termLink = /href="([^"]*)#kind-term">术语 \((\d+)\)</.exec(contents);
    expect(termLink?.[1]).toBe(`${first}3/`);
    const termSection = /<h2 id="kind-term"[\s\S]*?<\/ul>/.exec(page(`${first}3/`))?.[0] ?? "";
    expect(termSection.match(/<li>/g)?.length).toBe(Number(termLink?.[2]));
    expect(Number(termLink?.[2])).toBeGreaterThan(0);
    expect(page(`${first}2/`)).not.toMatch(/<h2 id="kind-term"/);
    expect(site.pages.has(`/en/topics/${TOPIC}/3/`)).toBe(true);
  });

  it("keeps every page small whatever the list length", () => {
    for (const path of ["/cases/", "/cases/2/", `/topics/${TOPIC}/`, "/en/cases/2/"])
      expect([path, page(path).length < 40_000]).toEqual([path, true]);
  });

  it("has no broken links or anchors, pager and prev/next links included", () => {
    expect(checkLinks(site)).toEqual([]);
  });
});
