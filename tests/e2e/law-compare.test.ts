/**
 * Versions of a law (issue 23): the comparison page, the links both ways and
 * citations that name the version. One build of tests/fixtures/extra/law-versions
 * (the valid fixture plus the 1996 law superseded by the 2022 one, their
 * article map, and a lesson citing 1996 Art. 20, 2022 Art. 24 and 1996 Art. 29
 * with `historical`), served once and read in one Chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type Site, startSite } from "../helpers/e2e.ts";

const COMPARE = "/policies/vocational-education-law-2022/compare/vocational-education-law-1996/";
const LESSON = "/courses/training-rights/old-handout/";

let site: Site;
let page: Page;

beforeAll(async () => {
  site = await startSite({ root: await buildFixtureSite("law-versions") });
  page = await site.newPage();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const html = (path: string) => readFileSync(join(site.root, path, "index.html"), "utf8");

describe("the comparison page", () => {
  it("counts each class at the top, as many as the rows of that class", async () => {
    await page.goto(site.url(COMPARE));
    const counts = await page.$$eval("[data-compare-counts] li", (items) =>
      items.map((li) => [
        li.getAttribute("data-class"),
        Number(li.querySelector("[data-count]")?.textContent),
      ]),
    );
    expect(Object.fromEntries(counts)).toEqual({
      unchanged: 1,
      renumbered: 0,
      amended: 33,
      merged: 1,
      split: 4,
      new: 26,
      deleted: 0,
    });
    expect(await page.locator("tr[data-class]").count()).toBe(65);
    // Rows in the new law's chapters: the first chapter heading, then 第一条.
    expect(await page.locator("tbody th").first().textContent()).toBe("第一章 总则");
  });

  it("marks insertions and deletions apart without colour, with words for screen readers", async () => {
    await page.goto(site.url(COMPARE));
    const row = page.locator('tr[data-row="new-24"]');
    expect(await row.getAttribute("data-class")).toBe("amended");
    // 准备录用的人员 (1996) became 准备招用的人员 (2022).
    const del = row.locator("td").nth(0).locator("del", { hasText: "录" }).first();
    const ins = row.locator("td").nth(1).locator("ins", { hasText: "招" }).first();
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("line-through");
    expect(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("underline");
    expect(await del.textContent()).toMatch(/^［删除：.*］$/);
    expect(await ins.textContent()).toMatch(/^［新增：.*］$/);
    // No inserted text in the old column, no deleted text in the new one.
    expect(await row.locator("td").nth(0).locator("ins").count()).toBe(0);
    expect(await row.locator("td").nth(1).locator("del").count()).toBe(0);
  });

  it("shows every row without scripts and filters to changed rows by keyboard", async () => {
    const raw = html(COMPARE);
    expect(raw).toMatch(/<div class="compare-filter" hidden/);
    await page.goto(site.url(COMPARE));
    const visible = () => page.locator("tr[data-class]:visible").count();
    expect(await visible()).toBe(65);
    const box = page.locator("[data-changed-only]");
    await box.focus();
    await page.keyboard.press("Space");
    expect(await box.isChecked()).toBe(true);
    expect(await visible()).toBe(64);
    expect(await page.locator('tr[data-class="unchanged"]').isVisible()).toBe(false);
    expect(await page.locator("[data-compare-status]").textContent()).toBe("显示64行，共65行");
    await page.keyboard.press("Space");
    expect(await visible()).toBe(65);
  });

  it("has no axe violations, stacks on a phone and prints side by side", async () => {
    await page.goto(site.url(COMPARE));
    const { violations } = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    const phone = await site.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(site.url(COMPARE));
    const cells = phone.locator('tr[data-row="new-24"] td');
    const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(b?.y).toBeGreaterThan((a?.y ?? 0) + (a?.height ?? 0) - 1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await phone.emulateMedia({ media: "print" });
    await phone.setViewportSize({ width: 1000, height: 1400 });
    const [p, q] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(q?.y).toBe(p?.y);
    expect(q?.x).toBeGreaterThan((p?.x ?? 0) + (p?.width ?? 0) - 1);
    expect(await phone.locator("[data-compare-filter]").isVisible()).toBe(false);
    expect(await phone.locator("body > header").isVisible()).toBe(false);
  });

  it("has an English form through the same route", () => {
    const en = html(`/en${COMPARE}`);
    expect(en).toContain("Show changed articles only");
    expect(en).toContain('lang="en"');
    expect(en).toContain("第二十四条");
  });
});

describe("links between versions and versioned citations", () => {
  it("links each 1996 article to its 2022 place with the class, and amended 2022 articles to the row", () => {
    const old = html("/policies/vocational-education-law-1996/");
    expect(old).toMatch(
      /在职业教育法（2022）中：<a class="underline" href="\/policies\/vocational-education-law-2022\/#art-24">第二十四条<\/a>（<a class="underline" href="\/policies\/vocational-education-law-2022\/compare\/vocational-education-law-1996\/#old-20">修改<\/a>）/,
    );
    const current = html("/policies/vocational-education-law-2022/");
    expect(current).toContain(`href="${COMPARE}#new-24">2022年修改</a>`);
    expect(current).toContain(`href="${COMPARE}#new-25">2022年新增</a>`);
    // 第五条 did not change: no link.
    expect(current).not.toContain(`#new-5"`);
  });

  it("names the version in citation text and in the handout's appendix headings", () => {
    const lesson = html(LESSON);
    expect(lesson).toContain("《职业教育法》（1996）第二十条");
    expect(lesson).toContain("《职业教育法》（2022）第二十四条");
    const print = html(`/print${LESSON}`);
    const headings = [
      ...print.matchAll(/<h3><span class="note-number">\[\d+\]<\/span> ([^<]+)<\/h3>/g),
    ].map((m) => m[1]);
    expect(headings).toEqual([
      "《职业教育法》（1996）第二十条",
      "《职业教育法》（2022）第二十四条",
      "《职业教育法》（1996）第二十九条",
    ]);
  });
  it("shows the version's status beside each cited article, on the lesson and in the handout's footnotes", async () => {
    await page.goto(site.url(LESSON));
    const items = await page
      .getByRole("region", { name: "引用的法律条文" })
      .getByRole("listitem")
      .allTextContents();
    const squashed = items.map((text) => text.replace(/\s+/g, ""));
    // Words, not a colour, say that this version is no longer the one in force.
    expect(squashed).toEqual(["《职业教育法》（1996）第二十条（已修改）"]);
    // A lesson citing the version in force says so, now that another version exists.
    expect(html("/courses/training-rights/duties/").replace(/<[^>]+>|\s+/g, "")).toContain(
      "《职业教育法》（2022）第二十四条（现行有效）",
    );
    const footnotes = [
      ...html(`/print${LESSON}`).matchAll(/<li value="\d+">([\s\S]*?)<\/li>/g),
    ].map((m) => (m[1] ?? "").replace(/<[^>]+>|\s+/g, ""));
    expect(footnotes).toContainEqual(
      expect.stringMatching(/^\[1\]《职业教育法》（1996）第二十条（已修改）/),
    );
    expect(footnotes).toContainEqual(
      expect.stringMatching(/《职业教育法》（2022）第二十四条（现行有效）/),
    );
  });
});

describe("versions on the policy pages", () => {
  it("shows the status in the national database's terms and a table of versions with their dates", () => {
    const old = html("/policies/vocational-education-law-1996/");
    expect(old).toMatch(/时效性<\/dt>\s*<dd[^>]*>已修改/);
    const table =
      /<table class="version-table[^"]*" data-version-table>([\s\S]*?)<\/table>/.exec(old)?.[1] ??
      "";
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      (m[1] ?? "").replace(/<[^>]+>/g, "|").replace(/\|+/g, "|"),
    );
    expect(rows).toEqual([
      "|版本|施行|失效|时效性|",
      "|职业教育法（1996）|1996年9月1日|2022年5月1日|已修改|",
      "|职业教育法（2022）|2022年5月1日|至今|现行有效|",
    ]);
    expect(html("/policies/vocational-education-law-2022/")).toContain(
      `href="${COMPARE}" data-compare-link`,
    );
  });

  it("leads from the version-free address to the version in force, without scripts, outside the sitemap", async () => {
    const raw = html("/policies/vocational-education-law/");
    expect(raw).toContain(
      '<meta http-equiv="refresh" content="0; url=/policies/vocational-education-law-2022/">',
    );
    expect(raw).toMatch(
      /<a href="\/policies\/vocational-education-law-2022\/" data-version-free-target>/,
    );
    const sitemap = readFileSync(join(site.root, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain("/policies/vocational-education-law-2022/");
    expect(sitemap).not.toContain("/policies/vocational-education-law/<");
    const offline = await site.newPage({ javaScriptEnabled: false });
    await offline.goto(site.url("/policies/vocational-education-law/"));
    await offline.waitForURL(/vocational-education-law-2022\/$/);
  });
});

describe("the 新旧条文对照表 handout", () => {
  it("is an A4 landscape print view with every row, listed for npm run handouts", () => {
    const print = html(`/print${COMPARE}`);
    expect(print).toContain("size: A4 landscape");
    expect([...print.matchAll(/<tr data-class="/g)]).toHaveLength(65);
    const index = JSON.parse(readFileSync(join(site.root, "print/handouts.json"), "utf8"));
    expect(index.handouts).toContainEqual({
      course: "vocational-education-law-2022",
      lesson: "compare-vocational-education-law-1996",
      title: "新旧条文对照表：职业教育法（1996） → 职业教育法（2022）",
      path: `/print${COMPARE}`,
      pdf: "policies/vocational-education-law-2022/compare-vocational-education-law-1996.pdf",
      paper: "A4",
      orientation: "landscape",
    });
  });
});
