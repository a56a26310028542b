/**
 * Issue 26, "print this poster": a material's `poster:` block becomes an A3
 * print view and `npm run handouts -- materials` prints it to one A3 page.
 * Relies on tests/fixtures/extra/media/materials/safety-poster.yaml (A3, title
 * 先培训 后上岗, two lines, the image /media/training-duty.jpg) and reuses the
 * cached build of the extra/media scenario (tests/e2e/media.test.ts builds it too).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { runScript } from "../helpers/fixtures.ts";

const PDF = "materials/safety-poster/poster.pdf";
const PAGE_URL = "https://kb.test.example/materials/safety-poster/";

let work: string;
let dist: string;
let run: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "union-kb-poster-"));
  dist = await buildFixtureSite("media");
  // --paper Letter is ignored for a poster: it is laid out for its own paper.
  const result = runScript("handouts.ts", [
    "materials",
    "--dist",
    dist,
    "--out",
    work,
    "--paper",
    "Letter",
  ]);
  run = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`handouts failed:\n${run}`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("noticeboard poster", () => {
  it("is listed under materials and printed alone", () => {
    expect(run).toContain(`[1/1] ${PDF}`);
    expect(run).toMatch(/Printed 1, skipped 0 unchanged/);
  });

  it("prints one A3 portrait page with the title, the lines, an image and a QR code", async () => {
    const data = new Uint8Array(readFileSync(join(work, PDF)));
    const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    const { width, height } = page.getViewport({ scale: 1 });
    // A3 is 841.89 × 1190.55 pt.
    expect(Math.abs(width - 841.89)).toBeLessThan(1);
    expect(Math.abs(height - 1190.55)).toBeLessThan(1);
    const text = (await page.getTextContent()).items
      .map((item) => ("str" in item ? item.str : ""))
      .join("")
      .replace(/\s+/g, "");
    expect(text).toContain("先培训后上岗");
    expect(text).toContain("企业应当按照国家有关规定实行培训上岗制度。");
    expect(text).toContain("摘自《中华人民共和国职业教育法》第二十四条");
    expect(text).toContain(PAGE_URL);
    // No running header or page number on a poster.
    expect(text).not.toContain("第1页");
    const ops = await page.getOperatorList();
    const images = ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    expect(images, "the poster's image").toBeGreaterThanOrEqual(1);
    // The QR code is drawn as one long vector path.
    const longestPath = Math.max(
      0,
      ...ops.fnArray.flatMap((fn, i) =>
        fn === OPS.constructPath ? [JSON.stringify(ops.argsArray[i]).length] : [],
      ),
    );
    expect(longestPath).toBeGreaterThan(2000);
    await task.destroy();
  });

  it("embeds its fonts", () => {
    const bytes = readFileSync(join(work, PDF)).toString("latin1");
    expect(bytes).toMatch(/\/FontFile[23]?\b/);
    expect(bytes).toMatch(/\/FontName\s*\/[A-Z]{6}\+NotoSans/);
    expect(bytes).not.toMatch(/\/Subtype\s*\/Type3/);
  });

  it("has a print view with an A3 @page rule allowed by the CSP, and a link from the material page", () => {
    const html = readFileSync(
      join(dist, "print/materials/safety-poster/poster/index.html"),
      "utf8",
    );
    expect(html).toContain("@page { size: A3 portrait;");
    expect(html).toMatch(
      /<svg role="img" aria-label="[^"]*https:\/\/kb\.test\.example\/materials\/safety-poster\/"/,
    );
    const material = readFileSync(join(dist, "materials/safety-poster/index.html"), "utf8");
    expect(material).toContain('href="/print/materials/safety-poster/poster/"');
    // The leaflet has no poster block, so no print view.
    const index = JSON.parse(readFileSync(join(dist, "print/handouts.json"), "utf8"));
    const posters = index.handouts.filter((h: { kind?: string }) => h.kind === "poster");
    expect(posters).toEqual([
      expect.objectContaining({
        course: "materials",
        lesson: "safety-poster",
        paper: "A3",
        pdf: PDF,
      }),
    ]);
  });
});
