/**
 * The handout print view on screen: a toolbar with a way back to the online page,
 * a 打印 button (window.print()) and a hint, never printed; text off the edges of a
 * 360 px phone. The PDFs themselves: tests/integration/handouts.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Site, startSite } from "../helpers/e2e.ts";

const LESSON_PRINT = "/print/courses/training-rights/duties/";
const COURSE_PRINT = "/print/courses/training-rights/";

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe("the print view on screen", () => {
  it("on a phone: back link, 打印 button that prints, hint, text off the edges; none of it printed", async () => {
    const page = await site.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true });
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.goto(site.url(LESSON_PRINT), { waitUntil: "load" });
    const toolbar = page.getByRole("navigation", { name: "打印工具" });
    expect(await toolbar.isVisible()).toBe(true);
    const back = toolbar.getByRole("link", { name: /返回课时页面/ });
    expect(await back.getAttribute("href")).toBe("/courses/training-rights/duties/");
    expect(await toolbar.textContent()).toMatch(/另存为 PDF.*A4/);

    await toolbar.getByRole("button", { name: "打印" }).tap();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const edges = await page.evaluate(() =>
      [...document.querySelectorAll(".handout h1, .handout p, .handout li, .print-toolbar a")]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => [box.left, box.right]),
    );
    expect(edges.length).toBeGreaterThan(5);
    for (const [left, right] of edges) {
      expect(left).toBeGreaterThanOrEqual(12);
      expect(right).toBeLessThanOrEqual(348);
    }

    await page.emulateMedia({ media: "print" });
    expect(await toolbar.isVisible()).toBe(false);
  });

  it("the course handout leads back to the course; without JavaScript there is no dead 打印 button", async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url(COURSE_PRINT), { waitUntil: "load" });
    const toolbar = page.getByRole("navigation", { name: "打印工具" });
    expect(await toolbar.getByRole("link").getAttribute("href")).toBe("/courses/training-rights/");
    expect(await toolbar.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
  });
});
