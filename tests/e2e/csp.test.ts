import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Site, startSite } from "../helpers/e2e.ts";

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 600_000);
afterAll(async () => {
  await site?.close();
});

/** Opens a page and collects every Content-Security-Policy violation and console error on it. */
async function openWatched(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await site.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  await page.goto(site.url(path), { waitUntil: "networkidle" });
  return { page, problems };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
  );
}

describe("the strict Content Security Policy", () => {
  const paths = [
    "/",
    "/courses/",
    "/courses/training-rights/",
    "/courses/training-rights/duties/",
    "/policies/vocational-education-law-2022/",
    "/cases/training-refused/",
    "/glossary/",
    "/en/",
    "/print/courses/training-rights/",
    "/print/courses/training-rights/duties/",
  ];

  it.each(paths)("%s works with no violation", async (path) => {
    const { page, problems } = await openWatched(path);
    const csp = await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect([...(await violations(page)), ...problems]).toEqual([]);
    await page.close();
  });

  it("lets search load Pagefind's WebAssembly and show results", async () => {
    const { page, problems } = await openWatched("/search/?q=%E5%9F%B9%E8%AE%AD");
    await page
      .locator("[data-search-status]")
      .filter({ hasText: /\d/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.locator("main a[href*='/courses/']").count()).toBeGreaterThan(0);
    expect([...(await violations(page)), ...problems]).toEqual([]);
    await page.close();
  });

  it("really blocks an injected inline script", async () => {
    const { page } = await openWatched("/");
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true;";
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).join()).toContain("script-src");
    await page.close();
  });
});
