import type { Browser, Page } from "playwright-core";
import { fitNoteLines } from "./fit-notes.ts";
import { type PrintPaper, printableArea } from "./page-css.ts";
import { qrSvg } from "./qr.ts";

/** One print view to turn into a PDF. */
export interface PrintRequest {
  /** The page's address on the local server. */
  url: string;
  /** Only requests to this origin are let through. */
  origin: string;
  paper: PrintPaper;
  /** The paper was chosen with --paper, over what the content asked for. */
  paperOverride: boolean;
  /**
   * The site's address for the QR codes and printed links (`--url`), used like
   * site.yaml `url`: the base path and the page's path are added to it. Without
   * it the page keeps the address it was built with.
   */
  siteUrl?: string | undefined;
  /** Print across the paper (wide tables; the page's @page rule says so too). */
  landscape?: boolean | undefined;
  /** Leave out the note-taking space and let lessons run on without a new page each (`--compact`). */
  compact?: boolean | undefined;
}

/** Fewer ruled lines than this are left out rather than printed under a heading. */
const MIN_NOTE_LINES = 3;

/**
 * Opens one print view and prints it. Requests leaving the local server are
 * refused: a handout must print the same on a machine with no network.
 */
export async function printPage(browser: Browser, request: PrintRequest): Promise<Uint8Array> {
  const { url, origin, paper } = request;
  const page = await browser.newPage();
  try {
    await page.route(
      (requested) => requested.origin !== origin,
      (route) => route.abort(),
    );
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
    // Font subsets load per character used in the body; the page-number words live only in
    // @page margin boxes, so load their glyphs explicitly or they fall back to another font.
    await page.evaluate(async () => {
      await Promise.all([
        document.fonts.load('400 16px "Noto Sans SC"', "第页共0123456789/ Pageof"),
        document.fonts.load('700 16px "Noto Sans SC"', "第页共0123456789"),
      ]);
      await document.fonts.ready;
    });
    if (request.siteUrl) await readdressQrCodes(page, request.siteUrl);
    // Lay the page out as it will print, at the printable width, and fit the note space
    // to the last page of each lesson.
    const portrait = printableArea(paper);
    const area = request.landscape ? { width: portrait.height, height: portrait.width } : portrait;
    await page.setViewportSize({ width: Math.floor(area.width), height: Math.floor(area.height) });
    await page.emulateMedia({ media: "print" });
    if (request.compact) {
      await page.evaluate(() => document.documentElement.classList.add("handout-compact"));
    }
    await page.evaluate(fitNoteLines, {
      pageHeight: area.height,
      compact: request.compact === true,
      minLines: MIN_NOTE_LINES,
    } satisfies Parameters<typeof fitNoteLines>[0]);
    return await page.pdf({
      // --paper overrides the size the content asked for (the page's @page
      // rule); a style added to the page instead would be blocked by its CSP.
      preferCSSPageSize: !request.paperOverride,
      landscape: request.landscape === true,
      format: paper,
      printBackground: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await page.close();
  }
}

/**
 * Points every QR code and printed address of a print view at `siteUrl`
 * instead of the address the site was built with (`npm run handouts -- --url`).
 * Each code's block names its page's path (data-qr-path, base included).
 */
async function readdressQrCodes(page: Page, siteUrl: string): Promise<void> {
  const blocks = await page.$$eval(".handout-qr[data-qr-path]", (elements) =>
    elements.map((e) => ({
      path: (e as HTMLElement).dataset.qrPath ?? "/",
      label: e.querySelector("svg")?.getAttribute("aria-label") ?? "",
      old: e.querySelector("a")?.getAttribute("href") ?? "",
    })),
  );
  const origin = siteUrl.replace(/\/+$/, "");
  const replacements = await Promise.all(
    blocks.map(async ({ path, label, old }) => {
      const url = `${origin}${path}`;
      return { url, svg: await qrSvg(url, old ? label.replaceAll(old, url) : label) };
    }),
  );
  await page.$$eval(
    ".handout-qr[data-qr-path]",
    (elements, list) => {
      elements.forEach((element, i) => {
        const next = list[i];
        if (!next) return;
        const holder = document.createElement("template");
        holder.innerHTML = next.svg;
        const svg = holder.content.firstElementChild;
        if (svg) element.querySelector("svg")?.replaceWith(svg);
        const link = element.querySelector("a");
        if (link) {
          link.href = next.url;
          link.textContent = next.url;
        }
        (element as HTMLElement).dataset.qrUrl = next.url;
      });
    },
    replacements,
  );
}
