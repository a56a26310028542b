// The question bank's check: one scenario per kind of bad input
// (tests/fixtures/invalid/question-*), the superseded-version warning
// (tests/fixtures/extra/questions) and `npm run new -- question`. In-process:
// the check itself is what `npm run check` runs (tests/integration/check.test.ts
// covers the script's exit codes and report layout).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { formatProblem } from "../../src/lib/kb/problems.ts";
import { runNew } from "../../src/lib/scaffold/run-new.ts";
import { captureOutput } from "../helpers/cli-output.ts";
import { type FixtureGroup, fixtureContent } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const FILE = "courses/training-rights/questions.yaml";

/** The check's problems for a scenario, each as `npm run check` prints it, with the temp folder as <content>. */
function problemsOf(scenario: string, group: FixtureGroup = "invalid") {
  const dir = fixtureContent(scenario, group);
  made.push(dir);
  const result = checkKnowledgeBase(dir, dir);
  return {
    dir,
    result,
    text: result.problems.map((p) => formatProblem(p)).join("\n"),
  };
}

describe("bad questions: one clear problem with file and line", () => {
  it.each([
    [
      "question-answer-out-of-range",
      8,
      "answer D names no option: the question has 3 options, A to C",
    ],
    ["question-one-option", 30, "the list is too short"],
    ["question-duplicate-id", 26, "duplicate id “before-post”"],
    ["question-empty-explanation", 20, "the value is too small or too short"],
    [
      "question-missing-article",
      13,
      "cites article 124 of 职业教育法（2022）, which has no such article",
    ],
  ])("%s", (scenario, line, message) => {
    const { result, text } = problemsOf(scenario);
    expect(result.errors, text).toBe(1);
    const [problem] = result.problems;
    expect(problem?.file).toBe(FILE);
    expect(problem?.line).toBe(line);
    expect(problem?.message).toBe(message);
    expect(text).toContain(`${FILE}:${line}`);
  });

  it("names the field of each problem", () => {
    expect(problemsOf("question-one-option").result.problems[0]?.field).toBe("[2].options");
    expect(problemsOf("question-empty-explanation").result.problems[0]?.field).toBe(
      "[1].explanation",
    );
    expect(problemsOf("question-answer-out-of-range").result.problems[0]?.field).toBe("answer");
  });
});

describe("a good question bank", () => {
  it("loads every question under <course>/<id> and warns once about a superseded law version", () => {
    const { result, text } = problemsOf("questions", "extra");
    expect(result.errors, text).toBe(0);
    expect(result.kb.questions.map((q) => q.id)).toEqual([
      "training-rights/plan-for-whom",
      "training-rights/before-post",
      "training-rights/special-jobs",
      "training-rights/old-text",
    ]);
    expect(result.problems).toHaveLength(1);
    const [warning] = result.problems;
    // The citation check names the article in force now; the question check does not repeat it.
    expect(warning).toMatchObject({
      severity: "warning",
      code: "cite/superseded-version",
      file: FILE,
      line: 49,
      field: "cites[0]",
    });
    expect(warning?.message).toBe(
      "cites 职业教育法（1996）第二十条; in force now: 职业教育法（2022）第二十四条 (amended)",
    );
  });

  it("warns about a superseded version without an article map, and not when the old text is meant", () => {
    const dir = fixtureContent("questions", "extra");
    made.push(dir);
    // Without the 2022 text there is no article map: the question check still warns.
    rmSync(join(dir, "policies/vocational-education-law-2022/text.zh.md"));
    const unmapped = checkKnowledgeBase(dir, dir).problems.filter((p) => p.line === 49);
    expect(unmapped.map((p) => p.code)).toEqual(["question/superseded-version"]);
    expect(unmapped[0]?.message).toBe(
      "question “old-text” cites 职业教育法（1996）, a version that has been superseded",
    );
    const path = join(dir, FILE);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        "      article: 20\n",
        "      article: 20\n      historical: true\n",
      ),
    );
    expect(checkKnowledgeBase(dir, dir).problems.filter((p) => p.line === 49)).toEqual([]);
  });

  it("refuses an answer that does not fit its type, and options on a true/false question", () => {
    const dir = fixtureContent("questions", "extra");
    made.push(dir);
    const path = join(dir, FILE);
    const text = readFileSync(path, "utf8")
      .replace("  answer: [A, B, C]", "  answer: A")
      .replace(
        "  answer: true\n  explanation: 第二十四条第二款",
        "  options: [对, 错]\n  answer: true\n  explanation: 第二十四条第二款",
      );
    writeFileSync(path, text);
    const codes = checkKnowledgeBase(dir, dir)
      .problems.filter((p) => p.severity === "error")
      .map((p) => `${p.code}:${p.line}`);
    expect(codes).toEqual(["question/options-not-allowed:19", "question/answer-wrong-kind:35"]);
  });
});

describe("npm run new -- question", () => {
  it("appends a question that passes the check, citing what the course's lessons cite", async () => {
    const dir = fixtureContent("questions", "extra");
    made.push(dir);
    const { output, text } = captureOutput();
    const status = await runNew(
      {
        kind: "question",
        course: "training-rights",
        contentDir: dir,
        title: "什么是培训上岗制度？",
      },
      { output, interactive: false },
    );
    expect(status, text()).toBe(0);
    expect(text()).toContain("Added the question “q05”");
    const result = checkKnowledgeBase(dir, dir);
    expect(result.errors).toBe(0);
    const added = result.kb.questions.at(-1);
    expect(added?.id).toBe("training-rights/q05");
    expect(added?.data.question).toBe("什么是培训上岗制度？");
    expect(added?.data.cites).toEqual([{ policy: "vocational-education-law-2022", article: 24 }]);
  });

  it("refuses an unknown course and an id already used, changing nothing", async () => {
    const dir = fixtureContent("questions", "extra");
    made.push(dir);
    const before = readFileSync(join(dir, FILE), "utf8");
    const { output, text } = captureOutput();
    expect(
      await runNew(
        { kind: "question", course: "training-rights", slug: "before-post", contentDir: dir },
        { output, interactive: false },
      ),
    ).toBe(1);
    expect(text()).toContain("already has a question “before-post”");
    expect(
      await runNew(
        { kind: "question", course: "nope", contentDir: dir },
        { output, interactive: false },
      ),
    ).toBe(2);
    expect(text()).toContain("there is no course “nope”");
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(before);
  });
});
