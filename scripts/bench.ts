#!/usr/bin/env node
/**
 * `npm run bench`: generate a knowledge base of N entries, build it with the
 * real build, and report build time, memory and page weight.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateKnowledgeBase } from "../src/lib/bench/generate.ts";
import { measureSite, type SiteMeasure } from "../src/lib/bench/measure.ts";
import { summariseProfiles } from "../src/lib/bench/profile.ts";
import { type BuildFigures, formatReport, medianFigures } from "../src/lib/bench/report.ts";
import { type BuildRun, runBuild } from "../src/lib/bench/run-build.ts";
import { createSandbox } from "../src/lib/bench/sandbox.ts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";

const HELP = `Usage: npm run bench -- [options]

Generates a knowledge base of N entries (courses with lessons, cases,
policies with full texts), builds it with \`node scripts/build.ts\` in a
private copy of the project, and prints build time, memory and page weight.
Each run is a cold build (caches deleted), a warm build (content unchanged)
and a build after one lesson's text was edited.

Options:
  --pages <n>    entries to generate (default 1000)
  --runs <n>     builds to run; figures are medians (default 1)
  --cold-only    only the cold build (no warm or edited build)
  --cpu-prof     profile the first build and print the top costs
  --seed <n>     seed of the generator (default 20260101)
  --json         print the results as JSON
  --keep         keep the temporary folder (content, project copy, site)
  -h, --help     show this help

Exit codes: 0 measured, 1 the build failed, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  {
    pages: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    "cold-only": { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    seed: { type: "string", default: "20260101" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  HELP,
);

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, got “${value}”.\n\n${HELP}`);
    process.exit(EXIT.usage);
  }
  return n;
}

const entries = positive("pages", values.pages);
const runs = positive("runs", values.runs);
const seed = positive("seed", values.seed);
const progress = (message: string) => console.error(message);

const temp = mkdtempSync(join(tmpdir(), "union-kb-bench-"));
const content = join(temp, "content");
const project = join(temp, "project");
const dist = join(temp, "dist");
const profileDir = join(temp, "cpu-prof");

function cleanUp(): void {
  if (values.keep) progress(`Kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}

let started = performance.now();
const counts = generateKnowledgeBase({ dir: content, entries, seed });
progress(
  `Generated ${counts.courses} courses, ${counts.lessons} lessons, ${counts.policies} policies, ${counts.cases} cases, ` +
    `${counts.glossary} terms (${(counts.bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
createSandbox(resolve(import.meta.dirname, ".."), project);

/** Turns one build and the site it wrote into table figures. */
function figuresOf(run: BuildRun, site: SiteMeasure): BuildFigures {
  const pagesWritten = (site.lastPageMtime - site.firstPageMtime) / 1000;
  return {
    totalSeconds: run.totalSeconds,
    setupSeconds: Math.max(0, (site.firstPageMtime - run.startedAt) / 1000),
    renderSeconds: run.renderSeconds ?? pagesWritten,
    pagefindSeconds:
      run.pagefindSeconds ??
      (site.lastSearchMtime === undefined
        ? undefined
        : Math.max(0, (site.lastSearchMtime - site.lastPageMtime) / 1000)),
    peakRssBytes: run.peakRssBytes,
    peakTreeRssBytes: run.peakTreeRssBytes,
    peakRssByProcess: run.peakRssByProcess,
  };
}

async function build(
  label: string,
  nodeFlags: string[] = [],
): Promise<{ figures: BuildFigures; site: SiteMeasure; log: string }> {
  progress(`${label}…`);
  const run = await runBuild({ projectDir: project, contentDir: content, outDir: dist, nodeFlags });
  if (!run.ok) {
    console.error(run.log.split("\n").slice(-40).join("\n"));
    console.error(`\nThe build failed (exit code ${run.exitCode}); nothing was measured.`);
    cleanUp();
    process.exit(EXIT.content);
  }
  const site = measureSite(dist);
  const figures = figuresOf(run, site);
  progress(`  ${figures.totalSeconds.toFixed(1)} s, ${site.pages} pages`);
  return { figures, site, log: run.log };
}

const cold: BuildFigures[] = [];
const warm: BuildFigures[] = [];
const edited: BuildFigures[] = [];
/** The lesson the "edited" build changes: the first one, so every run edits the same file. */
const editedLesson = readdirSync(join(content, "courses"))
  .sort()
  .flatMap((course) =>
    readdirSync(join(content, "courses", course))
      .filter((file) => file.endsWith(".mdx"))
      .sort()
      .map((file) => join(content, "courses", course, file)),
  )[0];
let site: SiteMeasure | undefined;
let buildLog = "";
started = performance.now();
for (let i = 1; i <= runs; i++) {
  // A cold build starts without Astro's caches (content data store, prerender chunks).
  rmSync(join(project, ".astro"), { recursive: true, force: true });
  rmSync(join(project, "node_modules/.astro"), { recursive: true, force: true });
  const profile =
    values["cpu-prof"] && i === 1 ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const first = await build(
    `Build ${i}/${runs}, cold${profile.length ? ", profiled" : ""}`,
    profile,
  );
  // A profiled build is slower; it is reported for where time goes, not for how long.
  if (!profile.length || runs === 1) cold.push(first.figures);
  site = first.site;
  buildLog = first.log;
  if (!values["cold-only"]) {
    warm.push((await build(`Build ${i}/${runs}, warm (unchanged content)`)).figures);
    // The common case for an education officer: one lesson's text corrected.
    if (editedLesson) {
      const original = readFileSync(editedLesson, "utf8");
      writeFileSync(editedLesson, `${original}\n修改后的段落：培训应当计入工作时间。\n`);
      edited.push((await build(`Build ${i}/${runs}, one lesson's text edited`)).figures);
      writeFileSync(editedLesson, original);
    }
  }
}
if (!site) throw new Error("no build ran");

const profile = values["cpu-prof"] ? summariseProfiles(profileDir) : undefined;
const result = {
  entries,
  seed,
  runs,
  generated: counts,
  cold: medianFigures(cold),
  warm: warm.length ? medianFigures(warm) : undefined,
  edited: edited.length ? medianFigures(edited) : undefined,
  site,
  profile,
  buildLogLines: buildLog.split("\n").filter((line) => line.trim()).length,
};

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(
    `\nUnion KB bench: ${entries} entries, seed ${seed}, ${runs} run(s), ${((performance.now() - started) / 1000).toFixed(0)} s of builds\n`,
  );
  console.log(
    formatReport({
      entries,
      runs,
      cold: result.cold,
      warm: result.warm,
      edited: result.edited,
      site,
    }),
  );
  console.log(
    `Log of the last cold build (${result.buildLogLines} lines):\n${buildLog.trimEnd()}\n`,
  );
  if (profile) {
    const rows = (list: { name: string; ms: number; share: number }[]) =>
      list
        .map(
          (c) =>
            `  ${(c.share * 100).toFixed(1).padStart(5)}%  ${String(c.ms).padStart(7)} ms  ${c.name}`,
        )
        .join("\n");
    console.log(
      `CPU profile of build 1 (self time, ${profile.totalMs} ms sampled; the profiled build is slower)\n\nBy package:\n${rows(profile.packages)}\n\nBy function:\n${rows(profile.functions)}\n`,
    );
  }
}
cleanUp();
