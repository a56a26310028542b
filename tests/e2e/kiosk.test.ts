/**
 * Kiosk mode in a real browser: switched on by `?kiosk=1` or site.yaml, kept while
 * navigating, larger text and touch targets, no outbound links, no dead ends (every
 * page reachable from the home page keeps the bar and the idle return), search by
 * touch, and the return to the home page after the idle time (fast-forwarded with
 * Playwright's fake clock). Target sizes: kiosk-targets.test.ts.
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
      `<p>更多信息：<a href="${EXTERNAL}" target="_blank">人力资源和社会保障部网站</a></p>` +
        `<p><a href="/rss.xml">订阅</a> <a href="/files/leaflet.pdf">传单</a> ` +
        `<a href="/print/courses/training-rights/">讲义</a></p></main>`,
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

    await page.evaluate(() =>
      document.addEventListener("union-kb:kiosk-reset", (event) => {
        const { detail } = event as CustomEvent<unknown>;
        sessionStorage.setItem("reset-heard", JSON.stringify({ detail, at: location.pathname }));
      }),
    );
    await page.clock.runFor(10_000);
    await page.waitForURL(site.url("/"));
    expect(await kioskState(page)).toBe("on");
    // The event came on the page being left, just before the return.
    expect(
      JSON.parse((await page.evaluate(() => sessionStorage.getItem("reset-heard"))) ?? "null"),
    ).toEqual({ detail: { idleSeconds: idle, from: lesson }, at: lesson });
  });

  it("disables links to this site's files and print views, with a note", async () => {
    const page = await openLesson("?kiosk=1");
    await kioskReady(page);
    for (const path of ["/rss.xml", "/files/leaflet.pdf", "/print/courses/training-rights/"]) {
      const link = page.locator(`main a[data-kiosk-external="${site.url(path)}"]`);
      expect(await link.getAttribute("href"), path).toBeNull();
      expect(await link.evaluate((a) => a.nextElementSibling?.textContent ?? "")).toContain(
        "本机不能打开这个文件",
      );
    }
  });

  it("leaves no dead end: every page reachable from the home page keeps the bar and the idle return", async () => {
    const page = await site.newPage();
    // Fonts and pictures do not decide where links lead; skipping them keeps the crawl quick.
    await page.route(/\.(woff2?|png|jpe?g|webp|svg)$/, (route) => route.abort());
    await page.goto(site.url("/?kiosk=1"), { waitUntil: "load" });
    const queue = ["/"];
    const seen = new Set<string>();
    const problems: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      // "load": the stylesheets decide which links can be seen (data-kiosk-hide).
      const response = await page.goto(site.url(path), { waitUntil: "load" });
      const type = response?.headers()["content-type"] ?? "";
      if (!type.startsWith("text/html")) {
        problems.push(`${path} is not a web page (${type})`);
        continue;
      }
      await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });
      if (!(await page.locator("#kiosk").isVisible())) problems.push(`${path} has no kiosk bar`);
      // Links a visitor can see and touch (hidden ones, e.g. the RSS feed, are not).
      const links = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
          .filter((a) => a.getClientRects().length > 0)
          .map((a) => a.href),
      );
      for (const link of links) {
        const url = new URL(link);
        if (url.origin !== site.origin) problems.push(`${path} links out to ${link}`);
        else if (!seen.has(url.pathname)) queue.push(url.pathname);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
    // The crawl reached every kind of page, in both languages.
    const reached = [...seen];
    for (const kind of [
      /^\/courses\/[^/]+\/[^/]+\/$/,
      /^\/policies\/[^/]+\/$/,
      /^\/glossary\/$/,
      /^\/search\/$/,
      /^\/topics\/[^/]+\/$/,
      /^\/en\/$/,
    ])
      expect(
        reached.some((path) => kind.test(path)),
        String(kind),
      ).toBe(true);
    expect(reached.some((path) => path.startsWith("/print/"))).toBe(false);
  });
});

describe("kiosk search by touch", () => {
  const scriptsOf = (page: Page) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    return scripts;
  };

  it("is not there outside kiosk mode, and loads nothing", async () => {
    const page = await site.newPage();
    const scripts = scriptsOf(page);
    await page.goto(site.url("/search/"), { waitUntil: "load" });
    expect(await page.locator(".kiosk-search").count()).toBe(0);
    expect(await page.locator("#search-query").getAttribute("inputmode")).toBeNull();
    expect(scripts.filter((url) => url.includes("kiosk"))).toEqual([]);
  });

  it("types pinyin with the letter keys, searches, clears; popular searches and topics need no typing", async () => {
    const page = await site.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const scripts = scriptsOf(page);
    await page.goto(site.url("/search/?kiosk=1"), { waitUntil: "load" });
    const keyboard = page.getByRole("group", { name: "拼音字母键盘" });
    await keyboard.waitFor();
    const searchScript = scripts.find((url) => /\/kiosk-search[^/]*\.js$/.test(url));
    expect(searchScript).toBeDefined();
    const size = (await (await page.request.get(searchScript as string)).body()).length;
    expect(size).toBeLessThanOrEqual(2 * 1024);
    // The panel sits right under the search form, and the box waits for the keys.
    expect(
      await page.evaluate(
        () => document.querySelector("form[data-search-form]")?.nextElementSibling?.className ?? "",
      ),
    ).toBe("kiosk-search");
    const { violations } = await new AxeBuilder({ page })
      .include(".kiosk-search")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    const input = page.locator("#search-query");
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await input.getAttribute("inputmode")).toBe("none");

    for (const letter of "shidaitx") await keyboard.locator(`[data-key="${letter}"]`).tap();
    await keyboard.getByRole("button", { name: "⌫ 退格" }).tap();
    await keyboard.locator('[data-key="u"]').tap();
    expect(await input.inputValue()).toBe("shidaitu");
    const shortcuts = page.locator(".kiosk-shortcuts");
    expect(await shortcuts.isVisible()).toBe(false);
    await keyboard.getByRole("button", { name: "搜索" }).tap();
    await page.locator("[data-search-root][data-state=done]").waitFor();
    expect(await page.locator("[data-search-results] a").first().textContent()).toContain("师带徒");
    expect(new URL(page.url()).searchParams.get("q")).toBe("shidaitu");

    await keyboard.getByRole("button", { name: "空格" }).tap();
    expect(await input.inputValue()).toBe("shidaitu ");
    await keyboard.getByRole("button", { name: "清除" }).tap();
    expect(await input.inputValue()).toBe("");
    expect(await shortcuts.isVisible()).toBe(true);

    // Without site.yaml's kiosk.popularQueries: the glossary terms found in law articles.
    const popular = shortcuts.locator("button[data-query]");
    expect(await popular.allTextContents()).toContain("职业教育");
    await popular.filter({ hasText: "职业教育" }).first().tap();
    await page.locator("[data-search-root][data-state=done]").waitFor();
    expect(await input.inputValue()).toBe("职业教育");
    expect(await page.locator("[data-search-results] a").count()).toBeGreaterThan(0);

    const topics = shortcuts.locator("a[href^='/topics/']");
    expect(await topics.count()).toBe(3);
  });

  it("the bar's 搜索 focuses the search box on the search page, and the hint names what is there", async () => {
    const page = await site.newPage();
    await page.goto(site.url("/search/?kiosk=1"), { waitUntil: "load" });
    await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });
    await page.locator("h1").click();
    expect(
      await page.locator("#search-query").evaluate((el) => el === document.activeElement),
    ).toBe(false);
    await page.locator("#kiosk").getByRole("link", { name: "搜索" }).click();
    expect(
      await page.locator("#search-query").evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/search/");
    const hint = (await page.locator("#kiosk .kiosk-hint").textContent()) ?? "";
    expect(hint).not.toContain("屏幕键盘");
    for (const part of ["专题", "热门", "字母键", "拼音"]) expect(hint).toContain(part);
  });
});
