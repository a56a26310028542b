import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureContent, ROOT, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run check` on a fixture and returns exit code and output with the temp path hidden. */
function check(scenario?: string, edit?: (dir: string) => void) {
  const dir = fixtureContent(scenario);
  made.push(dir);
  edit?.(dir);
  const result = runScript("check.ts", ["--content", dir]);
  const output = `${result.stdout}${result.stderr}`
    .replaceAll(dir, "<content>")
    .replace(/ in \d+ ms/, "");
  return { status: result.status, output };
}

describe("npm run check", () => {
  it("passes the valid fixture with exit 0", () => {
    const { status, output } = check();
    expect(status).toBe(0);
    expect(output).toContain("0 errors, 0 warnings");
    expect(output).toContain("1 course, 2 lessons, 1 policy, 1 case, 3 glossary terms, 3 topics");
  });

  it("reports a missing required field with the field and a hint", () => {
    const { status, output } = check("missing-field");
    expect(status).toBe(1);
    expect(output).toMatchInlineSnapshot(`
      "Knowledge base: <content>
      ✖ error  <content>/courses/training-rights/01-duties.mdx:2
        field:    duration
        problem:  a required field is missing
        expected: a number
        found:    (missing)
        hint:     add a line \`duration: …\`

      1 error, 0 warnings
      Checked 1 course, 1 lesson, 1 policy, 1 case, 3 glossary terms, 3 topics.
      "
    `);
  });

  it("lists the allowed values of an enum", () => {
    const { status, output } = check("wrong-enum");
    expect(status).toBe(1);
    expect(output).toContain("<content>/courses/training-rights/course.yaml:6");
    expect(output).toContain("field:    level");
    expect(output).toContain("expected: one of: introductory, intermediate, advanced");
    expect(output).toContain('found:    "beginner"');
  });

  it("rejects a date that does not exist", () => {
    const { status, output } = check("bad-date");
    expect(status).toBe(1);
    expect(output).toContain("<content>/cases/training-refused.mdx:16");
    expect(output).toContain("expected: a real date written as YYYY-MM-DD");
    expect(output).toContain('found:    "2026-02-30"');
  });

  it("suggests the closest topic for an unknown one", () => {
    const { status, output } = check("unknown-topic");
    expect(status).toBe(1);
    expect(output).toContain("field:    topics[0]");
    expect(output).toContain("unknown topic “employee-education-fund”");
    expect(output).toContain("did you mean “employee-education-funds”?");
  });

  it("rejects a citation of an unknown policy", () => {
    const { status, output } = check("unknown-policy");
    expect(status).toBe(1);
    expect(output).toContain("01-duties.mdx:11");
    expect(output).toContain("field:    cites[0]");
    expect(output).toContain("did you mean “vocational-education-law-2022”?");
  });

  it("gives the valid range for an article that does not exist", () => {
    const { status, output } = check("article-out-of-range");
    expect(status).toBe(1);
    expect(output).toContain("cases/training-refused.mdx:21");
    expect(output).toContain("expected: an article number from 1 to 69 (第一条 to 第六十九条)");
  });

  it("reports duplicate lesson and case addresses", () => {
    const { status, output } = check("duplicate-slug");
    expect(status).toBe(1);
    expect(output).toContain("two lessons in this course have the address “duties”");
    expect(output).toContain("duplicate case address “training-refused”");
  });

  it("explains a full-width colon in frontmatter", () => {
    const { status, output } = check("malformed-yaml");
    expect(status).toBe(1);
    expect(output).toContain("01-duties.mdx:5");
    expect(output).toContain("invalid YAML");
    expect(output).toContain("full-width colon “：”");
  });

  it("reports lessons in a folder without course.yaml", () => {
    const { status, output } = check("lesson-without-course");
    expect(status).toBe(1);
    expect(output).toContain("<content>/courses/orphan");
    expect(output).toContain("this course folder has no course.yaml");
  });

  it("reports invalid UTF-8 with the line", () => {
    const { status, output } = check("invalid-utf8");
    expect(status).toBe(1);
    expect(output).toContain("cases/training-refused.mdx:21");
    expect(output).toContain("not valid UTF-8");
  });

  it("explains a byte-order mark", () => {
    const { status, output } = check("bom");
    expect(status).toBe(1);
    expect(output).toContain("course.yaml:1");
    expect(output).toContain("byte-order mark (BOM)");
  });

  it("detects GBK/GB18030 files", () => {
    const { status, output } = check(undefined, (dir) => {
      // "职工" in GBK, inside otherwise valid YAML
      const gbk = Buffer.concat([
        Buffer.from("- id: gbk\n  zh: "),
        Buffer.from([0xd6, 0xb0, 0xb9, 0xa4]),
        Buffer.from("\n  en: GBK\n"),
      ]);
      writeFileSync(join(dir, "topics.yaml"), gbk);
    });
    expect(status).toBe(1);
    expect(output).toContain("topics.yaml:2");
    expect(output).toContain("looks like GBK/GB18030");
  });

  it("rejects components authors cannot use, with the line", () => {
    const { status, output } = check("unknown-component");
    expect(status).toBe(1);
    expect(output).toContain("02-funds.mdx:16");
    expect(output).toContain("unknown component <Calout>");
    expect(output).toContain("did you mean <Callout>?");
  });

  it.each([
    [
      "event-end-before-start",
      "evening-class.yaml:5",
      "field:    end",
      "the event ends (2026-03-03 17:00) before it starts (2026-03-03 19:00)",
    ],
    [
      "event-recurrence-no-end",
      "evening-class.yaml:6",
      "field:    recurrence",
      "expected: COUNT (how many times) or UNTIL (the last day)",
    ],
    [
      "event-unknown-course",
      "evening-class.yaml:8",
      "field:    links.courses[0]",
      "did you mean “training-rights”?",
    ],
    [
      "event-unknown-time-zone",
      "evening-class.yaml:6",
      "field:    timeZone",
      "unknown time zone “Asia/Beijing”",
    ],
  ])("explains an event mistake: %s", (scenario, where, field, text) => {
    const { status, output } = check(scenario);
    expect(status).toBe(1);
    expect(output).toContain(`<content>/events/${where}`);
    expect(output).toContain(field);
    expect(output).toContain(text);
    expect(output).toContain("1 error, 0 warnings");
  });

  it("reports all problems at once", () => {
    const { status, output } = check("unknown-topic", (dir) => {
      cpSync(join(ROOT, "tests/fixtures/invalid/wrong-enum"), dir, { recursive: true });
      writeFileSync(join(dir, "cases/empty.mdx"), "");
    });
    expect(status).toBe(1);
    expect(output).toContain("3 errors, 0 warnings");
    expect(output).toContain("unknown topic");
    expect(output).toContain("field:    level");
    expect(output).toContain("the file is empty");
  });

  it("warns about a law's name written right before <Cite> of that law, with line and hint", () => {
    const dir = fixtureContent("law-name-before-cite", "extra");
    made.push(dir);
    const result = runScript("check.ts", ["--content", dir]);
    const output = `${result.stdout}${result.stderr}`.replaceAll(dir, "<content>");
    expect(result.status).toBe(0);
    expect(output).toContain("0 errors, 3 warnings");
    const file = "<content>/courses/training-rights/02-funds.mdx";
    expect(output).toContain(`⚠ warning  ${file}:18
  problem:  the law's name is written right before <Cite>, which prints it again: readers see “《职业教育法》《职业教育法》第五十八条”
  found:    《职业教育法》<Cite policy="vocational-education-law-2022" article={58} />
  hint:     delete “《职业教育法》” before <Cite>: the component prints 《职业教育法》第五十八条 itself`);
    // The full title, and the name followed by a note in brackets, are caught too.
    expect(output).toContain(`${file}:20`);
    expect(output).toContain("“中华人民共和国职业教育法”");
    expect(output).toContain(`${file}:22`);
    expect(output).toContain("“《职业教育法》（2022年修订）”");
    // “依据<Cite>” and another law's name (《劳动法》和<Cite>) are fine.
    expect(output).not.toContain(`${file}:24`);
  });

  it("exits 2 on usage errors", () => {
    expect(runScript("check.ts", ["--bogus"]).status).toBe(2);
    expect(runScript("check.ts", ["--content", "/nonexistent/folder"]).status).toBe(2);
    const help = runScript("check.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run check");
  });
});
