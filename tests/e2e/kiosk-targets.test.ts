/**
 * Touch targets in kiosk mode: every link, button, field and checkbox a visitor can
 * touch is at least 44 × 44 px on each kind of page (WCAG 2.5.5; docs/operating.md
 * promises it). The normal site keeps its denser layout. Also the breadcrumbs'
 * separators and the lesson pager, in both modes.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSearch, type Site, sitePaths, startSite } from "../helpers/e2e.ts";

let site: Site;
let kiosk: Page;
const pages: Record<string, string> = {};

beforeAll(async () => {
  site = await startSite();
  const paths = sitePaths(site.root);
  const find = (kind: string, pattern: RegExp) => {
    const found = paths.find((path) => pattern.test(path));
    if (!found) throw new Error(`The fixture site has no ${kind} page`);
    pages[kind] = found;
  };
  find("home", /^\/$/);
  find("course", /^\/courses\/[^/]+\/$/);
  // The first lesson of a course with several has a "next" link in its pager.
  find("lesson", /^\/courses\/[^/]+\/[^/]+\/$/);
  find("policy", /^\/policies\/vocational-education-law-2022\/$/);
  find("glossary", /^\/glossary\/$/);
  find("topic", /^\/topics\/[^/]+\/$/);
  find("english home", /^\/en\/$/);
  kiosk = await site.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await kiosk.goto(site.url("/?kiosk=1"), { waitUntil: "load" });
});

afterAll(async () => {
  await site?.close();
});

/** Every target a visitor can see on the page that is smaller than 44 × 44 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        "a[href], button, input:not([type=hidden]), select, summary, textarea, [tabindex]:not([tabindex='-1'])",
      ),
    ]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // Visually hidden until focused (the skip link): measured on focus, below.
        return el.getClientRects().length > 0 && box.width > 1 && box.height > 1;
      })
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

describe("kiosk touch targets", () => {
  it.each(["home", "course", "lesson", "policy", "glossary", "topic", "english home"])(
    "%s page: every target is at least 44 × 44 px",
    async (kind) => {
      await kiosk.goto(site.url(pages[kind] as string), { waitUntil: "load" });
      await kiosk.locator("#kiosk[data-started]").waitFor({ state: "attached" });
      expect(await kiosk.evaluate(() => document.documentElement.dataset.kiosk)).toBe("on");
      expect(await smallTargets(kiosk)).toEqual([]);
    },
  );

  it("search page with results, filters and the touch keyboard: every target is at least 44 × 44 px", async () => {
    await kiosk.goto(site.url("/search/"), { waitUntil: "load" });
    await kiosk.locator(".kiosk-keyboard").waitFor();
    await runSearch(kiosk, "培训");
    await kiosk.locator("[data-search-filters] input[type=checkbox]").first().waitFor();
    expect(await smallTargets(kiosk)).toEqual([]);
  });

  it("the skip link is 44 px tall when it shows", async () => {
    await kiosk.goto(site.url(pages.home as string), { waitUntil: "load" });
    await kiosk.keyboard.press("Tab");
    const box = await kiosk.locator(".skip-link").boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  });

  it("the normal site stays denser (the kiosk rules apply to kiosk mode only)", async () => {
    const page = await site.newPage();
    await page.goto(site.url(pages.lesson as string), { waitUntil: "load" });
    const pill = await page.locator(".topic-pill").first().boundingBox();
    expect(pill?.height ?? 0).toBeLessThan(40);
  });
});

describe.each([
  ["normal", ""],
  ["kiosk", "?kiosk=1"],
])("%s mode: breadcrumbs and pager", (_mode, query) => {
  let page: Page;
  beforeAll(async () => {
    page = await site.newPage();
    await page.goto(site.url(`${pages.lesson}${query}`), { waitUntil: "load" });
  });

  it("breadcrumb separators sit on the line of the links", async () => {
    const offsets = await page.evaluate(() =>
      [...document.querySelectorAll("nav[aria-label] ol > li")].flatMap((li) => {
        const separator = li.querySelector("[aria-hidden=true]");
        const item = li.querySelector("a, [aria-current]");
        if (!separator || !item) return [];
        // Where the glyphs are drawn, not the boxes (a stretched box hides a glyph at its top).
        const middle = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const box = range.getBoundingClientRect();
          return box.top + box.height / 2;
        };
        return [Math.abs(middle(separator) - middle(item))];
      }),
    );
    expect(offsets.length).toBeGreaterThan(0);
    for (const offset of offsets) expect(offset).toBeLessThanOrEqual(3);
  });

  it("the pager puts “上一课 / 下一课” above the lesson title", async () => {
    const link = page.locator("a.pager-link").first();
    const label = await link.locator(".pager-label").boundingBox();
    const title = await link.locator(".pager-title").boundingBox();
    expect(label && title).toBeTruthy();
    if (label && title) expect(label.y + label.height).toBeLessThanOrEqual(title.y + 1);
  });
});
