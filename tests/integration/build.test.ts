import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, fixtureBuildLog } from "../helpers/e2e.ts";
import { fixtureContent, ROOT, runScript } from "../helpers/fixtures.ts";

let content: string;
let out: string;
let buildOutput: string;
const page = (path: string) => readFileSync(join(out, path, "index.html"), "utf8");

beforeAll(async () => {
  content = fixtureContent();
  // `npm run build` of the valid fixture, made once for every test file that reads it
  // (tests/helpers/e2e.ts), with its log. This file's own copy of the site, because
  // "a failed build" below checks that a failed build leaves it untouched.
  const built = await buildFixtureSite();
  buildOutput = await fixtureBuildLog();
  out = join(mkdtempSync(join(tmpdir(), "union-kb-build-")), "dist");
  cpSync(built, out, { recursive: true });
});

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(join(out, ".."), { recursive: true, force: true });
});

describe("npm run build on the valid fixture", () => {
  it("reports what it built, with no warnings", () => {
    expect(buildOutput).toMatch(
      /Built 1 course, 2 lessons, 1 policy, 1 case, 3 glossary terms, 3 topics into .* in [\d.]+ s\./,
    );
    expect(buildOutput).not.toMatch(/warn/i);
  });

  it("indexes the searchable pages while Astro renders the others, on every kind of searchable page", async () => {
    // Each fixture build is cold (its own copy of the content, so its own
    // caches). Together they have every route of SEARCHABLE_ROUTES, and a
    // law's "current version" redirect page (law-versions), which is not
    // searched: a page marked searchable outside that list would make the
    // build index again after Astro, without "while Astro rendered".
    for (const scenario of [undefined, "events", "media", "law-versions"])
      expect(await fixtureBuildLog(scenario)).toMatch(
        /Search: indexed \d+ pages, .* while Astro rendered/,
      );
  }, 600_000);

  it("renders a lesson with its course, objectives, body and a citation link", () => {
    const html = page("courses/training-rights/duties");
    expect(html).toContain("企业的培训义务");
    expect(html).toContain("说出培训上岗制度的要求");
    expect(html).toMatch(
      /href="\/policies\/vocational-education-law-2022\/#art-24"[^>]*>《职业教育法》第二十四条</,
    );
    // The cited article's text travels with the link for hover/focus and print,
    // but stays out of the lesson's search record (the article has its own).
    expect(html).toMatch(
      /<span class="cite-text"[^>]*data-pagefind-ignore[^>]*>企业应当根据本单位实际/,
    );
  });

  it("orders lessons by file prefix and links previous/next", () => {
    const course = page("courses/training-rights");
    expect(course.indexOf("企业的培训义务")).toBeLessThan(course.indexOf("职工教育经费"));
    expect(page("courses/training-rights/duties")).toContain(
      'rel="next" href="/courses/training-rights/funds/"',
    );
  });

  it("renders the policy's full text with one anchor per article and cited-by lists", () => {
    const html = page("policies/vocational-education-law-2022");
    const anchors = [...html.matchAll(/id="art-(\d+)"/g)].map((m) => Number(m[1]));
    expect(anchors).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
    expect(html).toContain("第八章 附则");
    const article24 = html.slice(html.indexOf('id="art-24"'), html.indexOf('id="art-25"'));
    expect(article24).toContain('href="/courses/training-rights/duties/"');
  });

  it("labels a fictional case", () => {
    expect(page("cases/training-refused")).toContain("虚构案例");
  });
});

describe("a failed build", () => {
  it("exits 1 with the check's message and leaves the previous site untouched", () => {
    const before = readFileSync(join(out, "index.html"), "utf8");
    writeFileSync(join(content, "courses/training-rights/course.yaml"), "title: [unclosed\n");
    const result = runScript("build.ts", ["--content", content, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("courses/training-rights/course.yaml:");
    expect(result.stderr).toContain("The site was not built");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe(before);
    expect(existsSync(join(out, "..", `.dist-building-${result.pid}`))).toBe(false);
  });
});

describe("a knowledge base with nothing in it yet", () => {
  it("builds with a clean log (no warnings about empty collections) and calls nothing outside", () => {
    // Only site.yaml and topics.yaml: no courses, lessons, policies, cases or glossary.
    const dir = mkdtempSync(join(tmpdir(), "union-kb-empty-"));
    try {
      const kb = join(dir, "content");
      mkdirSync(kb);
      for (const file of ["site.yaml", "topics.yaml"])
        copyFileSync(join(content, file), join(kb, file));
      // Every fetch() of the build's processes is written down (Astro's
      // telemetry would be one: a union's server has no business calling out).
      const fetches = join(dir, "fetches.log");
      writeFileSync(fetches, "");
      const result = runScript("build.ts", ["--content", kb, "--out", join(dir, "dist")], {
        NODE_OPTIONS: `--import ${pathToFileURL(join(ROOT, "tests/helpers/record-fetch.mjs")).href}`,
        UNION_KB_FETCH_LOG: fetches,
      });
      const log = `${result.stdout}${result.stderr}`;
      expect(result.status, log).toBe(0);
      expect(readFileSync(fetches, "utf8")).toBe("");
      expect(log).toMatch(
        /Built 0 courses, 0 lessons, 0 policies, 0 cases, 0 glossary terms, 3 topics/,
      );
      expect(log).not.toMatch(/does not exist or is empty|warn/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
