import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, checkLinks, extractLinks } from "../../src/lib/dist/link-check.ts";
import { readBuiltSite } from "../../src/lib/dist/read-built-site.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

/** An English translation of the fixture course, written into the temp copy only. */
function addEnglishCourse(dir: string): void {
  const course = join(dir, "courses/training-rights-en");
  mkdirSync(course, { recursive: true });
  writeFileSync(
    join(course, "course.yaml"),
    [
      "title: Workers' training rights",
      "summary: Employers' training duties and union supervision.",
      "lang: en",
      "translationOf: training-rights",
      "audience: [international-partners]",
      "level: introductory",
      "hours: 1",
      "objectives:",
      "  - Name the employer's training duties",
      "format: self-study",
      "topics: [vocational-training]",
      "updated: 2026-03-05",
      "",
    ].join("\n"),
  );
  const section = (n: number) =>
    `## Part ${n}\n\n${"Employers must train workers before they start work, and unions check that they do. ".repeat(25)}\n`;
  writeFileSync(
    join(course, "01-duties.mdx"),
    [
      "---",
      "title: Employers' training duties",
      "summary: Training before starting work.",
      "lang: en",
      "duration: 30",
      "objectives:",
      "  - Explain training before starting work",
      "format: self-study",
      "cites:",
      "  - policy: vocational-education-law-2022",
      "    article: 24",
      "questions:",
      "  - How does your workplace train new staff?",
      "updated: 2026-03-05",
      "---",
      "",
      section(1),
      section(2),
      section(3),
    ].join("\n"),
  );
}

const made: string[] = [];
let out = "";
let site: BuiltSite;
let kbSite: BuiltSite;

/** Builds a fixture copy; retried once because parallel builds in one checkout share .astro/. */
function build(dir: string, target: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = runScript("build.ts", ["--content", dir, "--out", target]);
    if (result.status === 0) return;
    if (attempt === 1) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  }
}

