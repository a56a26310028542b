/**
 * Issue 18 items 2, 8 and 9: hostile and broken MDX bodies, checked in-process
 * against the library check (no child process per case). Each body replaces
 * the body of one lesson of the valid fixture; the check must report the
 * planted problem at its line, with a hint, or, for the must-pass rows, nothing.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { fixtureContent, ROOT } from "../helpers/fixtures.ts";

const dir = fixtureContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LESSON = "courses/training-rights/01-duties.mdx";
const original = readFileSync(join(dir, LESSON), "utf8");
/** The lesson's frontmatter, up to and including the closing fence. */
const frontmatter = original.slice(0, original.indexOf("\n---\n") + 5);
/** File line of the body's first line. */
const BODY_LINE = frontmatter.split("\n").length;
// A picture beside the lesson, for the must-pass relative image.
writeFileSync(join(dir, "courses/training-rights/class.png"), "not really a PNG");

const CITE = '<Cite policy="vocational-education-law-2022" article={24} />';

/** Checks the fixture with the lesson's body replaced; returns that lesson's problems. */
function checkBody(body: string) {
  writeFileSync(join(dir, LESSON), frontmatter + body);
  const { problems } = checkKnowledgeBase(dir, ROOT);
  return problems.filter((p) => p.file.endsWith(LESSON));
}

