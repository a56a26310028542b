import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedInlineStyles } from "../../src/lib/dist/csp-check.ts";
import { writeHandouts } from "../../src/lib/handouts/write-handouts.ts";
import { captureOutput, refusalOf } from "../helpers/cli-output.ts";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { ROOT, runScript } from "../helpers/fixtures.ts";

let work: string;
let dist: string;
let out: string;
let firstRun: string;

const COURSE_PDF = "courses/training-rights.pdf";
const LESSON_PDF = "courses/training-rights/duties.pdf";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "union-kb-handouts-"));
  // The valid fixture's site, built once for every test file that reads it (handouts only read it).
  dist = await buildFixtureSite();
  out = join(work, "handouts");
  const run = runScript("handouts.ts", ["training-rights", "--dist", dist, "--out", out]);
  firstRun = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`handouts failed:\n${firstRun}`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface PageInfo {
  width: number;
  height: number;
  text: string;
  /** Length of the longest vector path drawn on the page (the QR code is one long path). */
  longestPath: number;
}

async function readPdf(file: string, folder = out): Promise<PageInfo[]> {
  const data = new Uint8Array(readFileSync(join(folder, file)));
  const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: PageInfo[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const text = (await page.getTextContent()).items
      .map((item) => ("str" in item ? item.str : ""))
      .join("");
    const ops = await page.getOperatorList();
    const longestPath = Math.max(
      0,
      ...ops.fnArray.flatMap((fn, i) =>
        fn === OPS.constructPath ? [JSON.stringify(ops.argsArray[i]).length] : [],
      ),
    );
    pages.push({ width, height, text, longestPath });
  }
  await task.destroy();
  return pages;
}

const squash = (text: string) => text.replace(/\s+/g, "");

