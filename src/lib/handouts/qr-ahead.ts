import { Worker } from "node:worker_threads";
import type { KnowledgeBase } from "../kb/load.ts";
import { routes } from "../site/routes.ts";
import { codesDrawnAhead } from "./qr.ts";
import { absoluteUrl } from "./urls.ts";

/**
 * The QR codes of the print views, drawn before Astro renders them.
 *
 * Drawing a code (the `qrcode` package tries all eight masks) is the print
 * views' largest cost: about 0.6 s for the 740 codes of the bench's 1,000
 * entries, on the core that renders. While Astro's process starts (content
 * sync, the Vite bundle) its second core is mostly idle, so a worker thread
 * draws them there and hands them to the pages through codesDrawnAhead().
 * A code is a function of its address alone, so a page gets the same SVG
 * either way; one not drawn yet when its page renders is drawn there.
 */

/** The online addresses the print views of `kb` show as QR codes (see src/pages/print/). */
export function printedAddresses(kb: KnowledgeBase): string[] {
  const site = kb.site?.data;
  if (!site) return [];
  const online = (path: string) => absoluteUrl(site.url, site.base, path);
  return [
    ...kb.courses.map((course) => online(routes.course(course.id))),
    ...kb.lessons.map((lesson) => online(routes.lesson(lesson.course, lesson.slug))),
    ...kb.materials
      .filter((material) => material.data.poster)
      .map((material) => online(routes.material(material.id))),
  ];
}

/** Codes handed over at once: a few hundred kilobytes of SVG per message. */
const BATCH = 50;

/**
 * Draws the codes of `urls` in a worker thread, adding each batch to
 * codesDrawnAhead() as it comes. Never holds up the process (the worker is
 * unreferenced) and never fails a build: a code it did not draw is drawn by
 * its page. Resolves when the worker has ended.
 */
export function drawQrCodesAhead(urls: readonly string[]): Promise<void> {
  if (urls.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./qr-worker.ts", import.meta.url), {
      workerData: { urls, batch: BATCH },
    });
    worker.unref();
    const drawn = codesDrawnAhead();
    worker.on("message", (codes: [string, string][]) => {
      for (const [url, svg] of codes) if (!drawn.has(url)) drawn.set(url, svg);
    });
    worker.once("error", () => resolve());
    worker.once("exit", () => resolve());
  });
}
