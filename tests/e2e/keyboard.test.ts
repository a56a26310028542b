/**
 * Keyboard-only use of every page type: the skip link is the first Tab stop and moves to
 * the main content, every Tab stop shows a visible focus indicator, Tab visits every
 * interactive element in document order and leaves the page again (no focus trap).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSample, type Site, samplePages, siteRoot, startSite } from "../helpers/e2e.ts";

const root = await siteRoot();
// Print views are paper layouts without navigation; they are covered by axe and the offline test.
const samples = samplePages(root).filter((s) => !s.type.startsWith("print-"));
let site: Site;
let page: Page;

beforeAll(async () => {
  site = await startSite({ root });
  page = await site.newPage();
});
afterAll(() => site?.close());

/** What one Tab stop looked like. */
interface Stop {
  /** Index among the page's tabbable elements (DOM order), -1 for anything else. */
  index: number;
  /** Short description: tag, text or label. */
  name: string;
  /** Whether the focused style differs from the unfocused one (outline, shadow, colours, underline). */
  visible: boolean;
  /** Whether the focused element is on screen (not hidden off-canvas or covered by size 0). */
  onScreen: boolean;
  /** Element has a role a keyboard user can operate (link, button, form field, summary…). */
  operable: boolean;
}

/**
 * Marks the tabbable elements in DOM order with data-e2e-tab and records their unfocused
 * styles, so each Tab stop can be compared with the same element before it had focus.
 */
async function markTabbables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.matches(":disabled") || el.tabIndex < 0 || el.closest("[inert]")) return false;
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      // Only the first <summary> of a <details> is its toggle.
      if (el.tagName === "SUMMARY" && el.parentElement?.querySelector(":scope > summary") !== el)
        return false;
      // In a radio group only the checked radio (or the first one) is a Tab stop.
      if (el instanceof HTMLInputElement && el.type === "radio" && el.name) {
        const group = [
          ...document.querySelectorAll<HTMLInputElement>(
            `input[type=radio][name="${CSS.escape(el.name)}"]`,
          ),
        ];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== el) return false;
      }
      return true;
    });
    const styles = (el: Element) => {
      const s = getComputedStyle(el);
      return [
        s.outlineStyle,
        s.outlineWidth,
        s.outlineColor,
        s.boxShadow,
        s.backgroundColor,
        s.color,
        s.textDecorationLine,
        s.borderColor,
      ].join("|");
    };
    candidates.forEach((el, i) => {
      el.dataset.e2eTab = String(i);
      el.dataset.e2eStyle = styles(el);
    });
    return candidates.map(
      (el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`,
    );
  });
}

/** Describes the currently focused element. */
function currentStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body || el.dataset.e2eStart !== undefined)
      return null;
    const s = getComputedStyle(el);
    const now = [
      s.outlineStyle,
      s.outlineWidth,
      s.outlineColor,
      s.boxShadow,
      s.backgroundColor,
      s.color,
      s.textDecorationLine,
      s.borderColor,
    ].join("|");
    const hasOutline = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0;
    const box = el.getBoundingClientRect();
    const role = el.getAttribute("role");
    return {
      index: el.dataset.e2eTab === undefined ? -1 : Number(el.dataset.e2eTab),
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}"`,
      visible: hasOutline || now !== el.dataset.e2eStyle,
      onScreen:
        box.width >= 1 &&
        box.height >= 1 &&
        box.bottom > 0 &&
        box.top < innerHeight &&
        box.right > 0 &&
        box.left < innerWidth,
      operable:
        /^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY|IFRAME)$/.test(el.tagName) ||
        (role !== null &&
          /^(button|link|checkbox|radio|switch|tab|menuitem|option|textbox|searchbox|combobox|slider|spinbutton|region|tabpanel|dialog|group|main)$/.test(
            role,
          )),
    };
  });
}

/**
 * Moves the keyboard starting point to the top of the document, as on a fresh page load:
 * blur() alone keeps it where the focus was (e.g. in the search box after a query).
 */
async function focusDocumentStart(page: Page): Promise<void> {
  await page.evaluate(() => {
    const start = document.createElement("span");
    start.tabIndex = -1;
    start.dataset.e2eStart = "";
    document.body.prepend(start);
    start.focus();
    window.scrollTo(0, 0);
  });
}

