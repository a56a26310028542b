/**
 * `npm run init`: a new knowledge base outside the tool, checked and built
 * from its own folder. One build: an `--empty` knowledge base (no courses,
 * policies, cases or terms), whose pages must say in each language that
 * nothing is there yet and whose home page lists what to add first.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { initKnowledgeBase } from "../../src/lib/scaffold/init-kb.ts";
import { captureOutput, refusalOf } from "../helpers/cli-output.ts";
import { ROOT, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-init-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The visible text of a built page's <main>. */
function mainText(file: string): string {
  const html = readFileSync(file, "utf8");
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? "";
  return main
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, " ");
}

describe("npm run init", () => {
  it("makes a knowledge base with the example course and an official law text that passes the check", () => {
    const result = runScript(
      "init.ts",
      ["my-kb", "--yes", "--name", "示范区总工会知识库", "--laws", "labour-law-2018"],
      { INIT_CWD: temp },
    );
    expect(result.status, result.stderr).toBe(0);
    const kb = join(temp, "my-kb");
    expect(result.stdout).toContain(`✔ Created a new knowledge base in ${kb}`);
    expect(readdirSync(kb).sort()).toEqual([
      ".gitignore",
      ".npmrc",
      ".vscode",
      "README.md",
      "courses",
      "glossary.yaml",
      "package.json",
      "policies",
      "site.yaml",
      "topics.yaml",
    ]);
    expect(readFileSync(join(kb, "site.yaml"), "utf8")).toMatch(/^schemaVersion: 2$/m);
    expect(readFileSync(join(kb, "site.yaml"), "utf8")).toContain("name: 示范区总工会知识库");
    expect(readdirSync(join(kb, "policies/labour-law-2018")).sort()).toEqual([
      "index.mdx",
      "text.zh.md",
    ]);
    const check = checkKnowledgeBase(kb);
    expect(check.problems).toEqual([]);
    expect(check.kb.courses.map((c) => c.id)).toEqual(["example-course"]);
    expect(check.kb.lessons).toHaveLength(1);
    expect(check.kb.policies.map((p) => p.id)).toEqual(["labour-law-2018"]);
    // npm run check from the knowledge base's own folder finds it without --content.
    const own = spawnSync(process.execPath, [join(ROOT, "scripts/check.ts")], {
      cwd: kb,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", UNION_KB_CONTENT: "" },
    });
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout).toContain(`Knowledge base: ${kb}\n0 errors, 0 warnings`);
  });

  it("never writes into a folder that has files", async () => {
    const taken = join(temp, "taken");
    mkdirSync(taken);
    writeFileSync(join(taken, "notes.txt"), "mine");
    const { output } = captureOutput();
    const refusal = await refusalOf(() =>
      initKnowledgeBase({ folder: taken, yes: true }, { output, interactive: false }),
    );
    expect(refusal.code).toBe(1);
    expect(refusal.message).toContain("already exists and is not empty (notes.txt)");
    expect(readdirSync(taken)).toEqual(["notes.txt"]);
    expect(readdirSync(temp).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("refuses an unknown law text and a wrong language before writing anything", async () => {
    const { output } = captureOutput();
    const folder = join(temp, "never");
    for (const options of [{ laws: "labour-law-1994" }, { locale: "fr" }]) {
      const refusal = await refusalOf(() =>
        initKnowledgeBase({ folder, yes: true, ...options }, { output, interactive: false }),
      );
      expect(refusal.code).toBe(2);
    }
    expect(existsSync(folder)).toBe(false);
  });
});

describe("an empty knowledge base made by init --empty, built from its folder", () => {
  let kb: string;
  let log: string;
  beforeAll(async () => {
    kb = join(temp, "empty-kb");
    const { output } = captureOutput();
    const code = await initKnowledgeBase(
      { folder: kb, yes: true, empty: true, locale: "zh-CN" },
      { output, interactive: false },
    );
    expect(code).toBe(0);
    // No --out: the site goes to the knowledge base's own dist/.
    const result = runScript("build.ts", ["--content", kb], { UNION_KB_OUT: "" });
    log = `${result.stdout}${result.stderr}`;
    expect(result.status, log).toBe(0);
  }, 300_000);

  it("builds into <folder>/dist and says which knowledge base it built", () => {
    expect(log).toContain(`Knowledge base: ${kb}`);
    expect(log).toContain(
      `Built 0 courses, 0 lessons, 0 policies, 0 cases, 0 glossary terms, 2 topics into ${join(kb, "dist")}`,
    );
    expect(existsSync(join(kb, "dist/index.html"))).toBe(true);
    // The check does not take the built site for content.
    expect(checkKnowledgeBase(kb).problems).toEqual([]);
  });

  it("the home page tells the authors what to add first, in each language", () => {
    const zh = mainText(join(kb, "dist/index.html"));
    expect(zh).toContain("这个知识库刚刚建立");
    expect(zh).toContain("导入要引用的法律法规全文：npm run import-law");
    expect(zh).toContain("新建课程和课时：npm run new -- course");
    expect(zh).toContain("暂无内容。");
    const en = mainText(join(kb, "dist/en/index.html"));
    expect(en).toContain("This knowledge base is new");
    expect(en).toContain("Add cases: npm run new -- case.");
    expect(en).toContain("Nothing here yet.");
  });

  it("lists and the glossary say that nothing is there yet", () => {
    for (const list of ["courses", "policies", "cases"]) {
      expect(mainText(join(kb, `dist/${list}/index.html`))).toContain("暂无内容。");
      expect(mainText(join(kb, `dist/en/${list}/index.html`))).toContain("Nothing here yet.");
    }
    expect(mainText(join(kb, "dist/glossary/index.html"))).toContain("术语表里还没有术语。");
    expect(mainText(join(kb, "dist/en/glossary/index.html"))).toContain(
      "The glossary has no terms yet.",
    );
  });
});
