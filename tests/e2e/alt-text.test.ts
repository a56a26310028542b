/**
 * Issue 9: alt text is required for content images; a missing alt fails `npm run check`
 * (before any page is built, so no browser is needed here).
 */
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Appends MDX to the first lesson of the valid fixture and runs the check. */
function checkWith(mdx: string) {
  const dir = fixtureContent();
  made.push(dir);
  appendFileSync(join(dir, "courses/training-rights/01-duties.mdx"), `\n${mdx}\n`);
  const result = runScript("check.ts", ["--content", dir]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("alt text for content images", () => {
  it("a <Figure> without alt fails the check with a hint", () => {
    const { status, output } = checkWith('<Figure src="/favicon.svg" caption="课堂" />');
    expect(status).toBe(1);
    expect(output).toContain('<Figure> needs alt="…"');
    expect(output).toContain("hint:     alt describes the picture");
  });

  it("a <Figure> with alt passes", () => {
    const { status } = checkWith('<Figure src="/favicon.svg" alt="工会会徽" caption="课堂" />');
    expect(status).toBe(0);
  });

  it("a Markdown image with empty alt fails the check with the line", () => {
    const { status, output } = checkWith("![](/favicon.svg)");
    expect(status).toBe(1);
    expect(output).toContain("an image without alt text");
    expect(output).toMatch(/01-duties\.mdx:\d+/);
  });

  it("an <img> without alt fails too; one with alt passes", () => {
    expect(checkWith('<img src="/favicon.svg" />').output).toContain("an <img> without alt text");
    expect(checkWith("![工会会徽](/favicon.svg)").status).toBe(0);
  });
});
