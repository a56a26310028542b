import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractQuestions } from "../../src/lib/mdx/questions.ts";
import { fixtureContent, ROOT, runScript } from "../helpers/fixtures.ts";

let content: string;
let out: string;
let html: string;

beforeAll(() => {
  content = fixtureContent();
  cpSync(join(ROOT, "tests/fixtures/extra/components"), content, { recursive: true });
  // The same kind of lesson written in English: component labels follow the content language.
  writeFileSync(
    join(content, "courses/training-rights/09-english-note.mdx"),
    '---\ntitle: A note in English\nsummary: Labels follow the language of the lesson.\nlang: en\nduration: 10\nobjectives:\n  - Read a note\nformat: self-study\nupdated: 2026-03-01\n---\n\n<Callout type="tip">Ask the union.</Callout>\n',
  );
  // A site that allows code: a body with an expression is compiled by Astro's
  // MDX compiler, and its components must come out as in every other body.
  writeFileSync(
    join(content, "site.yaml"),
    `${readFileSync(join(content, "site.yaml"), "utf8")}allowScripts: true\n`,
  );
  writeFileSync(
    join(content, "courses/training-rights/08-compiled.mdx"),
    '---\ntitle: 编译的课时\nsummary: 正文里有代码。\nduration: 10\nobjectives:\n  - 看结果\nformat: lecture\ncites:\n  - policy: vocational-education-law-2022\n    article: 58\nupdated: 2026-03-01\n---\n\n共 {2 * 3} 项，见 <Cite policy="vocational-education-law-2022" article={58} />。\n\n<Callout type="warning" title="常见误区">\n培训不是可有可无的福利。\n</Callout>\n',
  );
  out = join(mkdtempSync(join(tmpdir(), "union-kb-mdx-")), "dist");
  const result = runScript("build.ts", ["--content", content, "--out", out]);
  if (result.status !== 0)
    throw new Error(`fixture build failed:\n${result.stdout}${result.stderr}`);
  html = readFileSync(join(out, "courses/training-rights/components/index.html"), "utf8");
});

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(join(out, ".."), { recursive: true, force: true });
});

/** The HTML of the first element with this data- attribute. */
function block(attribute: string): string {
  const start = html.indexOf(attribute);
  expect(start, attribute).toBeGreaterThan(-1);
  return html.slice(
    start,
    html.indexOf("</aside>", start) > 0 ? html.indexOf("</aside>", start) : start + 600,
  );
}

describe("author components in a built lesson", () => {
  it("renders Callout with its type, default and custom headings", () => {
    expect(block('data-callout="warning"')).toContain("常见误区");
    expect(block('data-callout="warning"')).toContain("培训不是可有可无的福利");
    expect(block('data-callout="note"')).toContain("说明");
  });

  it("renders Objectives, KeyPoint and Question with their labels", () => {
    expect(html).toMatch(
      /data-objectives[^>]*>\s*<p[^>]*>学习目标<\/p>[\s\S]*?<li>说出培训上岗制度的要求<\/li>/,
    );
    expect(block("data-key-point")).toContain("要点");
    expect(block("data-question")).toContain("讨论");
    expect(block("data-question")).toContain("你所在单位的新职工上岗前接受了哪些培训？");
  });

  it("labels components in the language of the lesson", () => {
    const english = readFileSync(
      join(out, "courses/training-rights/english-note/index.html"),
      "utf8",
    );
    expect(english).toMatch(/data-callout="tip"[^>]*>\s*<p[^>]*>Tip<\/p>/);
  });

  it("renders Steps as an ordered list", () => {
    expect(html).toMatch(/data-steps[^>]*>\s*<ol>\s*<li>了解本单位的培训制度<\/li>/);
  });

  it("links a Term to its glossary entry with the Chinese term", () => {
    expect(html).toMatch(
      /<a[^>]*href="\/glossary\/#term-employee-education-funds"[^>]*>职工教育经费<\/a>/,
    );
  });

  it("renders Figure with alt text and a caption", () => {
    expect(html).toMatch(/<figure[^>]*>\s*<img[^>]*src="\/favicon.svg"[^>]*alt="工会徽标"/);
    expect(html).toMatch(/<figcaption[^>]*>\s*示例图片<span[^>]*>（图片来源：测试）<\/span>/);
  });

  it("drops {/* comments */} and shows escaped braces and &lt; as text (issue 18, item 9)", () => {
    expect(html).not.toContain("编辑备注");
    expect(html).toContain("公式写作 { 金额 } ；年龄&lt;18岁。");
  });

  it("still renders Cite", () => {
    expect(html).toContain('href="/policies/vocational-education-law-2022/#art-58"');
  });
});

describe("a body with code, compiled by Astro on a site that allows it", () => {
  const compiled = () =>
    readFileSync(join(out, "courses/training-rights/compiled/index.html"), "utf8");

  it("runs the code and draws the components exactly as the loader does", () => {
    const page = compiled();
    expect(page).toContain("共 6 项");
    const callout = (source: string) => /<aside class="callout[\s\S]*?<\/aside>/.exec(source)?.[0];
    expect(callout(page)).toBe(callout(html));
    expect(page).toContain(
      '<a class="cite-link" href="/policies/vocational-education-law-2022/#art-58" lang="zh-CN">《职业教育法》第五十八条</a>',
    );
  });

  it("numbers its citations in the print view", () => {
    const print = readFileSync(
      join(out, "print/courses/training-rights/compiled/index.html"),
      "utf8",
    );
    expect(print).toMatch(
      /<span class="print-cite" lang="zh-CN">《职业教育法》第五十八条<\/span><sup class="footnote-ref"><a href="#appendix-1"/,
    );
  });
});

describe("extractQuestions", () => {
  it("finds <Question> texts and lines, skipping code examples", () => {
    const body =
      "前言\n\n<Question>\n你怎么看**培训**？\n</Question>\n\n```mdx\n<Question>示例</Question>\n```\n<Question>第二题</Question>\n";
    expect(extractQuestions(body, 10)).toEqual([
      { text: "你怎么看培训？", line: 12 },
      { text: "第二题", line: 19 },
    ]);
  });
});

describe("npm run check on wrong component props", () => {
  it("names the file, line, what was expected and a hint", () => {
    const dir = fixtureContent();
    cpSync(join(ROOT, "tests/fixtures/invalid/bad-props"), dir, { recursive: true });
    const result = runScript("check.ts", ["--content", dir]);
    rmSync(dir, { recursive: true, force: true });
    const output = `${result.stdout}${result.stderr}`.replaceAll(dir, "<content>");
    expect(result.status).toBe(1);
    const file = "<content>/courses/training-rights/03-bad-props.mdx";
    expect(output).toContain(
      `${file}:11\n  problem:  <Callout> type must be one of note, tip, warning`,
    );
    expect(output).toContain('found:    "danger"');
    expect(output).toContain(`${file}:15\n  problem:  <Figure> needs alt="…"`);
    expect(output).toContain(
      `${file}:17\n  problem:  <Term> links a glossary term that does not exist: “employee-education-fund”`,
    );
    expect(output).toContain("did you mean “employee-education-funds”?");
    expect(output).toContain(`${file}:19\n  problem:  <Callout> has an unknown prop “kind”`);
    expect(output).toContain(
      `${file}:21\n  problem:  <Figure> src must be an image in the public/ folder`,
    );
    expect(output).toContain(`${file}:23\n  problem:  <Question> has no question in it`);
    expect(output).toContain("6 errors, 0 warnings");
  });
});
