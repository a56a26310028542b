import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateKnowledgeBase, planEntries } from "../../src/lib/bench/generate.ts";
import { pageAssets, pageType } from "../../src/lib/bench/measure.ts";
import { summariseProfiles } from "../../src/lib/bench/profile.ts";
import { median, medianFigures } from "../../src/lib/bench/report.ts";
import { runBench } from "../../src/lib/bench/run-bench.ts";
import { parseBuildLog, processOf } from "../../src/lib/bench/run-build.ts";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { refusalOf } from "../helpers/cli-output.ts";
import { runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-bench-test-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every file of a folder with its bytes, keyed by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  return new Map(
    files.flatMap((f) =>
      f.includes(".")
        ? [[relative(dir, join(dir, f)), readFileSync(join(dir, f), "utf8")] as const]
        : [],
    ),
  );
}

describe("bench generator", () => {
  it("generates a knowledge base that passes the check with no errors or warnings", () => {
    const dir = join(temp, "a");
    const counts = generateKnowledgeBase({ dir, entries: 50 });
    expect(counts.courses + counts.lessons + counts.policies + counts.cases).toBe(50);
    const result = checkKnowledgeBase(dir);
    expect(result.problems).toEqual([]);
    expect(result.kb.lessons).toHaveLength(counts.lessons);
    expect(result.kb.lawTexts.size).toBe(counts.policies);
  });

  it("spreads lessons over courses: no course collects the leftovers", () => {
    const dir = join(temp, "spread");
    const counts = generateKnowledgeBase({ dir, entries: 1000 });
    const sizes = readdirSync(join(dir, "courses")).map(
      (course) =>
        readdirSync(join(dir, "courses", course)).filter((f) => f.endsWith(".mdx")).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(counts.lessons);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
  });

  it("is deterministic: two generations are byte-identical", () => {
    generateKnowledgeBase({ dir: join(temp, "b"), entries: 50 });
    generateKnowledgeBase({ dir: join(temp, "c"), entries: 50 });
    const b = snapshot(join(temp, "b"));
    expect(b.size).toBeGreaterThan(40);
    expect(snapshot(join(temp, "c"))).toEqual(b);
  });

  it("changes with the seed", () => {
    generateKnowledgeBase({ dir: join(temp, "d"), entries: 20, seed: 1 });
    generateKnowledgeBase({ dir: join(temp, "e"), entries: 20, seed: 2 });
    expect(snapshot(join(temp, "d"))).not.toEqual(snapshot(join(temp, "e")));
  });

  it("writes entries of about 1,000 characters with valid citations", () => {
    const dir = join(temp, "a");
    const course = readdirSync(join(dir, "courses")).sort()[0] ?? "";
    const lesson = readdirSync(join(dir, "courses", course)).find((f) => f.endsWith(".mdx")) ?? "";
    const body =
      readFileSync(join(dir, "courses", course, lesson), "utf8").split("\n---\n")[1] ?? "";
    expect(lesson).toMatch(/^01-[a-z0-9-]+\.mdx$/);
    expect([...body].length).toBeGreaterThan(600);
    expect(body).toMatch(/<Cite policy="[a-z0-9-]+" article=\{\d+\} \/>/);
  });

  it("shares out N entries across kinds", () => {
    expect(planEntries(1000)).toEqual({ policies: 60, cases: 200, courses: 114, lessons: 626 });
    const plan = planEntries(5000);
    expect(plan.policies + plan.cases + plan.courses + plan.lessons).toBe(5000);
  });
});

describe("bench measurement", () => {
  it("classifies pages by route", () => {
    expect(pageType("index.html")).toBe("home");
    expect(pageType("en/index.html")).toBe("home");
    expect(pageType("courses/a/index.html")).toBe("course");
    expect(pageType("courses/a/b/index.html")).toBe("lesson");
    expect(pageType("en/courses/filter/topic/x/index.html")).toBe("list");
    expect(pageType("cases/2/index.html")).toBe("list");
    expect(pageType("en/policies/3/index.html")).toBe("list");
    expect(pageType("courses/filter/topic/x/2/index.html")).toBe("list");
    expect(pageType("topics/t/2/index.html")).toBe("topic");
    expect(pageType("policies/p/index.html")).toBe("policy");
    expect(pageType("print/courses/a/index.html")).toBe("print");
    expect(pageType("404.html")).toBe("other");
  });

  it("counts referenced and inline JS and CSS, not JSON", () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>' +
      '<script>let x=1;</script><script type="application/ld+json">{"a":1}</script><style>p{}</style>';
    const sizes: Record<string, number> = { "/_astro/a.css": 100, "/_astro/b.js": 50 };
    expect(pageAssets(html, (href) => sizes[href] ?? 0)).toEqual({ jsBytes: 58, cssBytes: 103 });
  });

  it("reads the search line of the build log", () => {
    const log =
      "Search: indexed 362 pages and 45 glossary terms in 5.6 s (1234 KB in 30 files, 300 fragments).\n";
    expect(parseBuildLog(log)).toEqual({
      renderSeconds: undefined,
      pagefindSeconds: 5.6,
      pagefindPages: 362,
    });
  });

  it("takes medians", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it("tells the build's processes apart by command line and takes the median of each one's peak", () => {
    expect(processOf("/usr/bin/node /p/scripts/build.ts --content c --out d")).toBe("build");
    expect(processOf("/usr/bin/node /p/scripts/astro-build.ts")).toBe("astro");
    expect(processOf("/p/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service")).toBe(
      "pagefind",
    );
    expect(processOf("/usr/bin/time -v node build")).toBeUndefined();
    const run = (astro: number, pagefind?: number) => ({
      totalSeconds: 1,
      setupSeconds: 0,
      renderSeconds: 0,
      pagefindSeconds: undefined,
      peakRssBytes: undefined,
      peakTreeRssBytes: undefined,
      peakRssByProcess: pagefind === undefined ? { astro } : { astro, pagefind },
    });
    expect(medianFigures([run(3, 10), run(1), run(2, 20)]).peakRssByProcess).toEqual({
      astro: 2,
      pagefind: 15,
    });
  });
});

describe("CPU profile summary", () => {
  it("adds up self time per package over every process, without build.ts waiting for Astro", () => {
    const dir = join(temp, "profiles");
    mkdirSync(dir, { recursive: true });
    const profile = (frames: [string, string][], samples: number[]) => ({
      nodes: frames.map(([functionName, url], i) => ({
        id: i + 1,
        callFrame: { functionName, url, lineNumber: 0 },
      })),
      samples,
      timeDeltas: samples.map(() => 1000),
    });
    writeFileSync(
      join(dir, "parent.cpuprofile"),
      JSON.stringify(
        profile(
          [
            ["spawnSync", "node:child_process"],
            ["check", "file:///p/src/lib/check.ts"],
          ],
          [1, 1, 1, 2],
        ),
      ),
    );
    writeFileSync(
      join(dir, "astro.cpuprofile"),
      JSON.stringify(profile([["render", "file:///p/node_modules/astro/dist/x.js"]], [1, 1])),
    );
    const summary = summariseProfiles(dir);
    expect(summary.totalMs).toBe(3);
    expect(summary.packages.map((p) => [p.name, p.ms])).toEqual([
      ["astro", 2],
      ["src/lib/check.ts", 1],
    ]);
  });
});

describe("npm run bench", () => {
  it("refuses counts that are not whole numbers of at least 1", async () => {
    for (const [options, message] of [
      [{ pages: "0" }, "--pages must be a whole number of at least 1, got “0”."],
      [{ runs: "x" }, "--runs must be a whole number of at least 1, got “x”."],
      [{ seed: "1.5" }, "--seed must be a whole number of at least 1, got “1.5”."],
    ] as const) {
      const error = await refusalOf(() => runBench(options));
      expect([error.code, error.showHelp, error.message]).toEqual([2, true, message]);
    }
  });

  it("the script shows its help", () => {
    const help = runScript("bench.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run bench");
  });
});
