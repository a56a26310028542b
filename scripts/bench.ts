#!/usr/bin/env node
/**
 * `npm run bench`: generate a knowledge base of N entries, build it with the
 * real build, and report build time, memory and page weight (see runBench).
 */
import { runBench } from "../src/lib/bench/run-bench.ts";
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";

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
  --baseline     also build the same docs as a plain Astro 7 + Pagefind site
                 (Markdown, one page per doc) in the same run, with the same
                 cold/warm/edited builds, and print every figure as a ratio to it
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
    baseline: { type: "boolean", default: false },
    seed: { type: "string", default: "20260101" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  HELP,
);

await exitWith(
  () => runBench({ ...values, coldOnly: values["cold-only"], cpuProf: values["cpu-prof"] }),
  HELP,
);
