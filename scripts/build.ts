#!/usr/bin/env node
/**
 * `npm run build`: check the content, build the site into a temporary folder,
 * and replace the output folder only when everything succeeded, so a failed
 * build never leaves a half-written site behind.
 */
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { astroNodeFlags, lowMemoryFromEnv } from "../src/lib/astro/node-flags.ts";
import { buildSearchIndex, describeIndex } from "../src/lib/astro/pagefind.ts";
import { acquireLock } from "../src/lib/build-lock.ts";
import { checkBuiltSite } from "../src/lib/built-site-check.ts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { loadKnowledgeBase } from "../src/lib/content-check/load.ts";
import { cacheDirFor, contentDir } from "../src/lib/content-dir.ts";
import { formatReport, type Problem, summariseCounts } from "../src/lib/problems.ts";
import { partSizeFromEnv } from "../src/lib/search-index-parts.ts";

const HELP = `Usage: npm run build -- [options]

Checks the knowledge base, then builds the static site.

Options:
  --content <dir>  the content folder (default: content, or $UNION_KB_CONTENT)
  --out <dir>      where to write the site (default: dist)
  -h, --help       show this help

Environment:
  UNION_KB_SEARCH_PART_CHARS  characters of text per search-index part
                              (default 6000000; lower it where memory is short)
  UNION_KB_LOW_MEMORY         1: build with less memory, more slowly

Exit codes: 0 built, 1 content errors or build failure, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  { content: { type: "string" }, out: { type: "string" } },
  HELP,
);
const content = values.content ? resolve(values.content) : contentDir();
const out = resolve(values.out ?? process.env.UNION_KB_OUT ?? "dist");
if (!existsSync(content)) {
  console.error(`The content folder ${content} does not exist.\n\n${HELP}`);
  process.exit(EXIT.usage);
}
let partChars: number;
let lowMemory: boolean;
try {
  partChars = partSizeFromEnv();
  lowMemory = lowMemoryFromEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(EXIT.usage);
}

const started = performance.now();
/** Seconds per step, printed with UNION_KB_TIMINGS=1. */
const timings: [string, number][] = [];
let stepStarted = started;
function timed(step: string): void {
  const now = performance.now();
  timings.push([step, (now - stepStarted) / 1000]);
  stepStarted = now;
}
/**
 * The content check runs in a process of its own: parsing every file takes
 * memory that Node keeps until it exits (~0.2 GB at 5,000 entries), and
 * Astro's process needs the room next. It prints the problems as JSON.
 */
function checkContent(): { counts: Record<string, number>; problems: Problem[] } {
  const checked = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("check.ts", import.meta.url)), "--content", content, "--json"],
    { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    return JSON.parse(checked.stdout) as { counts: Record<string, number>; problems: Problem[] };
  } catch {
    console.error(`\nThe content check did not finish (exit code ${checked.status}).`);
    process.exit(EXIT.content);
  }
}
const { counts, problems } = checkContent();
timed("check");
if (problems.length) console.error(formatReport(problems));
if (problems.some((problem) => problem.severity === "error")) {
  console.error(
    "\nThe site was not built: fix the errors above and run the build again. The previous site (if any) is unchanged.",
  );
  process.exit(EXIT.content);
}

const release = await acquireLock(join(process.cwd(), ".astro", "build.lock"), (pid) =>
  console.log(`Waiting for another build of this project to finish (process ${pid})…`),
);
/** Removes the unfinished output, keeps the previous site, and exits. */
function fail(message: string): never {
  rmSync(temp, { recursive: true, force: true });
  release();
  console.error(`\n${message}\nThe previous site (if any) is unchanged.`);
  process.exit(EXIT.content);
}

const temp = join(dirname(out), `.${out.split(/[\\/]/).at(-1)}-building-${process.pid}`);
process.env.UNION_KB_CONTENT = content;
process.env.UNION_KB_OUT = temp;
process.env.UNION_KB_SKIP_CHECK = "1";
// Astro's collections must hold what the check read (src/lib/astro/kb-loader.ts).
process.env.UNION_KB_EXPECTED_COUNTS = JSON.stringify(counts);
// Astro renders the pages in a child process; its memory is freed before the
// search index is built (see scripts/astro-build.ts).
process.env.UNION_KB_INDEX_LATER = "1";
const astro = spawnSync(
  process.execPath,
  [...astroNodeFlags(lowMemory), fileURLToPath(new URL("astro-build.ts", import.meta.url))],
  { stdio: "inherit" },
);
if (astro.status !== 0)
  fail(astro.error ? `The build failed: ${astro.error.message}` : "The build failed (see above).");
timed("astro");

// Loaded again here, after Astro's process has ended (see checkContent).
const { kb } = loadKnowledgeBase(content);
timed("load");
const base = kb.site?.data.base ?? "/";
try {
  const cacheDir = cacheDirFor(content);
  console.log(
    describeIndex(
      await buildSearchIndex({
        root: temp,
        base,
        contentDir: content,
        cacheDir,
        kb,
        partChars,
      }),
    ),
  );
} catch (error) {
  fail(
    `The search index could not be built: ${error instanceof Error ? error.message : String(error)}`,
  );
}

timed("search");
const report = checkBuiltSite(temp, { base });
timed("site-check");
const broken = report.brokenLinks;
if (broken.length) {
  const lines = broken.slice(0, 50).map((l) => `  ${l.page} → ${l.url} (${l.problem})`);
  if (broken.length > 50) lines.push(`  … and ${broken.length - 50} more`);
  fail(`The built site has ${broken.length} broken link(s):\n${lines.join("\n")}`);
}
if (report.uncovered.size) {
  const sample = [...report.uncovered].slice(0, 10).map(([char, page]) => `${char} (${page})`);
  console.warn(
    `Warning: ${report.uncovered.size} Chinese character(s) are not in the site font and will show in a system font: ${sample.join(", ")}. ` +
      "Please report this: the font is trimmed to the characters of content/ and src/.",
  );
}

const old = `${temp}-old`;
if (existsSync(out)) renameSync(out, old);
renameSync(temp, out);
rmSync(old, { recursive: true, force: true });
release();
timed("swap");
if (process.env.UNION_KB_TIMINGS === "1")
  console.log(`Timings: ${timings.map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(", ")}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${summariseCounts(kb)} into ${out} in ${seconds} s.`);