beforeAll(() => {
  // Vitest puts BASE_URL=/ in the environment and Astro lets it override
  // import.meta.env.BASE_URL; an operator's build has no such variable.
  delete process.env.BASE_URL;
  const dir = fixtureContent();
  addEnglishCourse(dir);
  out = `${dir}-dist`;
  made.push(dir, out);
  build(dir, out);
  site = readBuiltSite(out);

  const kb = fixtureContent();
  const kbOut = `${kb}-dist`;
  made.push(kb, kbOut);
  const yaml = readFileSync(join(kb, "site.yaml"), "utf8").replace(/^base: .*$/m, "base: /kb/");
  writeFileSync(join(kb, "site.yaml"), yaml);
  build(kb, kbOut);
  kbSite = readBuiltSite(kbOut);
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const page = (path: string): string => {
  const html = site.pages.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
};
const htmlLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

const ROUTES = [
  "/",
  "/courses/",
  "/courses/training-rights/",
  "/courses/training-rights/duties/",
  "/courses/training-rights/funds/",
  "/courses/training-rights-en/",
  "/courses/training-rights-en/duties/",
  "/courses/filter/topic/vocational-training/",
  "/courses/filter/audience/frontline-workers/",
  "/courses/filter/format/lecture/",
  "/courses/filter/year/2026/",
  "/policies/",
  "/policies/vocational-education-law-2022/",
  "/policies/filter/year/2022/", // the 2022 revision of a law adopted in 1996
  "/cases/",
  "/cases/training-refused/",
  "/cases/filter/topic/employee-education-funds/",
  "/topics/",
  "/topics/vocational-training/",
  "/glossary/",
  "/404.html",
  "/en/",
  "/en/courses/",
  "/en/courses/filter/topic/vocational-training/",
  "/en/policies/",
  "/en/cases/",
  "/en/topics/",
  "/en/topics/vocational-training/",
  "/en/glossary/",
  "/en/404/",
];

describe("the reader's site (valid fixture + an English course)", () => {
  it("has every route", () => {
    const missing = ROUTES.filter((r) => !site.pages.has(r));
    expect(missing).toEqual([]);
    for (const file of ["/rss.xml", "/sitemap-index.xml", "/sitemap-0.xml"])
      expect(site.files).toContain(file);
  });

  it("sets html lang by UI language, and lang=en on English content", () => {
    for (const path of ROUTES) {
      const english = path.startsWith("/en/") || path.includes("training-rights-en");
      expect([path, htmlLang(page(path))]).toEqual([path, english ? "en" : "zh-CN"]);
    }
    expect(page("/policies/vocational-education-law-2022/")).toMatch(
      /<p[^>]*lang="en"[^>]*>Vocational Education Law of the People&#39;s Republic of China<\/p>/,
    );
    expect(page("/courses/training-rights/duties/")).toMatch(
      /lang="en"[^>]*>Employers&#39; duties</,
    );
    // English titles of Chinese entries in the English UI; Chinese terms marked as such.
    expect(page("/en/policies/")).toContain(
      ">Vocational Education Law of the People&#39;s Republic of China<",
    );
    expect(page("/en/glossary/")).toContain('<span class="font-normal" lang="zh-CN">师带徒</span>');
  });

  it("has no broken internal links or anchors and no external assets", () => {
    expect(checkLinks(site)).toEqual([]);
    for (const file of site.files) {
      if (!file.endsWith(".css")) continue;
      const css = readFileSync(join(out, file), "utf8");
      expect(css.match(/url\((["']?)(?:https?:)?\/\/[^)]*\)/g) ?? []).toEqual([]);
    }
  });

  it("lists Chinese-only entries in the English UI with a label and a link to the Chinese page", () => {
    const en = page("/en/courses/");
    expect(en).toContain('href="/courses/training-rights-en/"');
    expect(en).not.toContain('href="/courses/training-rights/"');
    const cases = page("/en/cases/");
    expect(cases).toMatch(
      /href="\/cases\/training-refused\/"[^>]*hreflang="zh-CN"[^>]*>An employer refuses training costs<\/a>/,
    );
    expect(cases).toContain("Chinese only");
    // The Chinese list shows the Chinese course, not its translation.
    expect(page("/courses/")).not.toContain('href="/courses/training-rights-en/"');
    expect([...site.pages.keys()].filter((p) => p.startsWith("/en/courses/training"))).toEqual([]);
  });

  it("switches language to the translation, else to the section index", () => {
    const switcher = (html: string) =>
      /<a href="([^"]+)" lang="(?:en|zh-CN)" hreflang/.exec(html)?.[1];
    expect(switcher(page("/courses/training-rights/"))).toBe("/courses/training-rights-en/");
    expect(switcher(page("/courses/training-rights-en/duties/"))).toBe(
      "/courses/training-rights/duties/",
    );
    expect(switcher(page("/courses/training-rights/funds/"))).toBe("/courses/training-rights-en/");
    expect(switcher(page("/policies/vocational-education-law-2022/"))).toBe("/en/policies/");
    expect(switcher(page("/courses/filter/year/2026/"))).toBe("/en/courses/filter/year/2026/");
    expect(switcher(page("/en/glossary/"))).toBe("/glossary/");
  });

  it("filters lists without JavaScript: links to static filter pages", () => {
    const list = page("/courses/");
    expect(list).toContain('href="/courses/filter/topic/vocational-training/"');
    expect(list).toContain('href="/courses/filter/audience/union-cadres/"');
    const filtered = page("/courses/filter/audience/union-cadres/");
    expect(filtered).toContain('href="/courses/training-rights/"');
    expect(filtered).toMatch(
      /aria-current="page"[^>]*>工会干部|href="\/courses\/filter\/audience\/union-cadres\/" aria-current="page"/,
    );
    const international = page("/en/courses/filter/audience/international-partners/");
    expect(international).toContain('href="/courses/training-rights-en/"');
  });

  it("gives every article of the law exactly one anchor, on a heading", () => {
    const html = page("/policies/vocational-education-law-2022/");
    const ids = [...html.matchAll(/id="art-(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(69);
    expect(new Set(ids).size).toBe(69);
    expect(html).toMatch(/<h4 id="art-24"[^>]*><a href="#art-24"[^>]*>第二十四条<\/a><\/h4>/);
  });

  it("ships Pagefind's search engine but not its unused ready-made interfaces", () => {
    expect(site.files).toContain("/pagefind/pagefind.js");
    expect(site.files).toContain("/pagefind/pagefind-worker.js");
    expect(
      [...site.files].filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f)),
    ).toEqual([]);
  });

  it("marks detail pages and the glossary for search, with filters", () => {
    const body = (path: string) => /data-pagefind-body/.test(page(path));
    for (const p of [
      "/courses/training-rights/",
      "/courses/training-rights/duties/",
      "/policies/vocational-education-law-2022/",
      "/cases/training-refused/",
      "/glossary/",
      "/en/glossary/",
    ]) {
      expect([p, body(p)]).toEqual([p, true]);
    }
    for (const p of ["/", "/courses/", "/topics/vocational-training/", "/en/"])
      expect([p, body(p)]).toEqual([p, false]);
    const lesson = page("/courses/training-rights/duties/");
    expect(lesson).toContain('data-pagefind-filter="type" data-pagefind-meta="type">课时<');
    expect(lesson).toMatch(/data-pagefind-meta="course"[^>]*>职工的职业培训权利</);
    expect(lesson).toMatch(/data-pagefind-filter="topic"[^>]*>职业培训</);
    expect(lesson).toMatch(/data-pagefind-filter="audience">一线职工</);
    expect(page("/courses/training-rights-en/")).toContain('data-pagefind-meta="type">Course<');
    expect(page("/policies/vocational-education-law-2022/")).toContain(
      'data-pagefind-filter="status">现行有效<',
    );
    expect(page("/glossary/")).toMatch(/<h3 id="term-master-apprentice"/);
  });

  it("sorts the glossary by pinyin (zh) and A–Z (en)", () => {
    const order = (html: string) => [...html.matchAll(/id="term-([a-z-]+)"/g)].map((m) => m[1]);
    expect(order(page("/glossary/"))).toEqual([
      "master-apprentice",
      "employee-education-funds",
      "vocational-education",
    ]);
    expect(order(page("/en/glossary/"))).toEqual([
      "employee-education-funds",
      "master-apprentice",
      "vocational-education",
    ]);
  });

  it("has breadcrumbs, last-updated dates, reading time, a TOC on long lessons and print links", () => {
    const lesson = page("/courses/training-rights/duties/");
    expect(lesson).toMatch(/<nav aria-label="当前位置"/);
    expect(lesson).toContain("最后更新");
    expect(lesson).toMatch(/阅读时间<\/dt><dd>约 1 分钟/);
    expect(lesson).toContain('href="/print/courses/training-rights/duties/"');
    expect(page("/courses/training-rights/")).toContain('href="/print/courses/training-rights/"');
    const english = page("/courses/training-rights-en/duties/");
    expect(english).toContain(">On this page<");
    expect(english).toContain('href="#part-2"');
    expect(english).toMatch(/Reading time<\/dt><dd>About 5 min/);
    expect(page("/courses/training-rights/funds/")).toContain('rel="prev"');
  });

  it("publishes an RSS feed and a sitemap that list the pages", () => {
    const rss = readFileSync(join(out, "rss.xml"), "utf8");
    expect(rss).toContain("<link>https://kb.test.example/courses/training-rights/duties/</link>");
    expect(rss).toContain(
      "<link>https://kb.test.example/policies/vocational-education-law-2022/</link>",
    );
    const sitemap = readFileSync(join(out, "sitemap-0.xml"), "utf8");
    for (const path of ["/", "/courses/training-rights/duties/", "/en/glossary/"]) {
      expect(sitemap).toContain(`<loc>https://kb.test.example${path}</loc>`);
    }
  });

  it("keeps every internal link under the base path /kb/", () => {
    expect(checkLinks(kbSite, { base: "/kb/" })).toEqual([]);
    const home = kbSite.pages.get("/") ?? "";
    const internal = extractLinks(home).filter((l) => !/^[a-z]+:|^#/.test(l.url));
    expect(internal.length).toBeGreaterThan(10);
    expect(internal.filter((l) => !l.url.startsWith("/kb/"))).toEqual([]);
  });

  it("reports JS and CSS bytes per page type", () => {
    const types: Record<string, string> = {
      home: "/",
      list: "/courses/",
      course: "/courses/training-rights/",
      lesson: "/courses/training-rights/duties/",
      policy: "/policies/vocational-education-law-2022/",
      glossary: "/glossary/",
    };
    const rows = Object.entries(types).map(([type, path]) => {
      const html = page(path);
      const assets = extractLinks(html).map((l) => l.url);
      const size = (ext: string) =>
        assets
          .filter((u) => u.endsWith(ext))
          .reduce((sum, u) => sum + statSync(join(out, u)).size, 0);
      const inlineJs = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce(
        (s, m) => s + (m[1]?.length ?? 0),
        0,
      );
      const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].reduce(
        (s, m) => s + (m[1]?.length ?? 0),
        0,
      );
      return { type, html: html.length, js: size(".js") + inlineJs, css: size(".css") + inlineCss };
    });
    console.table(rows);
    for (const row of rows) expect(row.css).toBeGreaterThan(0);
  });
});
