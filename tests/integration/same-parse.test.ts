import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Builds a knowledge base into a fresh folder; returns the folder and the build's output. */
function build(content: string) {
  const out = join(mkdtempSync(join(tmpdir(), "union-kb-same-parse-")), "dist");
  made.push(join(out, ".."));
  const result = runScript("build.ts", ["--content", content, "--out", out]);
  return { out, status: result.status, log: `${result.stdout}${result.stderr}` };
}

/** The second knowledge base of the first test: its build's folder. */
let secondOut = "";

describe("what passes the check is what gets built", () => {
  it("knowledge bases built one after the other each render their own MDX", () => {
    // Astro keeps one list of MDX modules per project; a second build of a
    // knowledge base whose entries were unchanged once left it holding the
    // other knowledge base's modules, and rendering failed.
    const first = fixtureContent();
    const second = fixtureContent();
    made.push(first, second);
    writeFileSync(
      join(second, "cases/training-refused.mdx"),
      readFileSync(join(second, "cases/training-refused.mdx"), "utf8").replace(
        "## ",
        "## 第二个知识库 ",
      ),
    );
    // For the next test (one build less): a lesson title that looks like a date.
    const lesson = join(second, "courses/training-rights/01-duties.mdx");
    writeFileSync(
      lesson,
      readFileSync(lesson, "utf8").replace(/^title: .*$/m, "title: 2024-05-01"),
    );
    for (const content of [first, second]) {
      const { out, status, log } = build(content);
      expect(status, log).toBe(0);
      if (content === second) secondOut = out;
    }
    // Back to the first: its MDX files are unchanged, but a topic's name is
    // not, so every page that shows it renders again.
    writeFileSync(
      join(first, "topics.yaml"),
      readFileSync(join(first, "topics.yaml"), "utf8").replace("zh: 职业培训", "zh: 职业技能培训"),
    );
    const again = build(first);
    expect(again.status, again.log).toBe(0);
    expect(
      readFileSync(join(again.out, "topics/vocational-training/index.html"), "utf8"),
    ).toContain("职业技能培训");
    // Each knowledge base's own MDX: the first has its heading, the second its own.
    expect(
      readFileSync(join(again.out, "cases/training-refused/index.html"), "utf8"),
    ).not.toContain("第二个知识库");
    expect(readFileSync(join(secondOut, "cases/training-refused/index.html"), "utf8")).toContain(
      "第二个知识库",
    );
  });

  it("a title that looks like a date is built as the text the check read", () => {
    // js-yaml (Astro's own loaders and MDX frontmatter) reads 2024-05-01 as a
    // Date, and the build failed on it with no file named; the check's YAML
    // reader reads text. Both now come from the check's parse. The knowledge
    // base is the second one of the test above (its lesson title was set to
    // 2024-05-01 there); run alone, this test builds it itself.
    if (!secondOut) {
      const content = fixtureContent();
      made.push(content);
      const lesson = join(content, "courses/training-rights/01-duties.mdx");
      writeFileSync(
        lesson,
        readFileSync(lesson, "utf8").replace(/^title: .*$/m, "title: 2024-05-01"),
      );
      const { out, status, log } = build(content);
      expect(status, log).toBe(0);
      secondOut = out;
    }
    const html = readFileSync(join(secondOut, "courses/training-rights/duties/index.html"), "utf8");
    expect(html).toMatch(/<h1[^>]*>2024-05-01<\/h1>/);
  });
});
