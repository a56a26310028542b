/**
 * Issue 8: the built site runs with no internet. Every page type is loaded with every request
 * to another origin blocked; an attempted outside request, a failed local request or a console
 * error fails the test. The search page runs a query, so the search index and its WebAssembly
 * are loaded too.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSample, type Site, samplePages, siteRoot, startSite } from "../helpers/e2e.ts";

const root = await siteRoot();
const samples = samplePages(root);
let site: Site;

beforeAll(async () => {
  site = await startSite({ root });
});
afterAll(() => site?.close());

/** A page whose outside requests are aborted and recorded, with its errors collected. */
async function offlinePage(): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await site.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === site.origin) return route.continue();
    external.push(url);
    return route.abort("internetdisconnected");
  });
  page.on("console", (message) => {
    // data: URLs (inlined fonts) can make a message kilobytes long; the start says enough.
    const text = message.text().replace(/data:([\w/+.-]+);base64,[\w+/=]+/g, "data:$1;base64,…");
    if (message.type() === "error")
      errors.push(`console: ${text.slice(0, 400)} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // ERR_ABORTED is a request cancelled by the next navigation (the search form reloads the
    // page), not a missing file: those show up as HTTP errors below.
    if (new URL(request.url()).origin === site.origin && !reason.includes("ERR_ABORTED"))
      errors.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on("response", (response) => {
    // The 404 sample's own document is expected to be a 404; nothing else is.
    const isDocument = response.request().resourceType() === "document";
    if (response.status() >= 400 && !isDocument)
      errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, external, errors };
}

describe("offline: no request leaves the site", () => {
  for (const sample of samples) {
    it(`${sample.type}: ${sample.label}`, async () => {
      const { page, external, errors } = await offlinePage();
      const response = await openSample(page, site, sample);
      if (sample.type !== "search")
        expect(response?.status(), "status of the page").toBe(sample.status);
      // Late requests (lazy images, scripts started on idle) get a moment to show up.
      await page.waitForLoadState("networkidle");
      expect(external, "requests to other origins").toEqual([]);
      // Chromium reports a 404 document as a console error; that one is the point of the page.
      const relevant =
        sample.status === 404 ? errors.filter((e) => !/status of 404/.test(e)) : errors;
      expect(relevant, "console errors and failed requests").toEqual([]);
      await page.context().close();
    });
  }

  it("catches an outside request when a page makes one (the check itself works)", async () => {
    const { page, external } = await offlinePage();
    // A navigation is not subject to the pages' Content-Security-Policy, so it reaches the route.
    await page.goto("https://fonts.googleapis.com/css2?family=Noto+Sans+SC").catch(() => undefined);
    expect(external).toEqual(["https://fonts.googleapis.com/css2?family=Noto+Sans+SC"]);
    await page.context().close();
  });
});
