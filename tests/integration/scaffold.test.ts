import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  nextLessonNumber,
  ScaffoldError,
  type ScaffoldRequest,
  scaffold,
} from "../../src/lib/scaffold/create.ts";
import { pinyinOf, slugFromTitle } from "../../src/lib/scaffold/slug.ts";
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

/** Runs `npm run new -- …` on the shared temp copy of the valid fixture. */
function newEntry(...args: string[]) {
  const result = runScript("new.ts", [...args, "--content", content]);
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`.replaceAll(content, "<content>"),
  };
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
    const { status, output } = newEntry(
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

  it("leaves a knowledge base that passes the check", () => {
    const { status, output } = check();
    expect(status).toBe(0);
    expect(output).toContain("0 errors");
    expect(output).toContain("2 courses, 4 lessons, 2 policies, 2 cases, 4 glossary terms");
  });

  it("never overwrites: an existing entry is refused with exit 1", () => {
    const path = join(content, "cases/mou-chang-pei-xun-jiu-fen.mdx");
    const before = readFileSync(path, "utf8");
    const { status, output } = newEntry("case", "--title", "某厂培训纠纷");
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

  it("exits 2 on usage mistakes, listing the courses", () => {
    const unknown = newEntry("lesson", "--course", "nope", "--title", "x");
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain("courses: shop-stewards-basics, training-rights");
    expect(refusal({ kind: "lesson", course: "training-rights" })).toBe(2);
    expect(refusal({ kind: "case", title: "!!!" })).toBe(2);
  });
});
