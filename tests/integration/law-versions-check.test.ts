import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { type FixtureGroup, fixtureContent, runScript } from "../helpers/fixtures.ts";

// Scenarios (tests/fixtures/*/law-*): the 1996 law, superseded by the 2022 one
// (extra/law-versions), with an article map and a lesson citing 1996 Art. 20
// (cites and body) and 1996 Art. 29 with `historical`.

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function content(scenario: string, group: FixtureGroup): string {
  const dir = fixtureContent(scenario, group);
  made.push(dir);
  return dir;
}

/** The problems of a scenario, files relative to the knowledge base. */
function problemsOf(scenario: string, group: FixtureGroup) {
  const dir = content(scenario, group);
  return checkKnowledgeBase(dir).problems.map((p) => ({
    ...p,
    file: p.file.replace(`${dir}/`, ""),
  }));
}

const MAP =
  "policies/vocational-education-law-2022/changes-from-vocational-education-law-1996.yaml";

describe("law versions in npm run check", () => {
  it("warns once about a superseded version, naming the article in force and the class; historical: true is quiet", () => {
    expect(problemsOf("law-versions", "extra")).toEqual([
      {
        code: "cite/superseded-version",
        severity: "warning",
        file: "courses/training-rights/03-old-handout.mdx",
        line: 11,
        field: "cites[0]",
        message:
          "cites 职业教育法（1996）第二十条; in force now: 职业教育法（2022）第二十四条 (amended)",
        found: "vocational-education-law-1996, article 20",
        hint: "cite the version in force, or add historical: true to the citation when the old text is the point",
      },
    ]);
  });

  it("warns about a law text without the day it was checked against the official source", () => {
    const dir = content("", "extra");
    const index = join(dir, "policies/vocational-education-law-2022/index.mdx");
    const mdx = readFileSync(index, "utf8");
    expect(mdx).toMatch(/^textChecked: .*\n/m);
    writeFileSync(index, mdx.replace(/^textChecked: .*\n/m, ""));
    const problems = checkKnowledgeBase(dir).problems;
    expect(problems.map((p) => ({ ...p, file: p.file.replace(`${dir}/`, "") }))).toEqual([
      {
        code: "policy/text-not-checked",
        severity: "warning",
        file: "policies/vocational-education-law-2022/index.mdx",
        line: 12,
        field: "textChecked",
        message: "this policy has its full text (text.zh.md) but no textChecked date",
        hint: "compare text.zh.md with the official source word for word, then add `textChecked: YYYY-MM-DD` (the day you did); the policy page shows it",
      },
    ]);
  });

  it("refuses an override naming an article the old text does not have", () => {
    expect(problemsOf("law-changes-unknown-article", "invalid")).toMatchObject([
      {
        code: "lawmap/unknown-article",
        severity: "error",
        file: MAP,
        line: 6,
        field: "changes[1].old",
        message: "old article 41 is not in vocational-education-law-1996",
        expected: "an article of vocational-education-law-1996: 1 to 40",
      },
    ]);
  });

  it("refuses one article in two rows unless they are merged or split", () => {
    expect(problemsOf("law-changes-mapped-twice", "invalid")).toMatchObject([
      {
        code: "lawmap/mapped-twice",
        file: MAP,
        line: 6,
        message: "old article 20 is in two rows (lines 3 and 6)",
      },
    ]);
  });

  // The build runs the same check first and stops on its errors
  // (tests/integration/bad-input.test.ts); a build here would add ~20 s.
  it("refuses a map between policies that are not versions of one law, with exit 1", () => {
    const dir = content("law-changes-not-versions", "invalid");
    const result = runScript("check.ts", ["--content", dir]);
    const output = `${result.stdout}${result.stderr}`.replaceAll(dir, "<content>");
    expect(result.status).toBe(1);
    expect(output).toContain(
      "<content>/policies/vocational-education-law-1996/changes-from-vocational-education-law-2022.yaml:1",
    );
    expect(output).toContain(
      "problem:  “vocational-education-law-1996” and “vocational-education-law-2022” are not two versions of one law",
    );
    expect(output).toContain(
      "vocational-education-law-2022 is the newer version: the file belongs in content/policies/vocational-education-law-2022/ as changes-from-vocational-education-law-1996.yaml",
    );
  });
});
