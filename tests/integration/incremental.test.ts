import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "../../src/lib/kb/content-dir.ts";
import { fingerprint, fixtureContent, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-incremental-"));
let content: string;

function build(out: string): string {
  const result = runScript("build.ts", ["--content", content, "--out", join(temp, out)]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout + result.stderr;
}

const page = (out: string, path: string) =>
  readFileSync(join(temp, out, path, "index.html"), "utf8");

/** Each test runs two builds: on a busy shared machine that can take longer than the default. */
const BUILDS_TIMEOUT = 600_000;

let coldLog = "";
beforeAll(() => {
  content = fixtureContent();
  coldLog = build("cold");
});
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
  rmSync(cacheDirFor(content), { recursive: true, force: true });
});

describe("a second build", { timeout: BUILDS_TIMEOUT }, () => {
  it("with unchanged content reuses the pages and the search index, byte for byte", () => {
    expect(coldLog).toMatch(/Search: indexed \d+ pages/);
    const log = build("warm");
    expect(log).toMatch(/Search: pages unchanged, reused the previous index of \d+ pages/);
    expect(log).not.toMatch(/warn/i);
    expect(fingerprint(join(temp, "warm"))).toEqual(fingerprint(join(temp, "cold")));
  });

  /**
   * The strongest check of the cache keys: after an edit, the incremental
   * build must equal a full build of the edited content, byte for byte.
   */
  function expectSameAsFullBuild(out: string): void {
    const fresh = fixtureContent();
    cpSync(content, fresh, { recursive: true });
    const result = runScript("build.ts", ["--content", fresh, "--out", join(temp, `${out}-full`)]);
    rmSync(fresh, { recursive: true, force: true });
    rmSync(cacheDirFor(fresh), { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(fingerprint(join(temp, out))).toEqual(fingerprint(join(temp, `${out}-full`)));
  }

  it("after a lesson's text changed equals a full build (cited-by lists, reading time, print views)", () => {
    const file = join(content, "courses/training-rights/02-funds.mdx");
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\n职工有权参加培训（<Cite policy="vocational-education-law-2022" article={24} />），经费也应当用于一线职工的培训。培训应当计入工作时间，企业不得因此扣减工资。\n`,
    );
    expect(build("body")).toMatch(/Search: indexed \d+ pages/);
    expect(page("body", "courses/training-rights/funds")).toContain("经费也应当用于一线职工的培训");
    expectSameAsFullBuild("body");
  });

  it("after a lesson's title changed equals a full build, with the new title on every page that names it", () => {
    const file = join(content, "courses/training-rights/01-duties.mdx");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("企业的培训义务", "企业对职工的培训义务"),
    );
    expect(build("title")).toMatch(/Search: indexed \d+ pages/);
    for (const path of [
      "courses/training-rights/duties",
      "courses/training-rights",
      "courses/training-rights/funds",
      "print/courses/training-rights",
    ]) {
      // None of these pages had this text before: it is rendered, not copied.
      expect(page("title", path), path).toContain("企业对职工的培训义务");
    }
    expectSameAsFullBuild("title");
  });
});

describe("a second build of a site with a law's version-free address", {
  timeout: BUILDS_TIMEOUT,
}, () => {
  it("copies the redirect page and still leaves it out of the sitemap, byte for byte as the first", () => {
    // The page used to leave itself out of the sitemap when it rendered; a
    // build that copies it from the cache does not render it, and the
    // sitemap listed /policies/vocational-education-law/ again.
    const versions = fixtureContent("law-versions", "extra");
    const out = (name: string) => join(temp, `versions-${name}`);
    try {
      for (const name of ["cold", "warm"]) {
        const result = runScript("build.ts", ["--content", versions, "--out", out(name)]);
        expect(result.status, result.stderr).toBe(0);
      }
      const sitemap = readFileSync(join(out("warm"), "sitemap-0.xml"), "utf8");
      expect(sitemap).toContain("/policies/vocational-education-law-2022/");
      expect(sitemap).not.toContain("/policies/vocational-education-law/");
      expect(fingerprint(out("warm"))).toEqual(fingerprint(out("cold")));
    } finally {
      rmSync(versions, { recursive: true, force: true });
      rmSync(cacheDirFor(versions), { recursive: true, force: true });
    }
  });
});
