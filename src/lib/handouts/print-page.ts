import type { Browser } from "playwright-core";
import type { Paper } from "./page-css.ts";

/** One print view to turn into a PDF. */
export interface PrintRequest {
  /** The page's address on the local server. */
  url: string;
  /** Only requests to this origin are let through. */
  origin: string;
  paper: Paper;
  /** The paper was chosen with --paper, over what the content asked for. */
  paperOverride: boolean;
}

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
    return await page.pdf({
      // --paper overrides the size the content asked for (the page's @page
      // rule); a style added to the page instead would be blocked by its CSP.
      preferCSSPageSize: !request.paperOverride,
      format: paper,
      printBackground: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await page.close();
  }
}
