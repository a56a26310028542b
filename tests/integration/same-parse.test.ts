import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("what passes the check is what gets built", () => {
  it("a title that looks like a date is built as the text the check read", () => {
    // js-yaml (Astro's own loaders and MDX frontmatter) reads 2024-05-01 as a
    // Date, and the build failed on it with no file named; the check's YAML
    // reader reads text. Both now come from the check's parse.
    const content = fixtureContent();
    const out = join(mkdtempSync(join(tmpdir(), "union-kb-same-parse-")), "dist");
    made.push(content, join(out, ".."));
    const lesson = join(content, "courses/training-rights/01-duties.mdx");
    writeFileSync(
      lesson,
      readFileSync(lesson, "utf8").replace(/^title: .*$/m, "title: 2024-05-01"),
    );
    const result = runScript("build.ts", ["--content", content, "--out", out]);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const html = readFileSync(join(out, "courses/training-rights/duties/index.html"), "utf8");
    expect(html).toMatch(/<h1[^>]*>2024-05-01<\/h1>/);
  });
});
