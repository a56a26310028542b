import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FixtureGroup, fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function content(scenario?: string, group: FixtureGroup = "invalid"): string {
  const dir = fixtureContent(scenario, group);
  made.push(dir);
  return dir;
}

function check(dir: string) {
  const result = runScript("check.ts", ["--content", dir]);
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`.replaceAll(dir, "<content>"),
  };
}

/** Each hostile or broken input from tests/fixtures/invalid/, the place it must be reported and the words that explain it. */
const cases: [scenario: string, where: string, words: string][] = [
  ["tabs", "<content>/courses/training-rights/course.yaml:9", "indent with spaces"],
  ["gbk", "<content>/topics.yaml:2", "looks like GBK/GB18030"],
  [
    "circular-supersedes",
    "vocational-education-law-2022/index.mdx:13",
    "supersedes forms a circle",
  ],
  ["raw-script", "02-funds.mdx:16", "raw <script> in content"],
  ["javascript-url", "02-funds.mdx:16", "javascript:, vbscript: or data: address"],
  ["import-statement", "02-funds.mdx:16", "an import/export statement in content"],
  ["text-expression", "02-funds.mdx:16", "a curly brace “{” in the text"],
  ["unclosed-jsx", "02-funds.mdx:16", "<Callout> is never closed"],
  ["long-title", "02-funds.mdx:2", "the text is too long (2004 characters)"],
];

describe("bad input gets a clear message, file and line, and exit 1", () => {
  it.each(cases)("%s", (scenario, where, words) => {
    const { status, output } = check(content(scenario));
    expect(status).toBe(1);
    expect(output).toContain(where);
    expect(output).toContain(words);
    expect(output).toContain("hint:");
    // Exactly the problem planted, not a cascade of follow-on errors.
    expect(output).not.toMatch(/unknown topic|does not exist/);
  });

  it("a file over the size limit is refused without being parsed", () => {
    const dir = content();
    writeFileSync(join(dir, "cases/huge.mdx"), `---\ntitle: x\n---\n${"职工教育".repeat(450_000)}`);
    const { status, output } = check(dir);
    expect(status).toBe(1);
    expect(output).toContain("<content>/cases/huge.mdx");
    expect(output).toMatch(/the file is too large \(5\.\d MB\)/);
  });

  it("file names that cannot be web addresses, or clash with list pages, are refused", () => {
    const dir = content();
    const source = readFileSync(join(dir, "cases/training-refused.mdx"));
    writeFileSync(join(dir, "cases/2.mdx"), source);
    writeFileSync(join(dir, "cases/培训 案例.mdx"), source);
    const { status, output } = check(dir);
    expect(status).toBe(1);
    expect(output).toContain("<content>/cases/2.mdx");
    expect(output).toContain("“2” is reserved for list pages");
    expect(output).toContain("“培训 案例” cannot be used as a web address");
  });

  it("citing a repealed policy is a warning, once per file, and does not fail the check", () => {
    const { status, output } = check(content("cites-repealed", "extra"));
    expect(status).toBe(0);
    expect(output).toContain("0 errors, 4 warnings");
    expect(output).toContain("⚠ warning  <content>/courses/training-rights/01-duties.mdx:11");
    expect(output).toContain("which is repealed");
  });

  it.each([
    ["UNION_KB_SEARCH_PART_CHARS", "a lot", "must be a whole number of characters, at least 1"],
    ["UNION_KB_LOW_MEMORY", "yes", "must be 1 (on) or 0 (off), or unset"],
  ])(
    "a build with a nonsense %s stops before building, with usage exit 2",
    (name, value, words) => {
      const out = mkdtempSync(join(tmpdir(), "union-kb-out-"));
      made.push(out);
      const result = runScript("build.ts", ["--content", content(), "--out", join(out, "site")], {
        [name]: value,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${name} ${words}; got "${value}".`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(out, "site"))).toBe(false);
    },
  );

  it("a failed build writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "union-kb-bad-")), "dist");
    made.push(join(out, ".."));
    const result = runScript("build.ts", ["--content", content("raw-script"), "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("raw <script> in content");
    expect(existsSync(out)).toBe(false);
  });
});

describe("unusual but valid input builds safely", () => {
  it("escapes HTML in frontmatter and keeps emoji and CJK Extension B characters", () => {
    const out = join(mkdtempSync(join(tmpdir(), "union-kb-html-")), "dist");
    made.push(join(out, ".."));
    const result = runScript("build.ts", [
      "--content",
      content("html-emoji", "extra"),
      "--out",
      out,
    ]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(join(out, "courses/training-rights/funds/index.html"), "utf8");
    expect(html).not.toContain("<img src=x onerror");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("📚 𠀀𪚥");
  });
});