describe("npm run handouts for the fixture course", () => {
  it("prints the course and each lesson with progress lines", () => {
    expect(firstRun).toContain(`[1/3] ${COURSE_PDF}`);
    expect(firstRun).toContain(`[2/3] ${LESSON_PDF}`);
    expect(firstRun).toContain("[3/3] courses/training-rights/funds.pdf");
    expect(firstRun).toMatch(/Printed 3, skipped 0 unchanged/);
    // Says which address the QR codes encode, and where it comes from.
    expect(firstRun).toContain(
      "QR codes and links point to https://kb.test.example/ (site.yaml url; change with --url).",
    );
  });

  it("makes an A4 lesson handout with title, cited article in full, page numbers and a QR code", async () => {
    const pages = await readPdf(LESSON_PDF);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const page of pages) {
      expect(Math.abs(page.width - 595)).toBeLessThanOrEqual(1);
      expect(Math.abs(page.height - 842)).toBeLessThanOrEqual(1);
    }
    const all = squash(pages.map((p) => p.text).join("\n"));
    expect(all).toContain("测试市总工会");
    expect(all).toContain("企业的培训义务");
    expect(all).toContain("说出培训上岗制度的要求");
    expect(all).toContain("你所在的单位如何落实培训上岗制度？");
    // Article 24 in full, from its first paragraph to its last.
    expect(all).toContain(
      "企业应当根据本单位实际，有计划地对本单位的职工和准备招用的人员实施职业教育",
    );
    expect(all).toContain("企业开展职业教育的情况应当纳入企业社会责任报告。");
    expect(squash(pages[0]?.text ?? "")).toContain(`第1页/共${pages.length}页`);
    const qrPage = pages.find((p) =>
      p.text.includes("https://kb.test.example/courses/training-rights/duties/"),
    );
    expect(qrPage, "the online URL is printed").toBeDefined();
    expect(qrPage?.longestPath ?? 0).toBeGreaterThan(2000);
  });

  it("embeds the self-hosted Noto fonts", () => {
    const bytes = readFileSync(join(out, LESSON_PDF)).toString("latin1");
    expect(bytes).toMatch(/\/FontFile[23]?\b/);
    expect(bytes).toMatch(/\/FontName\s*\/[A-Z]{6}\+NotoSans/);
  });

  it("prints with the frame's own @page rules, allowed by the page's CSP: 18/16/20 mm margins, running header", async () => {
    const html = readFileSync(
      join(dist, "print/courses/training-rights/duties/index.html"),
      "utf8",
    );
    // Every inline <style> (the frame is one) has its hash in the page's policy.
    expect(html).toMatch(/<style>@page \{ size: A4 portrait; margin: 18mm 16mm 20mm 16mm; \}/);
    expect(blockedInlineStyles(html)).toEqual([]);
    // The frame comes after the stylesheets, or print.css's @page (15 mm sides) wins.
    expect(html.lastIndexOf("<style>@page")).toBeGreaterThan(html.lastIndexOf('rel="stylesheet"'));

    const data = new Uint8Array(readFileSync(join(out, LESSON_PDF)));
    const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    const page = await doc.getPage(2);
    const { height } = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim()
        ? [
            {
              str: item.str,
              x: item.transform[4] as number,
              top: height - (item.transform[5] as number),
            },
          ]
        : [],
    );
    await task.destroy();
    const mm = (pt: number) => (pt * 25.4) / 72;
    const header = items.filter((item) => mm(item.top) < 18);
    expect(squash(header.map((item) => item.str).join(""))).toContain("测试市总工会");
    // The header's margin box starts at the 16 mm side margin (print.css would give 15 mm).
    expect(mm(Math.min(...header.map((item) => item.x)))).toBeCloseTo(16, 0);
    // Body text starts below the 18 mm top margin; the header sits inside it.
    const body = items.filter((item) => mm(item.top) > 18 && mm(item.top) < 280);
    expect(body.length).toBeGreaterThan(5);
    expect(Math.min(...body.map((item) => mm(item.x)))).toBeCloseTo(16, 0);
    expect(items.every((item) => mm(item.top) < 18 || mm(item.top) > 20)).toBe(true);
    // The page number in the 20 mm bottom margin.
    const footer = items.filter((item) => mm(item.top) > 297 - 20);
    expect(squash(footer.map((item) => item.str).join(""))).toMatch(/^第2页\/共\d页$/);
  });

  it("renders the QR code as inline SVG in the print view", () => {
    const html = readFileSync(
      join(dist, "print/courses/training-rights/duties/index.html"),
      "utf8",
    );
    expect(html).toMatch(
      /<svg role="img" aria-label="[^"]*https:\/\/kb\.test\.example\/courses\/training-rights\/duties\/"/,
    );
    // No script draws it: the page's one script is the screen toolbar's 打印 button.
    const scripts = html.match(/<script\b[^>]*>[^<]*<\/script>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("window.print()");
    expect(scripts[0]).not.toMatch(/qr/i);
  });

  it("makes a course handout with cover, contents, every lesson and the appendix", async () => {
    const pages = await readPdf(COURSE_PDF);
    const all = squash(pages.map((p) => p.text).join("\n"));
    expect(squash(pages[0]?.text ?? "")).toContain("职工的职业培训权利");
    expect(all).toContain("目录");
    expect(all.indexOf("企业的培训义务")).toBeLessThan(all.lastIndexOf("职工教育经费"));
    expect(all).toContain("附录：引用的法律条文");
    expect(all).toContain("企业应当根据本单位实际");
    const png = join(ROOT, "artefacts", "handouts-course-page1");
    mkdirSync(join(ROOT, "artefacts"), { recursive: true });
    const render = spawnSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(out, COURSE_PDF),
      png,
    ]);
    if (render.error === undefined) expect(statSync(`${png}.png`).size).toBeGreaterThan(5000);
  });

  it("skips unchanged PDFs and prints them again with --force", async () => {
    const lesson = { course: "training-rights", lesson: "duties", dist, out };
    const again = captureOutput();
    expect(await writeHandouts(lesson, again.output)).toBe(0);
    expect(again.stdout()).toContain(`[1/1] ${LESSON_PDF} skipped (unchanged)`);
    const forced = captureOutput();
    expect(await writeHandouts({ ...lesson, force: true }, forced.output)).toBe(0);
    expect(forced.stdout()).toMatch(/\[1\/1\] courses\/training-rights\/duties\.pdf \(\d+ KB\)/);
    expect(forced.stdout()).toContain("Printed 1, skipped 0 unchanged");
  });

  it("prints on Letter paper with --paper Letter, then A4 again without it", async () => {
    // The page's Content-Security-Policy blocked the style that once set the size.
    const lesson = { course: "training-rights", lesson: "duties", dist, out, force: true };
    const letter = captureOutput();
    expect(await writeHandouts({ ...lesson, paper: "Letter" }, letter.output)).toBe(0);
    const [first] = await readPdf(LESSON_PDF);
    expect([Math.round(first?.width ?? 0), Math.round(first?.height ?? 0)]).toEqual([612, 792]);
    expect(await writeHandouts(lesson, captureOutput().output)).toBe(0);
    const [again] = await readPdf(LESSON_PDF);
    expect([Math.round(again?.width ?? 0), Math.round(again?.height ?? 0)]).toEqual([595, 842]);
  });

  it("fits the note space on the page a lesson ends on: notes and QR code share its last page", async () => {
    for (const file of [LESSON_PDF, COURSE_PDF]) {
      const pages = await readPdf(file);
      const notes = pages.filter((p) => squash(p.text).includes("笔记"));
      expect(notes.length, file).toBeGreaterThan(0);
      for (const page of notes) expect(squash(page.text), file).toMatch(/扫码或访问网址在线阅读/);
    }
  });

  it("--url points the QR codes at a LAN address; --compact leaves out the notes and runs lessons on", async () => {
    const normal = (await readPdf(COURSE_PDF)).length;
    const compactOut = join(work, "compact");
    const run = captureOutput();
    const options = {
      course: "training-rights",
      dist,
      out: compactOut,
      url: "http://192.168.1.20:8080/",
      compact: true,
    };
    expect(await writeHandouts(options, run.output)).toBe(0);
    expect(run.stdout()).toContain(
      "QR codes and links point to http://192.168.1.20:8080/ (--url).",
    );
    const compact = await readPdf(COURSE_PDF, compactOut);
    const text = squash(compact.map((p) => p.text).join("\n"));
    expect(text).toContain("http://192.168.1.20:8080/courses/training-rights/duties/");
    expect(text).not.toContain("kb.test.example/courses");
    expect(text).not.toContain("笔记");
    // Lessons run on: the second starts on the page where the first ends (in the
    // normal handout each starts a page of its own). The sample course: 23 pages, 19 compact.
    const both = (pages: PageInfo[]) =>
      pages
        .slice(1) // the cover's contents list every lesson
        .some((p) => squash(p.text).includes("第1课") && squash(p.text).includes("第2课"));
    expect(both(compact)).toBe(true);
    expect(both(await readPdf(COURSE_PDF))).toBe(false);
    expect(compact.length).toBeLessThanOrEqual(normal);
    const bad = await refusalOf(() => writeHandouts({ ...options, url: "192.168.1.20:8080" }));
    expect(bad.code).toBe(2);
    expect(bad.message).toContain("--url must be a web address such as http://192.168.1.20:8080");
  });

  it("fails clearly without a built site (exit 1) and on bad arguments (exit 2)", async () => {
    const missing = await refusalOf(() => writeHandouts({ dist: join(work, "nothing-here"), out }));
    expect(missing.code).toBe(1);
    expect(missing.message).toContain("does not exist. Run npm run build first");
    const paper = await refusalOf(() => writeHandouts({ dist, paper: "A5" }));
    expect(paper.code).toBe(2);
    expect(paper.message).toContain('--paper must be A4 or Letter, not "A5"');
    const course = await refusalOf(() => writeHandouts({ course: "no-such-course", dist, out }));
    expect(course.code).toBe(2);
    expect(course.message).toContain(
      'There is no course "no-such-course" in the built site. Courses: training-rights.',
    );
  });

  it("npm run handouts shows its help, and exits 2 on an unknown option or too many arguments", () => {
    const help = runScript("handouts.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run handouts");
    const unknown = runScript("handouts.ts", ["--colour"]);
    expect(unknown.status).toBe(2);
    const tooMany = runScript("handouts.ts", ["a", "b", "c", "--dist", dist]);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain("Too many arguments: a b c\n\nUsage: npm run handouts");
  });
});
