/**
 * The search UI in Chromium on the fixture site: results with highlighted
 * matches, the result count announced, keyboard-operable filters that narrow
 * the results, law articles linked by anchor, the header search box, Pagefind
 * loaded only when the reader searches, the no-JavaScript message, and axe
 * (WCAG 2.2 AA) on the page with results shown.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import { type Site, startSite } from "../helpers/e2e.ts";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const TRAINING = "培训";

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 600_000);
afterAll(async () => {
  await site?.close();
});

/**
 * Waits until the search page has finished the search for `query` (after
 * typing, a filter change…), in `state` "done" or, for a failed one, "error".
 */
async function searchDone(page: Page, query: string, state = "done"): Promise<void> {
  await page.waitForFunction(
    ([q, s]) => {
      const root = document.querySelector<HTMLElement>("[data-search-root]");
      return root?.dataset.state === s && root.dataset.query === q;
    },
    [query, state] as const,
    { timeout: 30_000 },
  );
}

/** Types a query key by key, as a reader does (the page searches as they type). */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator("#search-query").click();
  await page.keyboard.type(query);
  await searchDone(page, query);
}

/** Number of results the status line announces. */
async function announcedCount(page: Page): Promise<number> {
  const status = (await page.locator("[data-search-status]").textContent()) ?? "";
  return Number(/\d+/.exec(status)?.[0] ?? Number.NaN);
}

/** The type line ("案例", "课时 · 课程名") of every shown result. */
async function resultTypes(page: Page): Promise<string[]> {
  return page
    .locator("[data-search-results] > li")
    .evaluateAll((items) => items.map((li) => li.querySelector("p")?.textContent ?? ""));
}

/** Presses Tab until a filter checkbox with this name and value has focus; returns how many presses it took. */
async function tabToCheckbox(page: Page, name: string, value: string): Promise<number> {
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === "checkbox"
        ? {
            name: el.name,
            value: el.value,
            inFilters: Boolean(el.closest("[data-search-filters]")),
          }
        : undefined;
    });
    if (focused?.inFilters && focused.name === name && focused.value === value) return presses;
  }
  throw new Error(`No filter checkbox ${name}=${value} is reachable with Tab`);
}

