/**
 * Usage counting in a real browser: the built fixture site served twice from this process,
 * once with --stats (a scripted reading session, then the report) and once without (not one
 * request to the stats endpoints, nothing new in the page, no console errors).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/lib/browser/launch.ts";
import { createSiteServer } from "../../src/lib/serve/index.ts";
import { openServerStats, type ServerStats } from "../../src/lib/serve/stats-routes.ts";
import { formatReport, readReport } from "../../src/lib/stats/report.ts";
import { runSearch, siteRoot } from "../helpers/e2e.ts";

let browser: Browser;
let stats: ServerStats;
let tmp: string;
const servers: Server[] = [];
let counting = "";
let plain = "";

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const root = await siteRoot();
  tmp = mkdtempSync(join(tmpdir(), "union-kb-e2e-stats-"));
  stats = openServerStats({ dir: tmp, locale: "zh-CN", log: () => {} });
  counting = await listen(createSiteServer({ root, stats }));
  plain = await listen(createSiteServer({ root }));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  stats?.recorder.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A page in a fresh context that records every request and every console error. */
async function watchedPage(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, requests, problems };
}

/** Reads the report once the server has counted `searches` searches (beacons arrive async). */
async function reportWith(searches: number) {
  await expect
    .poll(
      () => {
        stats.recorder.flush();
        return readReport(stats.recorder.store).total.searches;
      },
      { timeout: 10_000 },
    )
    .toBe(searches);
  return readReport(stats.recorder.store);
}

describe("a reading session on a server with --stats", () => {
  it("is counted exactly: pages, searches with and without results, the opened result, a handout, a kiosk reset", async () => {
    const { page, requests, problems } = await watchedPage();
    await page.goto(`${counting}/`);
    expect(await page.locator("[data-stats-note]").isVisible()).toBe(true);
    expect(await page.locator("[data-stats-note]").textContent()).toContain("不记录 IP 地址");
    await page.goto(`${counting}/courses/training-rights/`);

    await page.goto(`${counting}/search/`);
    await runSearch(page, "培训");
    const shown = await page.locator("[data-search-results] > li").count();
    const first = page.locator("[data-search-results] a[href]").first();
    const opened = new URL((await first.getAttribute("href")) ?? "", counting).pathname;
    await Promise.all([page.waitForURL((url) => url.pathname === opened), first.click()]);

    await page.goto(`${counting}/search/?q=${encodeURIComponent("zzqxj")}`);
    await page.locator("[data-search-root][data-state=done]").waitFor();
    // Leaving the page reports the search it has not reported yet.
    await page.goto(`${counting}/print/courses/training-rights/duties/`);

    await page.goto(`${counting}/`);
    await page.evaluate(() => {
      document.dispatchEvent(new CustomEvent("union-kb:kiosk-reset"));
      // What the search page sends once the search helper's change is merged.
      document.dispatchEvent(
        new CustomEvent("union-kb:search", { detail: { query: "事件 报告", results: 2 } }),
      );
    });
    await page.goto(`${counting}/glossary/`);

    const report = await reportWith(3);
    console.log(formatReport(report, "(the e2e session)"));
    const views = Object.fromEntries(report.pages.map((p) => [p.path, p.views]));
    const expected: Record<string, number> = {
      "/": 2,
      "/courses/training-rights/": 1,
      // The goto, the header search box's GET to /search/?q=培训 (runSearch), and ?q=zzqxj.
      "/search/": 3,
      "/glossary/": 1,
    };
    expected[opened] = (expected[opened] ?? 0) + 1;
    expect(views).toEqual(expected);
    expect(report.handouts).toEqual([
      { path: "/print/courses/training-rights/duties/", downloads: 1 },
    ]);
    const searches = Object.fromEntries(report.searches.map((s) => [s.query, s]));
    expect(searches.培训).toEqual({
      query: "培训",
      searches: 1,
      noResult: 0,
      opened: 1,
      results: shown,
    });
    expect(searches.zzqxj).toEqual({
      query: "zzqxj",
      searches: 1,
      noResult: 1,
      opened: 0,
      results: 0,
    });
    expect(searches["事件 报告"]).toEqual({
      query: "事件 报告",
      searches: 1,
      noResult: 0,
      opened: 0,
      results: 2,
    });
    expect(report.noResult.map((s) => s.query)).toEqual(["zzqxj"]);
    expect(report.total.kioskResets).toBe(1);
    expect(report.refused).toEqual({ invalid: 0, limited: 0 });
    // Beacons go to this server only, and nothing is refused by the pages' CSP.
    expect(
      requests
        .filter((r) => r.startsWith("POST"))
        .every((r) => r.startsWith(`POST ${counting}/__stats/event`)),
    ).toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("the /stats/ page", () => {
  it("shows the session's report with bar charts, within its CSP, with no axe violation", async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${counting}/stats/`);
    expect(response?.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect(await page.locator("h1").textContent()).toBe("使用统计");
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("table").first().textContent()).toContain("∑");
    const { violations } = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    const shot = process.env.UNION_KB_STATS_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    // Style blocked by the CSP would show up here as a console error.
    expect(problems).toEqual([]);
  }, 60_000);
});

describe("the same site on a server without --stats", () => {
  it("sends nothing, shows no note and logs no error", async () => {
    const { page, requests, problems } = await watchedPage();
    await page.goto(`${plain}/`);
    expect(await page.locator("[data-stats-note]").count()).toBe(0);
    await page.evaluate(() => {
      document.dispatchEvent(new CustomEvent("union-kb:kiosk-reset"));
      document.dispatchEvent(
        new CustomEvent("union-kb:search", { detail: { query: "培训", results: 2 } }),
      );
    });
    await page.goto(`${plain}/search/`);
    await runSearch(page, "培训");
    const first = page.locator("[data-search-results] a[href]").first();
    await Promise.all([page.waitForLoadState("load"), first.click()]);
    await page.goto(`${plain}/glossary/`);
    await page.waitForTimeout(2500);
    expect(requests.filter((r) => r.includes("__stats") || r.includes("/stats/"))).toEqual([]);
    expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
    expect(requests.every((r) => r.startsWith(`GET ${plain}/`))).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);
});
