/**
 * Page structure for screen readers: one h1 and no skipped heading levels, the landmarks
 * (banner, labelled navigation, main, contentinfo), and `lang` on every fragment written in
 * the other language (English titles on Chinese pages, Chinese titles on English pages).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSample, type Site, samplePages, siteRoot, startSite } from "../helpers/e2e.ts";

const root = await siteRoot();
const samples = samplePages(root);
let site: Site;
let page: Page;

beforeAll(async () => {
  site = await startSite({ root });
  page = await site.newPage();
});
afterAll(() => site?.close());

let opened: string | undefined;
/** The three checks only read the page: each sample is loaded once for all of them. */
async function open(sample: (typeof samples)[number]): Promise<void> {
  if (opened === sample.label) return;
  await openSample(page, site, sample);
  opened = sample.label;
}

/** Headings exposed to assistive technology (visually hidden ones count, display:none ones do not). */
function headings(page: Page): Promise<{ level: number; text: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6, [role=heading]")]
      .filter(
        (h) => h.checkVisibility({ visibilityProperty: true }) && !h.closest("[aria-hidden=true]"),
      )
      .map((h) => ({
        level: Number(h.getAttribute("aria-level") ?? h.tagName.slice(1)),
        text: (h.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40),
      })),
  );
}

/** Landmarks as the accessibility tree sees them (header/footer count only outside sectioning content). */
function landmarks(page: Page) {
  return page.evaluate(() => {
    const sectioning = "article, aside, main, nav, section";
    const top = (el: Element) => el.parentElement?.closest(sectioning) === null;
    const banners = [...document.querySelectorAll("header, [role=banner]")].filter(
      (el) => el.getAttribute("role") === "banner" || top(el),
    );
    const footers = [...document.querySelectorAll("footer, [role=contentinfo]")].filter(
      (el) => el.getAttribute("role") === "contentinfo" || top(el),
    );
    const navs = [...document.querySelectorAll("nav, [role=navigation]")].map((el) => {
      const labelledBy = el.getAttribute("aria-labelledby");
      const label = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ")
        : (el.getAttribute("aria-label") ?? "");
      return label.trim();
    });
    return {
      banner: banners.length,
      main: document.querySelectorAll("main, [role=main]").length,
      contentinfo: footers.length,
      navLabels: navs,
    };
  });
}

/**
 * Text runs in the other language without a matching `lang` on an ancestor: on a Chinese
 * page, three or more Latin words in a row; on an English page, four or more Han characters.
 */
function unmarkedFragments(page: Page, pageLang: string): Promise<string[]> {
  return page.evaluate((pageLang) => {
    const other = pageLang.startsWith("zh")
      ? /[A-Za-z]{2,}(?:[\s,:'’-]+[A-Za-z]{2,}){2,}/
      : /\p{Script=Han}{4,}/u;
    const expected = pageLang.startsWith("zh") ? "en" : "zh";
    const skip =
      "script, style, code, pre, kbd, samp, noscript, template, [aria-hidden=true], [translate=no]";
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      const match = other.exec(text);
      if (!parent || !match || parent.closest(skip) || !parent.checkVisibility()) continue;
      // URLs, e-mail addresses and file names are not prose in another language.
      if (/(https?:\/\/|www\.|@|\.\w{2,4}\b)/.test(text)) continue;
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
      if (!lang.toLowerCase().startsWith(expected))
        found.push(`<${parent.tagName.toLowerCase()} lang=${lang}> "${match[0]}"`);
    }
    return [...new Set(found)];
  }, pageLang);
}

describe("page structure", () => {
  for (const sample of samples) {
    describe(`${sample.type}: ${sample.label}`, () => {
      const isPrint = sample.type.startsWith("print-");

      it("has exactly one h1 and no skipped heading levels", async () => {
        await open(sample);
        const list = await headings(page);
        const outline = list
          .map((h) => `${"  ".repeat(h.level - 1)}h${h.level} ${h.text}`)
          .join("\n");
        expect(list.filter((h) => h.level === 1).length, `one h1:\n${outline}`).toBe(1);
        const skips: string[] = [];
        let previous = 0;
        for (const h of list) {
          if (h.level > previous + 1) skips.push(`h${previous} → h${h.level} "${h.text}"`);
          previous = h.level;
        }
        expect(skips, `heading levels skipped:\n${outline}`).toEqual([]);
      });

      it("has the landmarks: banner, labelled navigation, main, contentinfo", async () => {
        await open(sample);
        const found = await landmarks(page);
        expect(found.main, "exactly one <main>").toBe(1);
        expect(
          found.navLabels.filter((label) => label === ""),
          "every <nav> has a label",
        ).toEqual([]);
        // Print views are handouts: no navigation chrome, just the handout in <main>.
        if (isPrint) return;
        expect(found.banner, "one banner (<header> outside sectioning elements)").toBe(1);
        expect(found.contentinfo, "one contentinfo (<footer> outside sectioning elements)").toBe(1);
        expect(found.navLabels.length, "at least one <nav>").toBeGreaterThan(0);
        if (found.navLabels.length > 1)
          expect(
            new Set(found.navLabels).size,
            `distinct nav labels: ${found.navLabels.join(", ")}`,
          ).toBe(found.navLabels.length);
      });

      it("declares the page language and marks fragments in the other language", async () => {
        await open(sample);
        const pageLang = await page.evaluate(() => document.documentElement.lang);
        expect(pageLang, "<html lang>").toBe(sample.locale);
        expect(
          await unmarkedFragments(page, pageLang),
          "text in the other language without lang",
        ).toEqual([]);
      });
    });
  }
});
