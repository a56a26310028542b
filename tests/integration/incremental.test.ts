import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "../../src/lib/content-dir.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-incremental-"));
let content: string;

/** Every file of a built site with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
    f.isFile(),
  );
  return Object.fromEntries(
    files.map((f) => {
      const path = join(f.parentPath, f.name);
      return [
        path.slice(dir.length + 1),
        createHash("sha256").update(readFileSync(path)).digest("hex"),
      ];
    }),
  );
}

function build(out: string): string {
  const result = runScript("build.ts", ["--content", content, "--out", join(temp, out)]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout + result.stderr;
}

const page = (out: string, path: string) =>
  readFileSync(join(temp, out, path, "index.html"), "utf8");

beforeAll(() => {
  content = fixtureContent();
});
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
  rmSync(cacheDirFor(content), { recursive: true, force: true });
});

describe("a second build", () => {
  it("with unchanged content reuses the pages and the search index, byte for byte", () => {
    expect(build("cold")).toMatch(/Search: indexed \d+ pages/);
    const log = build("warm");
    expect(log).toMatch(/Search: pages unchanged, reused the previous index of \d+ pages/);
    expect(log).not.toMatch(/warn/i);
    expect(fingerprint(join(temp, "warm"))).toEqual(fingerprint(join(temp, "cold")));
  });

  it("after one lesson's title changed shows the new title on every page that names it", () => {
    const file = join(content, "courses/training-rights/01-duties.mdx");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("企业的培训义务", "企业对职工的培训义务"),
    );
    const log = build("changed");
    expect(log).toMatch(/Search: indexed \d+ pages/);
    for (const path of [
      "courses/training-rights/duties",
      "courses/training-rights",
      "courses/training-rights/funds",
      "print/courses/training-rights",
    ]) {
      const html = page("changed", path);
      // None of these pages had this text before: it is rendered, not copied.
      expect(html, path).toContain("企业对职工的培训义务");
    }
  });
});
