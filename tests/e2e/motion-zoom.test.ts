/**
 * Reduced motion and zoom: with `prefers-reduced-motion: reduce` nothing animates or
 * transitions; at 200% zoom (a 1280 px window shows 640 CSS px) and with the text size
 * doubled, no page scrolls sideways and no text is clipped (WCAG 1.4.4, 1.4.10, 2.3.3).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSample, type Site, samplePages, siteRoot, startSite } from "../helpers/e2e.ts";

const root = await siteRoot();
const samples = samplePages(root);
let site: Site;
/** One page per mode, reused for every sample: a fresh context per sample costs more than the check. */
let reduced: Page;
let zoomed: Page;
let wide: Page;

beforeAll(async () => {
  site = await startSite({ root });
  reduced = await site.newPage({ reducedMotion: "reduce" });
  zoomed = await site.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  wide = await site.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(() => site?.close());

/** Elements with a running animation or a non-zero transition, after hovering and focusing links. */
async function motion(page: Page): Promise<string[]> {
  const link = page.locator("main a[href]").first();
  if (await link.count()) {
    await link.hover().catch(() => undefined);
    await link.focus().catch(() => undefined);
  }
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`;
    const moving = document.getAnimations().map((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return `animation on ${target ? describe(target) : "?"}`;
    });
    for (const el of document.querySelectorAll("*")) {
      const s = getComputedStyle(el);
      const seconds = (list: string) => list.split(",").map((v) => Number.parseFloat(v) || 0);
      if (seconds(s.transitionDuration).some((d) => d > 0.01))
        moving.push(`transition on ${describe(el)}`);
      if (s.animationName !== "none" && seconds(s.animationDuration).some((d) => d > 0.01))
        moving.push(`animation ${s.animationName} on ${describe(el)}`);
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === "smooth")
      moving.push("smooth scrolling on html");
    return [...new Set(moving)];
  });
}

/** Horizontal overflow of the page and elements whose text is cut off by overflow:hidden/clip. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const s = getComputedStyle(el);
      if (!/hidden|clip/.test(`${s.overflowX} ${s.overflow}`)) continue;
      // Visually hidden text (skip link, screen-reader labels) is clipped on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || s.position === "absolute") continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim())
        clipped.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      clipped,
    };
  });
}

describe("reduced motion", () => {
  for (const sample of samples) {
    it(`${sample.type}: ${sample.label} has no animation or transition`, async () => {
      await openSample(reduced, site, sample);
      expect(await motion(reduced)).toEqual([]);
    });
  }
});

describe("zoom to 200%", () => {
  for (const sample of samples) {
    it(`${sample.type}: ${sample.label} reflows at 640 CSS px (1280 px window at 200%)`, async () => {
      await openSample(zoomed, site, sample);
      const result = await overflow(zoomed);
      expect(result.scrollWidth, "page width (no horizontal scrolling)").toBeLessThanOrEqual(
        result.innerWidth,
      );
      expect(result.clipped, "clipped content").toEqual([]);
    });

    it(`${sample.type}: ${sample.label} keeps all text with the text size doubled`, async () => {
      await openSample(wide, site, sample);
      // Browser "text size" settings scale the root font size; rem-based layouts follow it.
      // Set through the CSSOM: the pages' Content-Security-Policy blocks an injected <style>.
      await wide.evaluate(() =>
        document.documentElement.style.setProperty("font-size", "200%", "important"),
      );
      const result = await overflow(wide);
      expect(result.scrollWidth, "page width (no horizontal scrolling)").toBeLessThanOrEqual(
        result.innerWidth,
      );
      expect(result.clipped, "clipped content").toEqual([]);
    });
  }
});