/** name, body, words of the problem, line in the body (1-based). */
const hostile: [name: string, body: string, words: string, bodyLine: number][] = [
  // Item 2: code in component tags.
  [
    "spread that writes a file",
    '<Callout {...(process.getBuiltinModule("fs").writeFileSync("/tmp/x", "y"), null)}>\n文字\n</Callout>',
    "code inside the <Callout> tag",
    1,
  ],
  [
    "spread that leaks the environment",
    '段落\n\n<Callout {...(Object.fromEntries([["title", process.env.HOME + " " + process.env.PATH]]))}>x</Callout>',
    "code inside the <Callout> tag",
    3,
  ],
  [
    "spread on Cite",
    `<Cite {...x} policy="vocational-education-law-2022" article={24} />`,
    "code inside the <Cite> tag",
    1,
  ],
  ["spread on an HTML element", "<div {...globalThis}>x</div>", "code inside the <div> tag", 1],
  [
    "expression value",
    "<Callout title={process.env.HOME}>x</Callout>",
    "the value of title is code",
    1,
  ],
  [
    "template literal value",
    "<Callout title={`文字`}>x</Callout>",
    "the value of title is code",
    1,
  ],
  [
    "arithmetic value",
    '<Cite policy="vocational-education-law-2022" article={23 + 1} />',
    "the value of article is code",
    1,
  ],
  ["array value", "<Callout title={[1]}>x</Callout>", "the value of title is code", 1],
  [
    "string concatenation",
    '<Callout title={"a" + "b"}>x</Callout>',
    "the value of title is code",
    1,
  ],
  [
    "string with escapes",
    '<Callout title={"\\u0041"}>x</Callout>',
    "the value of title is code",
    1,
  ],
  ["arrow function value", "<Callout title={() => 1}>x</Callout>", "the value of title is code", 1],
  ["JSX value", "<Callout title={<b>x</b>}>x</Callout>", "the value of title is code", 1],
  [
    "comment then code in a value",
    "<Callout title={/* c */ globalThis}>x</Callout>",
    "the value of title is code",
    1,
  ],
  // Item 2: code in the text.
  ["expression in text", "经费比例为 {1.5 * 2}%。", "a curly brace “{” in the text", 1],
  ["expression on its own line", "前言\n\n{process.exit(1)}", "a curly brace “{” in the text", 3],
  [
    "expression in a component",
    "<Callout>\n{globalThis.x}\n</Callout>",
    "a curly brace “{” in the text",
    2,
  ],
  ["comment followed by code", "{/* 注释 */ process.exit(1)}", "a curly brace “{” in the text", 1],
  ["import", 'import fs from "node:fs";\n\n正文', "an import/export statement in content", 1],
  ["export", "正文\n\nexport const x = 1;", "an import/export statement in content", 3],
  // Item 2: elements that run code, load pages or change the whole page.
  ["script", '<script>alert("x")</script>', "raw <script> in content", 1],
  ["script inside svg", "<svg><script>alert(1)</script></svg>", "raw <script> in content", 1],
  ["namespaced script", "<svg:script>alert(1)</svg:script>", "raw <script> in content", 1],
  ["iframe", '<iframe src="https://example.org" />', "embedded frame or object", 1],
  ["object", '<object data="x.swf" />', "embedded frame or object", 1],
  ["embed", '<embed src="x.swf" />', "embedded frame or object", 1],
  [
    "meta refresh",
    '<meta http-equiv="refresh" content="0;url=https://example.org" />',
    'a <meta http-equiv="…"> in content',
    1,
  ],
  ["meta", '<meta name="robots" content="noindex" />', "a <meta> element in content", 1],
  ["base", '<base href="https://example.org/" />', "a <base> element in content", 1],
  [
    "link",
    '<link rel="stylesheet" href="https://example.org/x.css" />',
    "a <link> element in content",
    1,
  ],
  [
    "form",
    '<form action="https://example.org"><input name="q" /></form>',
    "a <form> element in content",
    1,
  ],
  ["style", "<style>{'body{display:none}'}</style>", "a <style> element in content", 1],
  [
    "svg animate rewriting a link",
    '<svg><a><animate attributeName="href" values="javascript:alert(1)" /></a></svg>',
    "an SVG <animate> element",
    1,
  ],
  ["onclick", '<a href="#" onclick="alert(1)">x</a>', "an HTML event handler attribute", 1],
  [
    "onerror on img",
    '<img src="/favicon.svg" alt="x" onerror="alert(1)" />',
    "an HTML event handler attribute",
    1,
  ],
  [
    "upper-case ONCLICK",
    '<a href="#" ONCLICK="alert(1)">x</a>',
    "an HTML event handler attribute",
    1,
  ],
  [
    "onClick on a component",
    '<Callout onClick="alert(1)">x</Callout>',
    "an HTML event handler attribute",
    1,
  ],
  // Item 2: addresses that run code, however written.
  [
    "javascript: link",
    "[点这里](javascript:alert(1))",
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "upper-case scheme",
    "[点这里](JAVASCRIPT:alert(1))",
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "entity in the scheme",
    "[点这里](jav&#97;script:alert(1))",
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "hex entity in the scheme",
    "[点这里](&#x6A;avascript:alert(1))",
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "reference-style link",
    "[点这里][j]\n\n[j]: javascript:alert(1)",
    "javascript:, vbscript: or data: address",
    3,
  ],
  [
    "reference definition with an entity",
    "[点这里][j]\n\n[j]: jav&#x61;script:alert(1)",
    "javascript:, vbscript: or data: address",
    3,
  ],
  [
    "data: image",
    "![图](data:image/svg+xml;base64,PHN2Zz4=)",
    "javascript:, vbscript: or data: address",
    1,
  ],
  ["vbscript: link", "[x](vbscript:msgbox)", "javascript:, vbscript: or data: address", 1],
  [
    "javascript: href",
    '<a href="javascript:alert(1)">x</a>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "tab entity inside the scheme",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "leading space",
    '<a href=" javascript:alert(1)">x</a>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "href as a literal string",
    '<a href={"javascript:alert(1)"}>x</a>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "xlink:href",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "formaction",
    '<button formaction="javascript:alert(1)">x</button>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  [
    "data: html link",
    '<a href="data:text/html,hello">x</a>',
    "javascript:, vbscript: or data: address",
    1,
  ],
  // Item 8: bodies that would take the regular expressions, or the parser, superlinear time.
  ["many <a with no >", "<a ".repeat(30_000), "too full of markup", 1],
  ["many onclick= in one tag-like run", "<a onclick=".repeat(10_000), "too full of markup", 1],
  ["many <img without alt", "<img ".repeat(20_000), "too full of markup", 1],
  ["many unclosed braces", `文字\n\n${"{".repeat(50_000)}`, "too full of markup", 3],
  ["many entities in one paragraph", "&amp;".repeat(40_000), "too full of markup", 1],
  ["deeply nested block quotes", "> ".repeat(100_000), "too full of markup", 1],
  [
    "deeply nested unclosed components",
    `${"<Callout>\n\n".repeat(2_500)}${"职工教育经费。\n\n".repeat(60_000)}`,
    "too many tags and curly braces",
    1,
  ],
  // Item 9: what passed the check and then broke the build.
  ["bare < before a digit", "年龄<18岁的未成年工", "a bare “<” in the text", 1],
  ["bare < in a sentence", "前言\n\n月工资<5000元的职工", "a bare “<” in the text", 3],
  ["bare <=", "如果 a <= b", "a bare “<” in the text", 1],
  ["HTML comment", "正文\n\n<!-- 待补充 -->", "HTML comments are not MDX; write {/* … */}", 3],
  [
    "article with a leading zero",
    '<Cite policy="vocational-education-law-2022" article={024} />',
    "starts with 0",
    1,
  ],
  ["unclosed brace", "正文 {1 +", "a curly brace “{” that is never closed", 1],
  ["unclosed component", '<Callout type="note">\n注意经费的用途。', "<Callout> is never closed", 1],
  ["mismatched closing tag", "<b>粗体</i>", "closing tag </i> does not match <b>", 1],
  [
    "stray closing tag",
    "正文\n\n</Callout>",
    "closing tag </Callout> does not match any opening tag",
    3,
  ],
  ["void element without slash", "第一行<br>第二行", "<br> must be written as <br /> in MDX", 1],
  ["unquoted attribute", "<Callout title=注意 />", "a tag MDX cannot read", 1],
  [
    "image out of the knowledge base",
    "![x](../../../../etc/passwd)",
    "is outside the knowledge base",
    1,
  ],
  [
    "encoded traversal",
    "![x](..%2F..%2F..%2F..%2Fetc%2Fpasswd)",
    "is outside the knowledge base",
    1,
  ],
  ["image out of public/", "![x](/../../../etc/passwd)", "is outside the public/ folder", 1],
  [
    "image by reference",
    "![x][p]\n\n[p]: ../../../../etc/passwd",
    "is outside the knowledge base",
    1,
  ],
  ["missing image", "![课堂](./missing.png)", "does not exist", 1],
  ["missing public image", "![课堂](/images/missing.png)", "does not exist", 1],
  ["file: image", "![x](file:///etc/passwd)", "is not a web address or a file", 1],
  ["NUL byte", "正文\u0000正文", "an invisible control character", 1],
  ["escape character", "第一段\n\n正\u001b[31m文", "an invisible control character", 3],
  ["backspace", "正\bx文", "an invisible control character", 1],
  // Existing rules, now over the parse.
  ["unknown component", "<Calout>x</Calout>", "unknown component <Calout>", 1],
  ["Markdown image without alt", "![](/favicon.svg)", "an image without alt text", 1],
  ["img without alt", '<img src="/favicon.svg" />', "an <img> without alt text", 1],
  [
    "article out of range",
    '<Cite policy="vocational-education-law-2022" article={999} />',
    "which has no such article",
    1,
  ],
  ["empty question", "<Question></Question>", "<Question> has no question in it", 1],
];