describe("keyboard", () => {
  for (const sample of samples) {
    describe(`${sample.type}: ${sample.label}`, () => {
      it("has a skip link as the first Tab stop that moves to the main content", async () => {
        await openSample(page, site, sample);
        await focusDocumentStart(page);
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => {
          const el = document.activeElement;
          const href = el instanceof HTMLAnchorElement ? el.getAttribute("href") : null;
          const target = href?.startsWith("#") ? document.getElementById(href.slice(1)) : null;
          const box = el?.getBoundingClientRect();
          return {
            href,
            text: el?.textContent?.trim() ?? "",
            targetIsMain:
              target !== null &&
              (target.tagName === "MAIN" || target.getAttribute("role") === "main"),
            onScreen:
              box !== undefined && box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0,
          };
        });
        expect(first.href, `first Tab stop is "${first.text}"`).toMatch(/^#/);
        expect(first.targetIsMain, `the skip link ${first.href} points at <main>`).toBe(true);
        expect(first.onScreen, "the skip link is visible when focused").toBe(true);
        await page.keyboard.press("Enter");
        // Following a fragment link is asynchronous; on a busy machine the URL updates a moment later.
        await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toBe(first.href);
        // After following the skip link, the next Tab continues inside <main> (when it has
        // anything to focus) instead of going through the header again.
        const mainHasFocusable = await page.evaluate(
          () =>
            document.querySelector(
              "main a[href], main button, main input, main select, main summary",
            ) !== null,
        );
        await page.keyboard.press("Tab");
        const inMain = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest("main") !== null && el !== document.body;
        });
        if (mainHasFocusable)
          expect(inMain, "Tab after the skip link lands inside <main>").toBe(true);
      });

      it("shows focus on every element, reaches all of them in order and lets focus leave", async () => {
        await openSample(page, site, sample);
        const tabbables = await markTabbables(page);
        await focusDocumentStart(page);
        const stops: Stop[] = [];
        let left = false;
        // A few extra presses beyond the element count: leaving the page and coming back.
        for (let i = 0; i < tabbables.length + 3; i++) {
          await page.keyboard.press("Tab");
          const stop = await currentStop(page);
          // Headless Chromium either moves focus out of the document (body) or wraps
          // straight back to the first element: both mean focus was not trapped.
          if (stop === null || (stops.length > 0 && stop.index === 0)) {
            left = true;
            break;
          }
          stops.push(stop);
        }
        const visited = stops.map((s) => `${s.index}: ${s.name}`).join("\n  ");
        expect(
          left,
          `focus never left the page after ${stops.length} Tab presses (focus trap?):\n  ${visited}`,
        ).toBe(true);
        expect(
          stops.map((s) => s.index),
          `Tab order follows the document order and reaches every interactive element; expected:\n  ${tabbables.map((t, i) => `${i}: ${t}`).join("\n  ")}\nvisited:\n  ${visited}`,
        ).toEqual(tabbables.map((_, i) => i));
        const invisible = stops.filter((s) => !s.visible).map((s) => s.name);
        expect(invisible, "Tab stops without a visible focus indicator").toEqual([]);
        const offScreen = stops.filter((s) => !s.onScreen).map((s) => s.name);
        expect(offScreen, "Tab stops that are off screen while focused").toEqual([]);
        const inoperable = stops.filter((s) => !s.operable).map((s) => s.name);
        expect(inoperable, "Tab stops without an interactive role").toEqual([]);
        // Shift+Tab from the top goes backwards around to the last element. Under
        // load (the whole suite on 2 cores) Chromium once stopped one element
        // short (seen in CI, never alone): a real fault fails both attempts.
        let back: Stop | null = null;
        for (let attempt = 0; attempt < 2 && back?.index !== tabbables.length - 1; attempt++) {
          await focusDocumentStart(page);
          back = null;
          for (let i = 0; i < 2 && back === null; i++) {
            await page.keyboard.press("Shift+Tab");
            back = await currentStop(page);
          }
        }
        expect(back?.index, "Shift+Tab from the top reaches the last element").toBe(
          tabbables.length - 1,
        );
      });
    });
  }
});
