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
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CliError } from "../../src/lib/cli/cli-error.ts";
import { intToChinese } from "../../src/lib/law/chinese-numerals.ts";
import { importLaw as importLawFunction } from "../../src/lib/scaffold/import-law.ts";
import { PolicySchema } from "../../src/schemas/policy.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const SCRIPT = join(ROOT, "scripts/import-law.ts");
const LAWS = join(ROOT, "tests/fixtures/laws");

let temp = "";
let content = "";

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "import-law-"));
  content = join(temp, "content");
  mkdirSync(content);
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Runs the script like `npm run import-law -- …` would. */
function importLaw(...args: string[]) {
  const result = spawnSync(NODE, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The YAML between the --- fences of an .mdx file. */
function frontmatter(mdx: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (match?.[1] === undefined) throw new Error("no frontmatter");
  return parse(match[1]);
}

/** Folder names in content/policies (including hidden temp folders). */
function policyFolders(): string[] {
  const policies = join(content, "policies");
  return existsSync(policies) ? readdirSync(policies).sort() : [];
}

describe("npm run import-law", () => {
  const source = join(LAWS, "vocational-education-law-2022.zh.md");

  it("creates text.zh.md and index.mdx with frontmatter that fits the policy schema", () => {
    const run = importLaw(source, "--slug", "vel-2022", "--content", content);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("8 chapters, 69 articles");
    expect(run.stdout).toContain("第八章 附则: articles 68–69");

    const folder = join(content, "policies", "vel-2022");
    expect(readdirSync(folder).sort()).toEqual(["index.mdx", "text.zh.md"]);
    expect(readFileSync(join(folder, "text.zh.md"), "utf8")).toBe(
      `${readFileSync(source, "utf8")}\n`,
    );

    const mdx = readFileSync(join(folder, "index.mdx"), "utf8");
    const data = frontmatter(mdx) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: "中华人民共和国职业教育法",
      adopted: "1996-05-15",
      revisions: [
        {
          date: "2022-04-20",
          note: "2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订",
        },
      ],
      status: "in-force",
      kind: "law",
      titleEn: "TODO: English title",
    });
    expect(data.effective).toBeUndefined();
    // textChecked: the import's day, so npm run check has no policy/text-not-checked warning.
    expect(data.textChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.textChecked).toBe(data.updated);
    expect(mdx).toContain("自2022年5月1日起施行");
    expect(mdx).toMatch(/# TODO: .*\ntitleEn:/);
    expect(PolicySchema.safeParse(data).success).toBe(true);
    expect(policyFolders()).toEqual(["vel-2022"]);
  });

  it("refuses to overwrite an existing policy (exit 1)", () => {
    const before = readFileSync(join(content, "policies", "vel-2022", "index.mdx"), "utf8");
    const run = importLaw(source, "--slug", "vel-2022", "--content", content);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/vel-2022 already exists; nothing was written/);
    expect(readFileSync(join(content, "policies", "vel-2022", "index.mdx"), "utf8")).toBe(before);
    expect(policyFolders()).toEqual(["vel-2022"]);
  });

  it("rejects a slug that is not kebab-case with usage help (exit 2)", () => {
    const run = importLaw(source, "--slug", "VEL_2022", "--content", content);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"VEL_2022" is not lower-case kebab-case/);
    expect(run.stderr).toMatch(/Usage: npm run import-law/);
    expect(policyFolders()).toEqual(["vel-2022"]);
  });

  it("exits 2 without a slug or a file, and prints help for --help", () => {
    expect(importLaw(source).code).toBe(2);
    expect(importLaw("--slug", "x").code).toBe(2);
    expect(importLaw(source, "--slug", "x", "--bogus").code).toBe(2);
    const help = importLaw("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run import-law -- <file> --slug <slug>/);
  });

  it("refuses a GB18030/GBK file and writes nothing (exit 1)", () => {
    const file = join(temp, "gbk.md");
    // "# 中国" in GBK, then ASCII.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("# "),
        Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]),
        Buffer.from("\n\nabc\n"),
      ]),
    );
    const run = importLaw(file, "--slug", "gbk-law", "--content", content);
    expect(run.code).toBe(1);
    // The same wording as npm run check (src/lib/kb/text-file.ts).
    expect(run.stderr).toContain(
      "gbk.md: line 1: the file is not UTF-8; it looks like GBK/GB18030 (a Chinese Windows encoding)",
    );
    expect(run.stderr).toContain("Save with Encoding → UTF-8");
    expect(policyFolders()).toEqual(["vel-2022"]);
  });

  it("refuses bytes that are no text encoding, naming the line", () => {
    const file = join(temp, "binary.md");
    writeFileSync(file, Buffer.concat([Buffer.from("# a\n"), Buffer.from([0xff, 0x00])]));
    const run = importLaw(file, "--slug", "binary", "--content", content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "binary.md: line 2: the file contains bytes that are not valid UTF-8 text",
    );
  });

  it("refuses a UTF-16 file, saying so (the shared decoder would take it for GBK)", () => {
    const file = join(temp, "utf16.md");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("# 法\n", "utf16le")]),
    );
    const run = importLaw(file, "--slug", "utf16-law", "--content", content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the file looks UTF-16-encoded");
    expect(policyFolders()).not.toContain("utf16-law");
  });

  it("refuses a malformed law text with its line, and writes nothing", () => {
    const file = join(temp, "gap.md");
    writeFileSync(file, "# 某法\n\n## 第一章 总 则\n\n第一条 甲。\n\n第三条 丙。\n");
    const run = importLaw(file, "--slug", "gap-law", "--content", content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("line 7: article 第三条 (3) follows article 1; expected 2");
    expect(run.stderr).toContain("hint:");
    expect(policyFolders()).toEqual(["vel-2022"]);
  });

  it("strips a BOM and CRLF line endings; a header without 通过 leaves adopted as a TODO", () => {
    const file = join(temp, "bom.md");
    writeFileSync(file, "\uFEFF# 某条例\r\n\r\n第一条 甲。\r\n\r\n第二条 乙。");
    const run = importLaw(file, "--slug", "some-regulation", "--content", content);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no chapters, 2 articles");
    const folder = join(content, "policies", "some-regulation");
    expect(readFileSync(join(folder, "text.zh.md"), "utf8")).toBe(
      "# 某条例\n\n第一条 甲。\n\n第二条 乙。\n",
    );
    const data = frontmatter(readFileSync(join(folder, "index.mdx"), "utf8"));
    expect(data).toMatchObject({ title: "某条例", adopted: "TODO: YYYY-MM-DD", revisions: [] });
  });

  it("imports a traditional-character text (第一條 … 第二十四條) with the right article numbers", () => {
    const file = join(temp, "traditional.md");
    const articles = Array.from({ length: 24 }, (_, i) => `第${intToChinese(i + 1)}條 條文。`);
    const text = [
      "# 某某條例",
      "1995年1月1日 某會議通過",
      "## 第一章 總則",
      ...articles.slice(0, 10),
    ];
    text.push("## 第二章 附則", ...articles.slice(10), "");
    writeFileSync(file, text.join("\n"));
    const run = importLaw(file, "--slug", "traditional-regulation", "--content", content);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 chapters, 24 articles");
    expect(run.stdout).toContain("第二章 附則: articles 11–24");
    expect(run.stdout).toContain("adopted: 1995-01-01");
  });

  it("imports 第N条之一 as an article of its own", () => {
    const file = join(temp, "inserted.md");
    writeFileSync(file, "# 某法\n\n第一条 甲。\n\n第一条之一 乙。\n\n第二条 丙。\n");
    const run = importLaw(file, "--slug", "inserted-article-law", "--content", content);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no chapters, 3 articles");
  });

  it("refuses a file that does not exist (exit 1)", () => {
    const run = importLaw(join(temp, "missing.md"), "--slug", "missing", "--content", content);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing\.md: no such file/);
  });
});

describe("importLaw (the library function behind the script)", () => {
  const source = join(LAWS, "trade-union-law-2021.zh.md");

  it("returns the parsed law and writes index.mdx dated `today`", () => {
    const result = importLawFunction({
      file: source,
      slug: "tul-2021",
      contentDir: content,
      today: "2026-01-02",
    });
    expect(result.law.articles).toHaveLength(58);
    expect(result.target).toBe(join(content, "policies", "tul-2021"));
    const mdx = readFileSync(join(result.target, "index.mdx"), "utf8");
    expect(mdx).toContain("updated: 2026-01-02\n");
    expect(mdx).toContain("on 2026-01-02. Replace every TODO");
  });

  it("throws a CliError with the exit code", () => {
    const codeOf = (slug: string, file = source) => {
      try {
        importLawFunction({ file, slug, contentDir: content });
      } catch (error) {
        if (error instanceof CliError) return error.code;
        throw error;
      }
      return 0;
    };
    expect(codeOf("Not_Kebab")).toBe(2);
    expect(codeOf("tul-2021")).toBe(1);
    expect(codeOf("missing", join(temp, "missing.md"))).toBe(1);
  });
});