/** Bodies that must pass: what authors are told to write, and look-alikes in code. */
const valid: [name: string, body: string][] = [
  ["escaped braces", "公式写作 \\{ 金额 \\} 。"],
  ["a comment", "正文 {/* 给编辑的备注 */} 正文"],
  ["a comment block", "{/*\n 多行\n 备注\n*/}\n\n正文"],
  ["a line comment", "{// 备注\n}\n\n正文"],
  ["a citation", `企业应当实行培训上岗制度，见 ${CITE}。`],
  ["entities and full-width signs", "年龄&lt;18岁，或者年龄＜18岁；a < b"],
  [
    "script and braces in a code block",
    '```html\n<script>alert("x")</script>\n{process.exit(1)}\n```',
  ],
  ["javascript: and braces in inline code", "写作 `javascript:alert(1)` 或 `{x}` 都不会运行。"],
  ["HTML comment in a code block", "```\n<!-- 注释 -->\n```"],
  ["literal props", '<Callout type="tip" title={"提示"}>\n经费\n\n专款专用。\n</Callout>'],
  ["a web link and a site link", "[法律](https://example.org/law) 与 [课程](/courses/)"],
  ["an HTML link", '<a href="https://example.org">链接</a>'],
  ["an image with alt in public/", "![工会会徽](/favicon.svg)"],
  ["an img with alt", '<img src="/favicon.svg" alt="工会会徽" />'],
  ["an image beside the lesson", "![课堂](./class.png)"],
  ["a Figure", '<Figure src="/favicon.svg" alt="工会会徽" caption="会徽" />'],
  ["tabs and CRLF line endings", `第一行\r\n\r\n\t缩进\r\n\r\n${CITE}\r\n`],
  ["a question with emphasis", "<Question>\n你怎么看**培训**？\n</Question>"],
  [
    "a long realistic body",
    `${"职工教育经费应当专款专用，企业应当按规定提取。".repeat(20)}${CITE}\n\n`.repeat(300),
  ],
];

describe("hostile MDX bodies are reported with file, line, what and a hint", () => {
  it.each(hostile)("%s", (_name, body, words, line) => {
    const problems = checkBody(body);
    const match = problems.find((p) => p.message.includes(words));
    expect(match, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(match?.severity).toBe("error");
    expect(match?.line).toBe(BODY_LINE + line - 1);
    expect(match?.hint).toBeTruthy();
  });
});

describe("what authors are told to write passes", () => {
  it.each(valid)("%s", (_name, body) => {
    expect(checkBody(body)).toEqual([]);
  });
});

describe("the check takes linear time (item 8)", () => {
  it.each([
    ["<a ", "<a ", true],
    ["<a onclick=", "<a onclick=", true],
    ["<img ", "<img ", true],
    ["<a  with blank lines", "<a \n\n", true],
    ["short paragraphs with entities and citations", `职工&amp;教育${CITE}\n\n`, false],
    ["unclosed braces in separate paragraphs", "{\n\n", true],
    ["braces hidden behind code spans", "`}`\n\n{\n\n", true],
    ["unclosed blocks with closing tags in code", "<Callout>\n\n`</Callout>`\n\n", true],
    ["unclosed inline components", "<Callout>注意\n\n", true],
    ["unclosed text expressions", "文字 {\n\n", true],
    ["unclosed quotes in tags", "<Callout title='\n\n", true],
  ])("a 1.9 MB body of %s is checked in under 5 s", (_name, unit, fails) => {
    const body = unit.repeat(Math.floor(1_900_000 / Buffer.byteLength(unit)));
    const started = performance.now();
    const problems = checkBody(body);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems.length > 0).toBe(fails);
  });
});
