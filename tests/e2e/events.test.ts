/**
 * Events in Chromium with the clock mocked (playwright's page.clock): the
 * static pages list every event by date, and the clock script decides what
 * is past, what is this week and which class is next. The site is the
 * valid fixture with tests/fixtures/extra/events/ (built once, shared with
 * tests/integration/events.test.ts); axe checks the month view.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type Site, startSite } from "../helpers/e2e.ts";

let site: Site;

beforeAll(async () => {
  site = await startSite({ root: await buildFixtureSite("events") });
}, 600_000);
afterAll(() => site?.close());

/** A new page whose clock reads `time` (Beijing time written with +08:00). */
async function at(time: string, path: string): Promise<Page> {
  const page = await site.newPage();
  await page.clock.install({ time: new Date(time) });
  await page.goto(site.url(path));
  await clockRan(page);
  return page;
}

/** Waits until the clock script has run (it marks <html data-events-clock>). */
async function clockRan(page: Page): Promise<void> {
  await page.waitForSelector("html[data-events-clock]", { state: "attached", timeout: 30_000 });
}

const titles = (page: Page, selector: string) =>
  page.locator(`${selector} li:visible .event-title`).allInnerTexts();
const months = (page: Page, selector: string) =>
  page
    .locator(`${selector} [data-events-month] h3`)
    .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent?.trim()));

describe("the events list by the reader's clock", () => {
  it("on 10 March 2026 keeps the March class upcoming and moves January and February to the past", async () => {
    const page = await at("2026-03-10T12:00:00+08:00", "/events/");
    expect(await page.locator("[data-events-past]").isVisible()).toBe(true);
    expect(await page.locator("#events-heading").textContent()).toBe("即将举行和正在进行");
    expect(await months(page, "[data-events-list]")).toEqual([
      "2026年3月",
      "2026年4月",
      "2026年5月",
      "2026年6月",
      "2026年7月",
      "2026年8月",
      "2026年9月",
      "2026年10月",
      "2026年12月",
      "2027年1月",
    ]);
    expect(await titles(page, "[data-events-month='2026-03']")).toEqual([
      "职工培训权利夜校",
      "职工书屋读书会",
    ]);
    expect(await months(page, "[data-events-past]")).toEqual(["2026年2月", "2026年1月"]);
    expect(await titles(page, "[data-events-past]")).toEqual(["职工书屋读书会", "职工书屋读书会"]);
    // The class meets tonight: its first meeting is past, the second is not.
    await page.goto(site.url("/events/training-evening-class/"));
    await clockRan(page);
    const badges = page.locator("ol.event-dates li [data-event-badge]");
    expect(await badges.nth(0).textContent()).toBe("已结束");
    expect(await badges.nth(1).isHidden()).toBe(true);
  });

  it("on 5 December 2026 lists only the January lecture as upcoming, December first among the past", async () => {
    const page = await at("2026-12-05T09:00:00+08:00", "/en/events/");
    expect(await page.locator("[data-events-past]").isVisible()).toBe(true);
    expect(await titles(page, "[data-events-list]")).toEqual([
      "New Year lecture: how employee education funds are spent",
    ]);
    expect((await months(page, "[data-events-past]"))[0]).toBe("December 2026");
    expect(await page.locator("[data-events-list] [data-events-empty]").isHidden()).toBe(true);
  });

  it("shows this week's remaining events on the kiosk home page, in large type", async () => {
    const page = await at("2026-03-10T12:00:00+08:00", "/?kiosk=1");
    const week = page.locator(".kiosk-week");
    expect(await week.isVisible()).toBe(true);
    const items = week.locator("li:visible");
    expect(await items.allInnerTexts()).toEqual([
      expect.stringContaining("3月10日（周二） 19:00—21:00 · 工人文化宫 第二教室"),
    ]);
    expect(await items.locator("a").getAttribute("href")).toBe("/events/training-evening-class/");
    const size = await items
      .first()
      .evaluate((li) => Number.parseFloat(getComputedStyle(li).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    // Without kiosk mode the home page neither shows the week nor loads the list.
    const requested: string[] = [];
    const plain = await site.newPage();
    plain.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await plain.clock.install({ time: new Date("2026-03-10T12:00:00+08:00") });
    await plain.goto(site.url("/?kiosk=0"));
    await clockRan(plain);
    expect(await plain.locator(".kiosk-week").isVisible()).toBe(false);
    expect(requested).not.toContain("/events/occurrences.json");
  });

  it("names the next class on the course handout, skipping the week off", async () => {
    const page = await at("2026-03-11T08:00:00+08:00", "/print/courses/training-rights/");
    const next = page.locator("[data-next-class] li:visible");
    expect(await next.count()).toBe(1);
    expect(await next.textContent()).toContain("2026年3月24日（周二） 19:00—21:00");
  });
});

describe("the month view", () => {
  it("marks today and has no accessibility violations, in both languages", async () => {
    for (const path of ["/events/month/2026-03/", "/en/events/month/2026-06/"]) {
      const page = await at(
        path.includes("06") ? "2026-06-18T10:00:00+08:00" : "2026-03-10T10:00:00+08:00",
        path,
      );
      const today = page.locator('td[aria-current="date"]');
      expect(await today.count()).toBe(1);
      expect(await today.getAttribute("data-date")).toBe(
        path.includes("06") ? "2026-06-18" : "2026-03-10",
      );
      const { violations } = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
        [],
      );
    }
  });
});
