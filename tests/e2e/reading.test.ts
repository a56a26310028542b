/**
 * What readers stumbled over (issue 22): tables on a 360 px phone, long laws
 * (jump to an article, chapter list, back to top, the article a link lands on,
 * the copy-link tooltip), the English side (font, feed, 404, glossary letters)
 * and smaller list fixes. One build of tests/fixtures/extra/reading (the valid
 * fixture plus a lesson with a table of figures, the superseded 1996 law with
 * its text, and an English glossary term starting with a quote mark), read as
 * HTML and in one Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/lib/browser/launch.ts";
import { createSiteServer } from "../../src/lib/serve/index.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const LESSON = "/courses/training-rights/funds/";
const OLD_LAW = "/policies/vocational-education-law-1996/";
const LAW = "/policies/vocational-education-law-2022/";

let content: string;
let work: string;
let dist: string;
let origin: string;
let server: ReturnType<typeof createSiteServer>;
let browser: Browser;

beforeAll(async () => {
  content = fixtureContent("reading", "extra");
  work = mkdtempSync(join(tmpdir(), "union-kb-reading-"));
  dist = join(work, "dist");
  const build = runScript("build.ts", ["--content", content, "--out", dist]);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  server = createSiteServer({ root: dist, log: () => undefined });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const html = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");

async function open(path: string, width = 360, height = 740): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  return page;
}

describe("tables on a phone", () => {
  it("wraps a table in a labelled box that takes focus and scrolls", () => {
    expect(html(LESSON)).toMatch(
      /<div class="table-scroll" role="region" tabindex="0" aria-label="表格（可左右滑动）"><table>/,
    );
  });

  it("keeps 1.5% and 不低于60% on one line at 360 px, and the keyboard scrolls the table", async () => {
    const page = await open(LESSON);
    const lines = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll(".table-scroll td")]
          .filter((td) => /^(1\.5%、2\.5%|不低于60%|8%)$/.test(td.textContent ?? ""))
          .map((td) => {
            // Lines of each figure: distinct tops of the boxes of its characters.
            const text = td.firstChild as Text;
            const tops = new Set<number>();
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(text, i);
              range.setEnd(text, i + 1);
              tops.add(Math.round(range.getBoundingClientRect().top));
            }
            const figure = (td.textContent ?? "").match(/\d+(\.\d+)?%/)?.[0] ?? "";
            const at = (td.textContent ?? "").indexOf(figure);
            const range = document.createRange();
            range.setStart(text, at);
            range.setEnd(text, at + figure.length);
            return [
              td.textContent,
              { lines: tops.size, figureLines: range.getClientRects().length },
            ];
          }),
      ),
    );
    expect(lines).toEqual({
      "1.5%、2.5%": { lines: expect.any(Number), figureLines: 1 },
      "不低于60%": { lines: 1, figureLines: 1 },
      "8%": { lines: 1, figureLines: 1 },
    });
    expect(lines["1.5%、2.5%"]?.lines).toBeLessThanOrEqual(2);
    const box = page.locator(".table-scroll");
    const { scrollWidth, clientWidth } = await box.evaluate((e) => ({
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.context().close();
  });
});

describe("a long law", () => {
  it("puts a jump form and the chapter list at the top, and a way back up after each chapter", () => {
    const page = html(LAW);
    const nav = /<nav aria-labelledby="law-nav"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? "";
    expect(nav).toMatch(/<form class="article-jump" action="#full-text" method="get"/);
    expect(nav).toMatch(/<input id="article-number" name="article"/);
    expect(nav).toContain('href="#chapter-1"');
    expect(page.indexOf('id="law-nav"')).toBeLessThan(page.indexOf('id="summary"'));
    expect(page.match(/class="back-to-top"/g)?.length).toBe(8);
    // A law in force has no reminder that it is old; the 1996 text has one.
    expect(page).not.toContain("law-text-reminder");
    expect(html(OLD_LAW)).toMatch(
      /<div class="law-text-reminder" role="note"><p><strong>已被取代<\/strong>/,
    );
    // The article link no longer promises a copy it cannot make without JavaScript.
    expect(page).toContain('title="本条链接" data-article-link');
  });

  it("goes to the article typed in, and says when there is none", async () => {
    const page = await open(LAW);
    await page.fill("#article-number", "24");
    await page.press("#article-number", "Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#art-24");
    await page.fill("#article-number", "99");
    await page.press("#article-number", "Enter");
    await expect(page.locator("#article-jump-status").textContent()).resolves.toBe(
      "没有第99条：请输入1到69的条号。",
    );
    await page.context().close();
  });

  it("highlights the article a link lands on, under the reminder that stays in view on an old law", async () => {
    const page = await open(`${OLD_LAW}#art-20`);
    const seen = await page.evaluate(() => {
      const heading = document.getElementById("art-20") as HTMLElement;
      const article = heading.closest("article") as HTMLElement;
      const other = document.getElementById("art-21")?.closest("article") as HTMLElement;
      const reminder = document.querySelector(".law-text-reminder") as HTMLElement;
      const style = getComputedStyle(article);
      return {
        background: style.backgroundColor,
        otherBackground: getComputedStyle(other).backgroundColor,
        border: style.borderLeftWidth,
        headingTop: heading.getBoundingClientRect().top,
        reminderTop: reminder.getBoundingClientRect().top,
        reminderBottom: reminder.getBoundingClientRect().bottom,
        reminderText: reminder.textContent,
      };
    });
    expect(seen.background).not.toBe(seen.otherBackground);
    expect(seen.border).toBe("4px");
    expect(seen.reminderTop).toBe(0);
    expect(seen.reminderText).toContain("已被取代");
    expect(seen.headingTop).toBeGreaterThanOrEqual(seen.reminderBottom);
    expect(seen.headingTop).toBeLessThan(740 / 2);
    await page.context().close();
  });

  it("copies the article's address when its link is clicked, and says so", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const page = await context.newPage();
    await page.goto(`${origin}${LAW}`);
    await page.click("#art-24 a");
    const status = page.locator("[data-copy-status]");
    await expect.poll(() => status.textContent()).toContain("已复制本条链接");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}${LAW}#art-24`,
    );
    expect(await page.getAttribute("#art-24 a", "title")).toBe("复制本条链接");
    await context.close();
  });
});

describe("the English side and smaller fixes", () => {
  it("sets English text in a Latin font first, Chinese in the CJK font", async () => {
    const page = await open("/en/glossary/", 1280, 800);
    const fonts = await page.evaluate(() => ({
      english: getComputedStyle(document.querySelector("main h1") as Element).fontFamily,
      chinese: getComputedStyle(document.querySelector('main [lang="zh-CN"]') as Element)
        .fontFamily,
    }));
    expect(fonts.english).toMatch(/^"Segoe UI"/);
    expect(fonts.english).toContain("Noto Sans SC Variable");
    expect(fonts.chinese).toMatch(/^"Noto Sans SC Variable"/);
    await page.context().close();
  });

  it("sorts the English glossary by first letter past quote marks, one anchor per letter", () => {
    const page = html("en/glossary");
    const ids = [...page.matchAll(/id="letter-([A-Z#])"/g)].map((m) => m[1]);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids.slice(0, 2)).toEqual(["A", "C"]);
  });

  it("names the law and, as two versions exist, its version in a glossary term's legal source", () => {
    expect(html("glossary")).toMatch(/>《职业教育法》（2022）第二条<\/a>/);
  });

  it("shows and files a revised law under the year of its version", () => {
    // Adopted in 1996, revised in 2022.
    expect(html("policies")).toMatch(
      /vocational-education-law-2022\/">[^<]*<\/a><span class="entry-notes">现行有效 · 2022</,
    );
    expect(html("policies/filter/year/2022")).toContain(`href="${LAW}"`);
  });

  it("gives English readers an English feed, linked from English pages", () => {
    const feed = readFileSync(join(dist, "en/rss.xml"), "utf8");
    expect(feed).toContain("<language>en</language>");
    expect(feed).toContain("<title>Employee education funds</title>");
    expect(html("en")).toContain('href="/en/rss.xml"');
    expect(readFileSync(join(dist, "rss.xml"), "utf8")).toContain("<title>职工教育经费</title>");
  });

  it("answers a missing English address with the English 404 page", async () => {
    const english = await fetch(`${origin}/en/no-such-page/`);
    expect(english.status).toBe(404);
    expect(await english.text()).toMatch(/<html lang="en"/);
    const chinese = await fetch(`${origin}/no-such-page/`);
    expect(chinese.status).toBe(404);
    expect(await chinese.text()).toMatch(/<html lang="zh-CN"/);
  });
});
