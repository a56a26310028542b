import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { nextLessonNumber } from "../../src/lib/scaffold/courses.ts";
import { scaffold } from "../../src/lib/scaffold/create.ts";
import { appendGlossaryTerm, type TermDraft } from "../../src/lib/scaffold/glossary.ts";
import { ScaffoldError, type ScaffoldRequest } from "../../src/lib/scaffold/request.ts";
import { type NewOptions, runNew } from "../../src/lib/scaffold/run-new.ts";
import { pinyinOf, slugFromTitle } from "../../src/lib/scaffold/slug.ts";
import { captureOutput, refusalOf } from "../helpers/cli-output.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

let content: string;
const made: string[] = [];

beforeAll(() => {
  content = fixtureContent();
  made.push(content);
});
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs the script `npm run new -- …` on the shared temp copy of the valid fixture. */
function newScript(...args: string[]) {
  const result = runScript("new.ts", [...args, "--content", content]);
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`.replaceAll(content, "<content>"),
  };
}

/** The same through runNew, in-process, as when not run in a terminal. */
async function newEntry(options: Omit<NewOptions, "contentDir">) {
  const { output, text } = captureOutput();
  const status = await runNew({ ...options, contentDir: content }, { output, interactive: false });
  return { status, output: text().replaceAll(content, "<content>") };
}

/** The same, in-process (faster than starting Node for each entry). */
function create(request: Omit<ScaffoldRequest, "contentDir">) {
  return scaffold({ ...request, contentDir: content });
}

/** The exit code scaffold() would give, 0 when it succeeds. */
function refusal(request: Omit<ScaffoldRequest, "contentDir">): number {
  try {
    create(request);
    return 0;
  } catch (error) {
    return error instanceof ScaffoldError ? error.code : -1;
  }
}

function check() {
  const result = runScript("check.ts", ["--content", content]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("slugs from titles", () => {
  it("spells Chinese titles in toneless pinyin", () => {
    expect(slugFromTitle("企业的培训义务")).toBe("qi-ye-de-pei-xun-yi-wu");
    expect(slugFromTitle("女职工权益（2024）")).toBe("nv-zhi-gong-quan-yi-2024");
  });
  it("turns English titles into kebab-case", () => {
    expect(slugFromTitle("Employers' Duties & Rights")).toBe("employers-duties-rights");
  });
  it("fills in pinyin with tone marks", () => {
    expect(pinyinOf("职工教育经费")).toBe("zhí gōng jiào yù jīng fèi");
  });
});

describe("npm run new", () => {
  it("creates a lesson with the next number and a pinyin file name", () => {
    expect(nextLessonNumber(join(content, "courses/training-rights"))).toBe(3);
    const { status, output } = newScript(
      "lesson",
      "--course",
      "training-rights",
      "--title",
      "企业的培训义务（二）",
    );
    expect(status).toBe(0);
    expect(output).toContain(
      "Created <content>/courses/training-rights/03-qi-ye-de-pei-xun-yi-wu-er.mdx",
    );
    expect(output).toContain("Next steps:");
    const text = readFileSync(
      join(content, "courses/training-rights/03-qi-ye-de-pei-xun-yi-wu-er.mdx"),
      "utf8",
    );
    expect(text).toContain("title: 企业的培训义务（二）");
    expect(text).toMatch(/# 教学形式：lecture（讲座）/);
  });

  it("creates a course, a policy and a case", () => {
    create({ kind: "course", title: "Shop stewards' basics" });
    expect(existsSync(join(content, "courses/shop-stewards-basics/course.yaml"))).toBe(true);
    const first = create({ kind: "lesson", course: "shop-stewards-basics", title: "第一课" });
    expect(first.path).toMatch(/01-di-yi-ke\.mdx$/);
    const policy = create({
      kind: "policy",
      title: "中华人民共和国劳动法",
      slug: "labour-law-2018",
    });
    expect(policy.nextSteps.join("\n")).toContain(
      "npm run import-law -- <file> --slug labour-law-2018",
    );
    expect(readFileSync(policy.path, "utf8")).toContain("shortTitle: 劳动法");
    const real = create({ kind: "case", title: "某厂培训纠纷", fictional: false });
    expect(real.path).toMatch(/cases\/mou-chang-pei-xun-jiu-fen\.mdx$/);
    expect(readFileSync(real.path, "utf8")).toContain("fictional: false");
  });

  it("appends a glossary term with pinyin filled in, keeping the file's text", () => {
    const before = readFileSync(join(content, "glossary.yaml"), "utf8");
    const term = create({ kind: "term", zh: "培训上岗", en: "training before taking up a post" });
    expect(term.id).toBe("training-before-taking-up-a-post");
    expect(term.nextSteps.join("\n")).toContain('<Term id="training-before-taking-up-a-post" />');
    const after = readFileSync(join(content, "glossary.yaml"), "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toContain("pinyin: péi xùn shàng gǎng");
  });

  it("creates an event, blank or from a yearly campaign template", () => {
    writeFileSync(
      join(content, "campaigns.yaml"),
      "- id: world-book-day\n  title: 世界读书日阅读活动\n  summary: 4月23日的阅读活动。\n  start: 04-23\n  topics: [vocational-training]\n",
    );
    const fromCampaign = create({ kind: "event", campaign: "world-book-day", year: "2027" });
    expect(fromCampaign.path).toMatch(/events\/world-book-day-2027\.yaml$/);
    expect(parse(readFileSync(fromCampaign.path, "utf8"))).toMatchObject({
      title: "2027年世界读书日阅读活动",
      kind: "campaign",
      campaign: "world-book-day",
      start: "2027-04-23",
      topics: ["vocational-training"],
    });
    const blank = create({
      kind: "event",
      title: "安全讲座",
      slug: "safety-talk",
      today: "2026-12-04",
    });
    expect(parse(readFileSync(blank.path, "utf8"))).toMatchObject({
      kind: "lecture",
      start: "2026-12-04",
    });
    expect(refusal({ kind: "event", campaign: "book-day" })).toBe(2);
  });

  it("leaves a knowledge base that passes the check", () => {
    const { status, output } = check();
    expect(status).toBe(0);
    expect(output).toContain("0 errors");
    expect(output).toContain("2 courses, 4 lessons, 2 policies, 2 cases, 4 glossary terms");
  });

  it("never overwrites: an existing entry is refused with exit 1", async () => {
    const path = join(content, "cases/mou-chang-pei-xun-jiu-fen.mdx");
    const before = readFileSync(path, "utf8");
    const { status, output } = await newEntry({ kind: "case", title: "某厂培训纠纷" });
    expect(status).toBe(1);
    expect(output).toContain("already exists; nothing was changed");
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(refusal({ kind: "term", zh: "职工教育经费", en: "another" })).toBe(1);
    expect(refusal({ kind: "course", title: "Shop stewards basics" })).toBe(1);
    const lessons = readdirSync(join(content, "courses/training-rights"));
    expect(
      refusal({ kind: "lesson", course: "training-rights", title: "Duties", slug: "duties" }),
    ).toBe(1);
    expect(readdirSync(join(content, "courses/training-rights"))).toEqual(lessons);
  });

  it("exits 2 on usage mistakes, listing the courses", async () => {
    const unknown = await newEntry({ kind: "lesson", course: "nope", title: "x" });
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain("courses: shop-stewards-basics, training-rights");
    const noKind = await refusalOf(() => runNew({ contentDir: content }, { interactive: false }));
    expect(noKind.code).toBe(2);
    expect(noKind.message).toBe(
      "Say what to create: course, lesson, policy, case, term, event or question.",
    );
    const noCourse = await refusalOf(() => newEntry({ kind: "lesson", title: "x" }));
    expect(noCourse.message).toBe("--course is required for lesson.");
    expect(refusal({ kind: "lesson", course: "training-rights" })).toBe(2);
    expect(refusal({ kind: "case", title: "!!!" })).toBe(2);
  });
});

describe("npm run new (scripts/new.ts)", () => {
  it("shows its help, and exits 2 with the help text on a usage mistake", () => {
    const help = runScript("new.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run new");
    const twoKinds = newScript("case", "lesson");
    expect(twoKinds.status).toBe(2);
    expect(twoKinds.output).toContain("Give one kind, not “case lesson”.\n\nUsage: npm run new");
  });
});

describe("appending a glossary term keeps every byte of glossary.yaml", () => {
  const term: TermDraft = {
    id: "training-before-work",
    zh: "培训上岗",
    en: "training before taking up a post",
    pinyin: "péi xùn shàng gǎng",
    definition: "TODO：用一两句话解释这个术语",
  };
  const added = [
    "- id: training-before-work",
    "  zh: 培训上岗",
    "  en: training before taking up a post",
    "  pinyin: péi xùn shàng gǎng",
    "  definition: TODO：用一两句话解释这个术语",
  ];

  /** Writes `text` as a glossary in a new temp folder and appends `term` to it. */
  function append(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), "union-kb-glossary-"));
    made.push(dir);
    const path = join(dir, "glossary.yaml");
    writeFileSync(path, text, "utf8");
    return appendGlossaryTerm(path, term);
  }

  it("CRLF endings, comments, long folded lines, flow lists and a custom field order", () => {
    const original = [
      "# 术语表 — entries are grouped by theme, not sorted",
      "",
      "# ── 基本概念 ──",
      "- zh: 职业教育    # Chinese first in this file",
      "  id: vocational-education",
      "  en: vocational education",
      "  pinyin: zhí yè jiào yù",
      "  definition: >-",
      "    为使受教育者具备从事某种职业或者实现职业发展所需的职业道德、知识和技术技能而实施的教育，",
      "    包括职业学校教育和职业培训。",
      "  related: [ vocational-training ]",
      "",
      "- id: vocational-training",
      "  zh: 职业培训",
      "  en: vocational training",
      "  pinyin: 'zhí yè péi xùn'",
      `  definition: "${"一个很长的定义，".repeat(30)}"`,
      "# the last theme ends here",
      "",
    ].join("\r\n");
    const after = append(original);
    expect(after.startsWith(original)).toBe(true);
    expect(after.slice(original.length)).toBe(["", ...added, ""].join("\r\n"));
    const entries = parse(after) as { id: string }[];
    expect(entries.map((e) => e.id)).toEqual([
      "vocational-education",
      "vocational-training",
      "training-before-work",
    ]);
    expect(entries[2]).toEqual(term);
  });

  it("an indented list without a final newline and without blank lines between entries", () => {
    const original = "  - id: a\n    zh: 甲\n  - id: b\n    zh: 乙";
    const after = append(original);
    expect(after).toBe(`${original}\n${added.map((line) => `  ${line}`).join("\n")}\n`);
    expect((parse(after) as object[]).at(-1)).toEqual(term);
  });

  it("an empty file, a file with only comments, and a flow list", () => {
    expect(append("")).toBe(`${added.join("\n")}\n`);
    expect(append("# 术语表\r\n")).toBe(`# 术语表\r\n${added.join("\r\n")}\r\n`);
    // A flow list cannot take a line at the end; it is rewritten, and still parses.
    expect(parse(append("[{ id: a, zh: 甲 }]\n"))).toEqual([{ id: "a", zh: "甲" }, term]);
  });
});