describe("the search page", () => {
  it("shows results with highlighted matches and announces how many there are", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/search/"));
    await typeQuery(page, TRAINING);
    const status = page.locator("[data-search-status]");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    const count = await announcedCount(page);
    expect(count).toBeGreaterThan(1);
    expect(await status.textContent()).toContain(TRAINING);
    expect(await page.locator("[data-search-results] > li").count()).toBe(Math.min(count, 10));
    const marks = await page.locator("[data-search-results] mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((mark) => mark.includes(TRAINING))).toBe(true);
    // The address keeps the query, so a result list can be bookmarked or shared.
    expect(new URL(page.url()).searchParams.get("q")).toBe(TRAINING);
  });

  it("has type and topic filters that are checkboxes, reached with Tab, toggled with Space, narrowing the results", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/search/"));
    await typeQuery(page, TRAINING);
    const all = await announcedCount(page);
    expect(new Set(await resultTypes(page)).size).toBeGreaterThan(1);

    const caseType = t("zh-CN", "type.case");
    await page.locator("#search-query").focus();
    await tabToCheckbox(page, "type", caseType);
    await page.keyboard.press("Space");
    await searchDone(page, TRAINING);
    const checkbox = page.locator(`[data-search-filters] input[name="type"][value="${caseType}"]`);
    expect(await checkbox.isChecked()).toBe(true);
    const cases = await announcedCount(page);
    expect(cases).toBeGreaterThan(0);
    expect(cases).toBeLessThan(all);
    const types = await resultTypes(page);
    expect(
      types.every((type) => type.startsWith(caseType)),
      types.join(" | "),
    ).toBe(true);
    expect(await page.locator("[data-search-status]").textContent()).toContain(String(all));

    // Space again clears it; then a topic narrows the list the same way.
    await page.keyboard.press("Space");
    await searchDone(page, TRAINING);
    expect(await checkbox.isChecked()).toBe(false);
    expect(await announcedCount(page)).toBe(all);
    const topic = "职工教育经费";
    await tabToCheckbox(page, "topic", topic);
    await page.keyboard.press("Space");
    await searchDone(page, TRAINING);
    const inTopic = await announcedCount(page);
    expect(inTopic).toBeGreaterThan(0);
    expect(inTopic).toBeLessThan(all);
    const links = await page
      .locator("[data-search-results] a[data-result]")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toContain("/cases/training-refused/");
  });

  it("links a law article result to its anchor", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/search/"));
    await typeQuery(page, "职业教育法 第二十四条");
    const first = page.locator("[data-search-results] > li").first();
    const href = await first.locator("a[data-result]").getAttribute("href");
    expect(decodeURI(href ?? "")).toMatch(/\/policies\/vocational-education-law-2022\/#art-24$/);
    await first.locator("a[data-result]").click();
    await page.waitForURL(/#art-24$/);
    expect(await page.locator("#art-24").isVisible()).toBe(true);
  });

  it("answers the header search box (a GET form) on the search page with results", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/courses/training-rights/"));
    await page.locator("#header-search").fill(TRAINING);
    await page.locator("#header-search").press("Enter");
    await page.waitForURL((url) => url.pathname === "/search/");
    expect(new URL(page.url()).searchParams.get("q")).toBe(TRAINING);
    await searchDone(page, TRAINING);
    expect(await page.locator("#search-query").inputValue()).toBe(TRAINING);
    expect(await page.locator("[data-search-results] > li").count()).toBeGreaterThan(0);
  });

  it("says so when the index cannot be loaded, and loads it at the next search", async () => {
    // A failed request once left the page searching for ever, and the next
    // search failed too (the failed load was kept).
    const page = await site.newPage();
    let fail = true;
    await page.route("**/pagefind/union-kb-parts.json", (route) =>
      fail ? route.abort("connectionreset") : route.continue(),
    );
    await page.goto(site.url("/search/"));
    await page.locator("#search-query").fill(TRAINING);
    await page.locator("#search-query").press("Enter");
    await searchDone(page, TRAINING, "error");
    expect(await page.locator("[data-search-status]").textContent()).toBe(
      t("zh-CN", "search.unavailable"),
    );
    fail = false;
    await page.locator("#search-query").press("Enter");
    await searchDone(page, TRAINING);
    expect(await page.locator("[data-search-results] > li").count()).toBeGreaterThan(0);
  });

  it("loads Pagefind only when the reader searches", async () => {
    const page = await site.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    const pagefind = () => requests.filter((path) => path.includes("/pagefind/"));

    // A content page: the header box is a plain form; focusing and typing in it loads nothing.
    await page.goto(site.url("/courses/training-rights/duties/"), { waitUntil: "networkidle" });
    await page.locator("#header-search").focus();
    await page.keyboard.type("培");
    await page.waitForTimeout(500);
    expect(pagefind()).toEqual([]);

    // The search page: nothing until the box is focused, then Pagefind's script.
    await page.goto(site.url("/search/"), { waitUntil: "networkidle" });
    expect(pagefind()).toEqual([]);
    const script = page.waitForRequest((request) =>
      request.url().endsWith("/pagefind/pagefind.js"),
    );
    await page.locator("#search-query").focus();
    await script;
    expect(pagefind()).toContain("/pagefind/pagefind.js");
  });

  it("says, without JavaScript, that search needs it and links to topics and the glossary", async () => {
    for (const [locale, path] of [
      ["zh-CN", "/search/"],
      ["en", "/en/search/"],
    ] as const) {
      const page = await site.newPage({ javaScriptEnabled: false });
      await page.goto(site.url(path));
      const note = page.locator("main p", { hasText: t(locale, "search.noscript") });
      await note.waitFor({ state: "visible" });
      const hrefs = await note
        .locator("a")
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const prefix = locale === "en" ? "/en" : "";
      expect(hrefs).toEqual([`${prefix}/topics/`, `${prefix}/glossary/`]);
      // The form still works as a plain GET form; the page just cannot search by itself.
      expect(await page.locator("[data-search-results] > li").count()).toBe(0);
    }
  });

  it("on a 360×740 phone shows the first result on the first screen, filters folded, few Tab presses away", async () => {
    const page = await site.newPage({ viewport: { width: 360, height: 740 } });
    const events: { query: string; results: number }[] = [];
    await page.exposeFunction("noteSearch", (detail: { query: string; results: number }) =>
      events.push(detail),
    );
    await page.addInitScript(() => {
      document.addEventListener("union-kb:search", (event) =>
        (window as unknown as { noteSearch: (d: unknown) => void }).noteSearch(
          (event as CustomEvent).detail,
        ),
      );
    });
    await page.goto(site.url(`/search/?q=${encodeURIComponent(TRAINING)}`));
    await searchDone(page, TRAINING);
    const toggle = page.locator("[data-search-filter-toggle]");
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const first = page.locator("[data-search-results] > li a[data-result]").first();
    const box = await first.boundingBox();
    expect(box, "the first result is laid out").not.toBeNull();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(740);
    // Query box → search button → filter toggle → first result.
    await page.locator("#search-query").focus();
    let presses = 0;
    while (presses < 10) {
      await page.keyboard.press("Tab");
      presses++;
      if (await first.evaluate((a) => a === document.activeElement)) break;
    }
    expect(presses).toBe(3);
    // The folded filters open with the keyboard and offer no filter with a single value.
    await toggle.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await toggle.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    for (const group of await page.locator("[data-search-filters] fieldset").all())
      expect(await group.locator("input[type=checkbox]").count()).toBeGreaterThan(1);
    // The header box keeps the query; a listener hears the search; results carry their rank.
    expect(await page.locator("#header-search").inputValue()).toBe(TRAINING);
    expect(events.at(-1)?.query).toBe(TRAINING);
    expect(events.at(-1)?.results).toBeGreaterThan(0);
    expect(await first.getAttribute("data-search-result")).toBe("1");
    // No snippet starts with the punctuation that ended the previous sentence.
    const snippets = await page
      .locator("[data-search-results] li > p.mt-1")
      .evaluateAll((ps) => ps.map((p) => p.textContent ?? ""));
    expect(snippets.filter((text) => /^[\s.。；;，,]/.test(text))).toEqual([]);
  });

  it("has no axe (WCAG 2.2 AA) violations with results and filters shown", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/search/"));
    await typeQuery(page, TRAINING);
    expect(
      await page.locator("[data-search-filters] input[type=checkbox]").count(),
    ).toBeGreaterThan(0);
    expect(await page.locator("[data-search-results] mark").count()).toBeGreaterThan(0);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .withTags(WCAG_22_AA)
        .analyze();
      const summary = violations.map(
        (v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      expect(summary).toEqual([]);
    }
  });
});
