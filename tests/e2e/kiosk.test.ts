/**
 * Kiosk mode in a real browser: switched on by `?kiosk=1` or site.yaml, kept while
 * navigating, larger text and touch targets, no outbound links, and the return to the
 * home page after the idle time (fast-forwarded with Playwright's fake clock).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Site, sitePaths, startSite } from "../helpers/e2e.ts";

const EXTERNAL = "https://www.mohrss.gov.cn/";

let site: Site;
let lesson: string;

beforeAll(async () => {
  site = await startSite();
  const found = sitePaths(site.root).find((path) => /^\/courses\/[^/]+\/[^/]+\/$/.test(path));
  if (!found) throw new Error("The fixture site has no lesson page");
  lesson = found;
});

afterAll(async () => {
  await site?.close();
});

/**
 * Opens a page whose HTML is changed on the way: an outbound link is added to the main
 * content and, with `siteEnabled`, the page looks as if site.yaml had `kiosk.enabled: true`.
 */
async function openLesson(query = "", options: { siteEnabled?: boolean } = {}): Promise<Page> {
  const page = await site.newPage();
  await page.route(`${site.origin}/**`, async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    let body = (await response.text()).replace(
      "</main>",
      `<p>更多信息：<a href="${EXTERNAL}" target="_blank">人力资源和社会保障部网站</a></p></main>`,
    );
    if (options.siteEnabled) body = body.replace('data-enabled="false"', 'data-enabled="true"');
    return route.fulfill({ response, body });
  });
  await page.goto(site.url(`${lesson}${query}`), { waitUntil: "load" });
  return page;
}

const kioskState = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.kiosk ?? "off");

/** The kiosk behaviour has started once external links lose their href. */
const kioskReady = (page: Page) =>
  page.locator(`main a[data-kiosk-external="${EXTERNAL}"]`).waitFor({ state: "attached" });

describe("kiosk mode", () => {
  it("stays off by default and loads no kiosk script", async () => {
    const page = await site.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto(site.url(lesson), { waitUntil: "load" });
    expect(await kioskState(page)).toBe("off");
    expect(await page.locator("#kiosk").isVisible()).toBe(false);
    expect(scripts.filter((url) => url.includes("kiosk"))).toEqual([]);
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(fontSize).toBe("16px");
  });

  it("?kiosk=1 turns it on: larger text, 44 px targets, search hint, small script", async () => {
    const page = await site.newPage();
    const kioskScript = page.waitForResponse((response) =>
      /\/kiosk-mode[^/]*\.js$/.test(response.url()),
    );
    await page.goto(site.url(`${lesson}?kiosk=1`), { waitUntil: "load" });
    expect(await kioskState(page)).toBe("on");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      "20px",
    );
    const bar = page.locator("#kiosk");
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.locator(".kiosk-hint").textContent()).toContain("搜索");
    expect(await bar.getByRole("link", { name: "搜索" }).getAttribute("href")).toMatch(/search\/$/);

    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("header a, nav a, footer a, #kiosk a, button")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ text: el.textContent?.trim(), ...el.getBoundingClientRect().toJSON() }))
        .filter((box) => box.height < 44 || box.width < 44),
    );
    expect(small).toEqual([]);

    expect((await (await kioskScript).body()).length).toBeLessThanOrEqual(3 * 1024);
    await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });

    const { violations } = await new AxeBuilder({ page })
      .include("#kiosk")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  it("disables outbound links and shows their address instead", async () => {
    const page = await openLesson("?kiosk=1");
    await kioskReady(page);
    const link = page.locator(`main a[data-kiosk-external="${EXTERNAL}"]`);
    expect(await link.getAttribute("href")).toBeNull();
    expect(await link.getAttribute("target")).toBeNull();
    const note = await link.evaluate((a) => a.nextElementSibling?.textContent ?? "");
    expect(note).toContain(EXTERNAL);
    expect(note).toContain("请用手机");
    await link.click();
    expect(page.url()).toContain(lesson);
    expect(page.context().pages()).toHaveLength(1);
  });

  it("prevents the context menu", async () => {
    const page = await openLesson("?kiosk=1");
    await kioskReady(page);
    const prevented = await page.evaluate(
      () =>
        !document
          .querySelector("main p")
          ?.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true })),
    );
    expect(prevented).toBe(true);
  });

  it("keeps kiosk mode while navigating, and ?kiosk=0 turns it off", async () => {
    const page = await openLesson("?kiosk=1");
    await kioskReady(page);
    await page.locator("header nav a").first().click();
    await page.waitForLoadState("load");
    expect(new URL(page.url()).search).toBe("");
    expect(await kioskState(page)).toBe("on");

    await page.goto(site.url("/?kiosk=0"));
    expect(await kioskState(page)).toBe("off");
    await page.goto(site.url(lesson));
    expect(await kioskState(page)).toBe("off");
  });

  it("is on when site.yaml enables it, unless the address says ?kiosk=0", async () => {
    const on = await openLesson("", { siteEnabled: true });
    expect(await kioskState(on)).toBe("on");
    await kioskReady(on);
    const off = await openLesson("?kiosk=0", { siteEnabled: true });
    expect(await kioskState(off)).toBe("off");
  });

  it("warns, then returns to the home page after the idle time; a touch postpones it", async () => {
    const page = await site.newPage();
    await page.clock.install();
    await page.goto(site.url(`${lesson}?kiosk=1`), { waitUntil: "load" });
    await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });
    // An installed clock still follows real time; pausing it makes the steps below exact.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const idle = Number(await page.locator("#kiosk").getAttribute("data-idle-seconds"));
    expect(idle).toBeGreaterThanOrEqual(15);
    const warning = page.locator("[data-kiosk-warning]");

    await page.clock.runFor((idle - 6) * 1000);
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.locator("[role=timer]").textContent()).toMatch(/^[45] 秒$/);

    await page.keyboard.press("Shift");
    expect(await warning.isVisible()).toBe(false);
    await page.clock.runFor((idle - 5) * 1000);
    expect(new URL(page.url()).pathname).toBe(lesson);

    await page.clock.runFor(10_000);
    await page.waitForURL(site.url("/"));
    expect(await kioskState(page)).toBe("on");
  });
});
