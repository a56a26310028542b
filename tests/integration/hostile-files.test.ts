import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase, entryCounts } from "../../src/lib/check/check.ts";
import { formatProblem, type Problem } from "../../src/lib/kb/problems.ts";
import { fixtureContent } from "../helpers/fixtures.ts";

/**
 * Broken and hostile files and folders — the kind a careless copy, a damaged
 * disk or an attacker leaves in a content folder — each run through the check
 * in this process. None may throw (a stack trace); each gets a message naming
 * the path, and the check must not hang.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const LESSON = "courses/training-rights/01-duties.mdx";

/** Replaces the first occurrence of `from` in a fixture file. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

/** A YAML file whose aliases expand to 10^9 values if followed (the “billion laughs”). */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
  }
  return `${lines.join("\n")}\n`;
}

interface Row {
  name: string;
  setup(dir: string): void;
  /** Path (relative to the content folder) and line the problem must name. */
  where: string;
  words: string;
  severity?: "error" | "warning";
}

const rows: Row[] = [
  // The check and the build read YAML alike (issue: a wrong site, built silently).
  {
    name: "a custom YAML tag in topics.yaml",
    setup: (d) => edit(d, "topics.yaml", "zh: 职业培训", "zh: !zh 职业培训"),
    where: "topics.yaml:2",
    words: "an unknown tag (!zh)",
  },
  {
    name: "a NUL byte in glossary.yaml",
    setup: (d) => edit(d, "glossary.yaml", "职业学校教育", "职业学校\u0000教育"),
    where: "glossary.yaml:5",
    words: "invisible control character (U+0000)",
  },
  {
    name: "a custom tag in lesson frontmatter",
    setup: (d) => edit(d, LESSON, /^title: .*$/m, "title: !note x"),
    where: `${LESSON}:2`,
    words: "an unknown tag (!note)",
  },
  {
    name: "a NUL byte in lesson frontmatter",
    setup: (d) => edit(d, LESSON, /^title: (.*)$/m, "title: $1\u0000"),
    where: `${LESSON}:2`,
    words: "invisible control character (U+0000)",
  },
  {
    name: "an escape character in a lesson body",
    setup: (d) => edit(d, LESSON, /\n\n/, "\n\n\u001b[31m\n\n"),
    where: LESSON,
    words: "invisible control character (U+001B)",
  },
  {
    name: "a YAML alias bomb in site.yaml",
    setup: (d) => writeFileSync(join(d, "site.yaml"), aliasBomb()),
    where: "site.yaml:1",
    words: "Excessive alias count",
  },
  {
    name: "more than 100 aliases in course.yaml",
    setup: (d) =>
      writeFileSync(
        join(d, "courses/training-rights/course.yaml"),
        `x: &x a\nlist: [${Array(120).fill("*x").join(", ")}]\n`,
      ),
    where: "courses/training-rights/course.yaml:1",
    words: "Excessive alias count",
  },
  {
    name: "an indented opening frontmatter fence",
    setup: (d) => edit(d, LESSON, /^---/, "  ---"),
    where: `${LESSON}:1`,
    words: "the opening “---” of the frontmatter is indented",
  },
  {
    name: "an indented closing frontmatter fence",
    setup: (d) => edit(d, LESSON, /\n---\n/, "\n  ---\n"),
    where: LESSON,
    words: "the closing “---” of the frontmatter is indented",
  },
  {
    name: "frontmatter that is never closed",
    setup: (d) => edit(d, LESSON, /\n---\n/, "\n\n"),
    where: `${LESSON}:1`,
    words: "the frontmatter is never closed",
  },
  // Links and folders where files should be (issue: stack traces from the check).
  {
    name: "a dangling symlink in cases/",
    setup: (d) => symlinkSync(join(d, "nowhere.mdx"), join(d, "cases/gone.mdx")),
    where: "cases/gone.mdx",
    words: "a link to a file or folder that does not exist",
  },
  {
    name: "a dangling symlink in courses/",
    setup: (d) => symlinkSync(join(d, "nowhere"), join(d, "courses/gone")),
    where: "courses/gone",
    words: "a link to a file or folder that does not exist",
  },
  {
    name: "a dangling symlink as a lesson",
    setup: (d) =>
      symlinkSync(join(d, "nowhere.mdx"), join(d, "courses/training-rights/03-gone.mdx")),
    where: "courses/training-rights/03-gone.mdx",
    words: "a link to a file or folder that does not exist",
  },
  {
    name: "a dangling symlink in policies/",
    setup: (d) => symlinkSync(join(d, "nowhere"), join(d, "policies/gone")),
    where: "policies/gone",
    words: "a link to a file or folder that does not exist",
  },
  {
    name: "a symlink that points to itself in cases/",
    setup: (d) => symlinkSync(join(d, "cases/loop.mdx"), join(d, "cases/loop.mdx")),
    where: "cases/loop.mdx",
    words: "points to itself",
  },
  {
    name: "a folder named like a case file",
    setup: (d) => mkdirSync(join(d, "cases/folder.mdx")),
    where: "cases/folder.mdx",
    words: "this is a folder, but a content file has this name",
  },
  {
    name: "a folder named course.yaml",
    setup: (d) => {
      rmSync(join(d, "courses/training-rights/course.yaml"));
      mkdirSync(join(d, "courses/training-rights/course.yaml"));
    },
    where: "courses/training-rights/course.yaml",
    words: "this is a folder, but a content file has this name",
  },
  {
    name: "a folder named text.zh.md",
    setup: (d) => {
      const text = join(d, "policies/vocational-education-law-2022/text.zh.md");
      rmSync(text);
      mkdirSync(text);
    },
    where: "policies/vocational-education-law-2022/text.zh.md",
    words: "this is a folder, but a content file has this name",
  },
  {
    name: "a named pipe as a case file (must not hang)",
    setup: (d) => execFileSync("mkfifo", [join(d, "cases/pipe.mdx")]),
    where: "cases/pipe.mdx",
    words: "this is not an ordinary file",
  },
  // Files that are silently ignored today (issue: low).
  {
    name: "a case written as .md",
    setup: (d) => renameSync(join(d, "cases/training-refused.mdx"), join(d, "cases/copy.md")),
    where: "cases/copy.md",
    words: "case files end in “.mdx”",
    severity: "warning",
  },
  {
    name: "a case written as .MDX",
    setup: (d) => renameSync(join(d, "cases/training-refused.mdx"), join(d, "cases/copy.MDX")),
    where: "cases/copy.MDX",
    words: "rename it to copy.mdx",
    severity: "warning",
  },
  {
    name: "glossary.yml instead of glossary.yaml",
    setup: (d) => renameSync(join(d, "glossary.yaml"), join(d, "glossary.yml")),
    where: "glossary.yml",
    words: "rename it to glossary.yaml",
    severity: "warning",
  },
  {
    name: "a misspelt folder",
    setup: (d) => mkdirSync(join(d, "case")),
    where: "case",
    words: "did you mean cases?",
    severity: "warning",
  },
  {
    name: "a lesson-like file at the top of the content folder",
    setup: (d) => writeFileSync(join(d, "notes.mdx"), "---\ntitle: x\n---\n"),
    where: "notes.mdx",
    words: "entries go into a folder",
    severity: "warning",
  },
];

