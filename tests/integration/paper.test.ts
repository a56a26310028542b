// `npm run paper` over tests/fixtures/extra/questions: four questions of
// training-rights, plan-for-whom (single, B of three options), special-jobs
// (multiple, ABC of four), before-post and old-text (true/false, both true).
// One run prints three PDFs; a second run with the same seed must give the same text.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePaper } from "../../src/lib/quiz/paper.ts";
import { captureOutput, refusalOf } from "../helpers/cli-output.ts";
import { fixtureContent } from "../helpers/fixtures.ts";

const content = fixtureContent("questions", "extra");
const work = mkdtempSync(join(tmpdir(), "union-kb-paper-"));
const PARTS = ["paper", "answer-sheet", "answer-key"] as const;
const options = {
  content,
  course: "training-rights",
  count: "4",
  seed: "2026",
  title: "职业教育法知识竞赛",
};
let log = "";

async function pdfText(file: string): Promise<string[]> {
  const data = new Uint8Array(readFileSync(file));
  const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(
      (await page.getTextContent()).items
        .map((item) => ("str" in item ? item.str : ""))
        .join("")
        .replace(/\s+/g, ""),
    );
  }
  await task.destroy();
  return pages;
}

const file = (run: string, part: string) => join(work, run, `training-rights-2026-${part}.pdf`);

beforeAll(async () => {
  const first = captureOutput();
  expect(await writePaper({ ...options, out: join(work, "a") }, first.output)).toBe(0);
  log = first.text();
  const second = captureOutput();
  expect(await writePaper({ ...options, out: join(work, "b") }, second.output)).toBe(0);
}, 240_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("npm run paper", () => {
  it("writes the paper, the answer sheet and the key as A4 PDFs", () => {
    expect(readdirSync(join(work, "a")).sort()).toEqual(
      PARTS.map((p) => `training-rights-2026-${p}.pdf`).sort(),
    );
    expect(log).toContain(
      "Drew 4 of 4 questions (1 single, 1 multiple, 2 true-false) with seed 2026.",
    );
    const info = spawnSync("pdfinfo", [file("a", "paper")], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it("numbers the questions by type under a header for name, unit and score, with page x of y", async () => {
    const [page] = await pdfText(file("a", "paper"));
    for (const text of ["职业教育法知识竞赛", "姓名：", "单位：", "得分：", "第1页/共1页"])
      expect(page).toContain(text);
    const order = [
      "一、单选题（共1题）",
      "1.依照《职业教育法》",
      "二、多选题（共1题）",
      "2.依照第二十四条第二款",
      "三、判断题（共2题）",
      "3.",
      "4.",
    ];
    let at = -1;
    for (const text of order) {
      const next = page?.indexOf(text, at + 1) ?? -1;
      expect(next, text).toBeGreaterThan(at);
      at = next;
    }
    expect(page).not.toContain("5.");
  });

  it("has an answer sheet with a box per option and a key that matches the paper", async () => {
    const [sheet] = await pdfText(file("a", "answer-sheet"));
    expect(sheet).toContain("答题卡");
    expect(sheet).toContain(
      "一、单选题（共1题）1ABC二、多选题（共1题）2ABCD三、判断题（共2题）3√×4√×",
    );
    const key = (await pdfText(file("a", "answer-key"))).join("");
    expect(key).toContain("答案一览1.B2.ABC3.√4.√");
    // The key repeats each question of the paper, with its answer, explanation and article.
    const paper = (await pdfText(file("a", "paper"))).join("");
    for (const stem of paper.match(/\d\.[^（]+?(?=（)/g) ?? []) expect(key).toContain(stem);
    expect(key).toContain("答案：ABC");
    expect(key).toContain("《职业教育法（2022）》第二十四条企业应当根据本单位实际");
  });

  it("embeds its fonts", () => {
    for (const part of PARTS) {
      const fonts = spawnSync("pdffonts", [file("a", part)], { encoding: "utf8" }).stdout;
      const rows = fonts.split("\n").slice(2).filter(Boolean);
      expect(rows.length, part).toBeGreaterThan(0);
      for (const row of rows) expect(row, part).toMatch(/NotoSansSC.*\byes\s+yes\s+yes\b/);
    }
  });

  it("gives the same text for the same seed", async () => {
    for (const part of PARTS)
      expect(await pdfText(file("b", part)), part).toEqual(await pdfText(file("a", part)));
  });

  it("says how many questions exist when too few match", async () => {
    const refusal = await refusalOf(() => writePaper({ ...options, count: "50" }));
    expect(refusal).toMatchObject({ code: 1 });
    expect(refusal.message).toContain(
      "--count 50 asks for more questions than exist: “training-rights” has 4 (single 1, multiple 1, true-false 2)",
    );
    const topics = await refusalOf(() =>
      writePaper({ ...options, topics: "employee-education-funds" }),
    );
    expect(topics.message).toContain("with topics employee-education-funds has 0");
  });
});