describe("hostile and broken files get a message, never a stack trace", () => {
  it.each(rows)("$name", ({ setup, where, words, severity = "error" }) => {
    const dir = fixtureContent();
    made.push(dir);
    setup(dir);
    const { problems } = checkKnowledgeBase(dir, dir);
    const report = problems.map(formatProblem).join("\n\n");
    const found = problems.find(
      (p: Problem) => p.message.includes(words) || p.hint?.includes(words),
    );
    expect(found, report).toBeDefined();
    expect(found?.severity).toBe(severity);
    const [file, line] = where.split(":");
    expect(found?.file).toBe(file);
    if (line) expect(found?.line).toBe(Number(line));
  });
});

describe("the check and the build count the same entries", () => {
  it("hidden folders (drafts) under cases/ are read by neither", () => {
    const dir = fixtureContent();
    made.push(dir);
    mkdirSync(join(dir, "cases/.drafts"));
    writeFileSync(
      join(dir, "cases/.drafts/draft.mdx"),
      readFileSync(join(dir, "cases/training-refused.mdx")),
    );
    const { kb, problems } = checkKnowledgeBase(dir, dir);
    expect(problems).toEqual([]);
    expect(entryCounts(kb).cases).toBe(1);
  });

  it("a date-like title is text, as the build reads it", () => {
    const dir = fixtureContent();
    made.push(dir);
    edit(dir, LESSON, /^title: .*$/m, "title: 2024-05-01");
    const { kb, problems } = checkKnowledgeBase(dir, dir);
    expect(problems).toEqual([]);
    expect(kb.lessons.find((l) => l.slug === "duties")?.data.title).toBe("2024-05-01");
  });
});
