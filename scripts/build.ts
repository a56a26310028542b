#!/usr/bin/env node
/**
 * `npm run build`: check the content, build the site into a temporary folder,
 * and replace the output folder only when everything succeeded, so a failed
 * build never leaves a half-written site behind. The steps' logic lives in
 * src/lib/build/.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ChildExit, describeChildExit, runNodeChild } from "../src/lib/build/astro-process.ts";
import {
  type AstroReport,
  CONTENT_ERRORS,
  readAstroReport,
  searchPagesFile,
} from "../src/lib/build/astro-report.ts";
import { useCompileCache } from "../src/lib/build/compile-cache.ts";
import { acquireLock, LockTimeoutError, projectLock, systemProbe } from "../src/lib/build/lock.ts";
import {
  countEntries,
  mayOverlapSearch,
  memoryLimit,
  memoryProblem,
} from "../src/lib/build/memory.ts";
import { astroNodeFlags } from "../src/lib/build/node-flags.ts";
import {
  buildingFolder,
  checkOutputDir,
  formatOutputDirProblem,
  onDifferentDevices,
  removeStaleBuildFolders,
  replaceOutput,
  writeBuildMarker,
} from "../src/lib/build/output-dir.ts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { type BuiltSiteReport, checkBuiltSiteAside } from "../src/lib/dist/site-check.ts";
import {
  astroChildEnv,
  type BuildSettings,
  buildSettings,
  OPERATOR_VARIABLES,
  outFromEnv,
} from "../src/lib/env.ts";
import {
  buildOutDir,
  cacheDirFor,
  contentDir,
  knowledgeBaseLine,
  toolRoot,
} from "../src/lib/kb/content-dir.ts";
import { formatReport, summariseCounts } from "../src/lib/kb/problems.ts";
import { indexWhileRendering, waitForFile } from "../src/lib/search/early-index.ts";
import type { IndexStats, SearchHead } from "../src/lib/search/indexer.ts";
import { type SearchablePage, searchablePages, surelyOnePart } from "../src/lib/search/parts.ts";

const HELP = `Usage: npm run build -- [options]

Checks the knowledge base, then builds the static site.

Options:
  --content <dir>  the knowledge base folder (default: $UNION_KB_CONTENT, else
                   the current folder if it has a site.yaml, else content)
  --out <dir>      where to write the site (default: $UNION_KB_OUT, else dist/
                   in the knowledge base folder; dist for the sample content/); it
                   must be missing, empty or an earlier build's site, which is
                   replaced as a whole
  -h, --help       show this help

Environment:
${Object.entries(OPERATOR_VARIABLES)
  .map(([name, meaning]) => `  ${name.padEnd(27)} ${meaning}`)
  .join("\n")}

Exit codes: 0 built, 1 content errors or build failure, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  { content: { type: "string" }, out: { type: "string" } },
  HELP,
);
// Astro builds from the tool's folder, which is not the current one when the
// tool is a package in a knowledge base (union-kb build).
const root = toolRoot();
const content = contentDir(process.cwd(), values.content);
const out = buildOutDir(content, values.out);
// Before anything else: a wrong --out must not cost a single file.
const outProblem = checkOutputDir(values.out ?? outFromEnv() ?? out, {
  projectRoot: process.cwd(),
  toolRoot: root,
  contentDir: content,
  label: values.out === undefined && outFromEnv() ? "UNION_KB_OUT" : "--out",
});
if (outProblem) {
  console.error(formatOutputDirProblem(outProblem));
  process.exit(EXIT.usage);
}
if (!existsSync(content)) {
  console.error(`The content folder ${content} does not exist.\n\n${HELP}`);
  process.exit(EXIT.usage);
}
console.log(knowledgeBaseLine(content));
let settings: BuildSettings;
try {
  settings = buildSettings();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(EXIT.usage);
}
const { lowMemory } = settings;
const entries = countEntries(content);
const memory = memoryLimit();
if (!settings.skipMemoryCheck) {
  const tooLittle = memoryProblem(entries, memory, lowMemory);
  if (tooLittle) {
    console.error(`${tooLittle}\nNothing was built; the previous site (if any) is unchanged.`);
    process.exit(EXIT.content);
  }
}

const started = performance.now();
// Astro's process and the search indexer load faster from compiled code kept by Node.
useCompileCache();
/** Seconds per step, printed with UNION_KB_TIMINGS=1. */
const timings: [string, number][] = [];
let stepStarted = started;
function timed(step: string): void {
  const now = performance.now();
  timings.push([step, (now - stepStarted) / 1000]);
  stepStarted = now;
}
/** The unfinished site, removed on failure; set once the lock is held. */
let temp: string | undefined;
// Written by Astro's process; one build of this project at a time (the lock).
const reportFile = join(root, ".astro", `build-report-${process.pid}.json`);
let release: (() => void) | undefined;
let astro: ReturnType<typeof runNodeChild> | undefined;
let stoppedBy: NodeJS.Signals | undefined;
/** Removes the unfinished output, keeps the previous site, and exits. */
function fail(message: string, code: number = EXIT.content): never {
  if (temp) {
    rmSync(temp, { recursive: true, force: true });
    // The search index begun during the render (its Pagefind process ends with this one).
    rmSync(`${temp}.search-part`, { recursive: true, force: true });
  }
  rmSync(searchPagesFile(reportFile), { force: true });
  release?.();
  console.error(`\n${message}\nThe previous site (if any) is unchanged.`);
  process.exit(code);
}
// Ctrl-C, `kill` or `docker stop`: stop Astro, clean up, keep the previous
// site. (As a container's PID 1 the build would otherwise ignore SIGTERM.)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => {
    stoppedBy = signal;
    if (astro && astro.child.exitCode === null && astro.child.signalCode === null)
      astro.child.kill(signal); // its end is handled below
    else fail(`The build was stopped (${signal}).`, 128 + constants.signals[signal]);
  });

try {
  release = await acquireLock(projectLock(root), {
    timeoutMs: settings.lockTimeoutMs,
    onWait: (holder) =>
      console.log(
        holder?.command === "dev"
          ? `Waiting for npm run dev (process ${holder.pid}) to stop: it reads the files a build writes. Stop it with Ctrl+C in its terminal…`
          : `Waiting for another build of this project to finish (${holder ? `process ${holder.pid}` : "lock file being written"})…`,
      ),
  });
} catch (error) {
  if (!(error instanceof LockTimeoutError)) throw error;
  console.error(error.message);
  process.exit(EXIT.content);
}

// Astro moves files from <root>/.astro/ into its output, which fails across
// file systems (EXDEV): then it builds inside the project and the finished
// site is copied next to the output folder before the switch.
mkdirSync(dirname(out), { recursive: true });
const workDir = onDifferentDevices(dirname(out), join(root, ".astro"))
  ? join(root, ".astro")
  : dirname(out);
// What builds that were killed (kill -9, power cut) left behind.
const stale = [dirname(out), workDir].flatMap((parent) =>
  removeStaleBuildFolders(out, parent, systemProbe.isRunning),
);
if (stale.length)
  console.log(
    `Removed ${stale.length} folder(s) left by an interrupted build: ${stale.join(", ")}`,
  );
temp = buildingFolder(out, process.pid, workDir);
// Astro renders the pages in a child process; its memory is freed before the
// search index is built (see scripts/astro-build.ts). Its collections must
// hold what the check read (src/lib/astro/kb-loader.ts).
astro = runNodeChild(
  [...astroNodeFlags(lowMemory), fileURLToPath(new URL("astro-build.ts", import.meta.url))],
  astroChildEnv({ content, out: temp, reportFile }),
);
// Loaded while Astro's process starts, not before: the indexer brings
// Pagefind's client and the records' dependencies (about 0.3 s).
const { beginSearchIndex, buildSearchIndex, describeIndex } = await import(
  "../src/lib/search/indexer.ts"
);
const cacheDir = cacheDirFor(content);
const building = temp;
/** The search index of `pages` in `outputPath` (default: the site's pagefind/). */
const indexSearch = (
  found: Pick<AstroReport, "base" | "records">,
  pages: readonly SearchablePage[],
  outputPath?: string,
  head?: SearchHead,
): Promise<IndexStats> =>
  buildSearchIndex({
    root: building,
    base: found.base,
    contentDir: content,
    cacheDir,
    ...(found.records ? { records: found.records } : {}),
    partChars: settings.searchPartChars,
    pages,
    ...(outputPath ? { outputPath } : {}),
    ...(head ? { head } : {}),
  });
/** The report, read once: by the search index begun early, or after Astro. */
let reportRead: AstroReport | undefined;
// The searchable pages are indexed while Astro renders the others
// (src/lib/search/early-index.ts), where there is memory for Pagefind and
// Astro at the same time; otherwise after Astro, as before.
const overlap = mayOverlapSearch(entries, memory, lowMemory);
let astroEnded = false;
astro.done.then(
  () => (astroEnded = true),
  () => (astroEnded = true),
);
// The records go into Pagefind once Astro's process has reported them, while
// Astro is still starting and one core is idle, when the index will be one
// part (src/lib/search/indexer.ts, beginSearchIndex).
const searchHead = overlap
  ? (async () => {
      if (!(await waitForFile(reportFile, () => astroEnded))) return undefined;
      reportRead ??= readAstroReport(reportFile);
      const { records, searchChars } = reportRead ?? {};
      return records && searchChars && surelyOnePart(searchChars, settings.searchPartChars)
        ? beginSearchIndex(records)
        : undefined;
    })()
  : undefined;
const early = !overlap
  ? undefined
  : indexWhileRendering({
      root: temp,
      listFile: searchPagesFile(reportFile),
      outputPath: join(temp, "pagefind"),
      astroDone: astro.done,
      index: async (pages, outputPath) => {
        reportRead ??= readAstroReport(reportFile);
        const head = await searchHead;
        if (!reportRead?.records) throw new Error("Astro's process left no search records");
        return indexSearch(reportRead, pages, outputPath, head);
      },
      ...(process.env.UNION_KB_LOG_LEVEL === "debug" ? { log: console.log } : {}),
    });
const ended: ChildExit = await astro.done;
const report = reportRead ?? readAstroReport(reportFile);
rmSync(reportFile, { force: true });
if (stoppedBy) fail(`The build was stopped (${stoppedBy}).`, 128 + constants.signals[stoppedBy]);
if (report?.problems.length) console.error(formatReport(report.problems));
if (ended.code === CONTENT_ERRORS)
  fail("The site was not built: fix the errors above and run the build again.", EXIT.content);
const whyFailed = ended.error
  ? `Astro's process could not be started: ${ended.error.message}`
  : describeChildExit(ended.code, ended.signal);
if (whyFailed) fail(`The build failed: ${whyFailed}`);
if (!report) fail("The build failed: Astro's process ended without its report.");
timed("astro");
const { base, counts } = report;
// The search index (Pagefind's own process) and the check of the built site
// (a worker thread) read the same pages at the same time, on both cores.
const siteCheck = checkBuiltSiteAside(temp, { base, cacheDir });
// Without this, a failed index would leave the check's rejection unheard.
siteCheck.catch(() => undefined);
try {
  const pages = searchablePages(temp);
  const begun = await early?.settle(pages);
  console.log(
    describeIndex(begun ? { ...begun.stats, early: true } : await indexSearch(report, pages)),
  );
} catch (error) {
  fail(
    `The search index could not be built: ${error instanceof Error ? error.message : String(error)}`,
  );
}
timed("search");
let siteReport: BuiltSiteReport;
try {
  siteReport = await siteCheck;
} catch (error) {
  fail(
    `The built site could not be checked: ${error instanceof Error ? error.message : String(error)}`,
  );
}
timed("site-check");
const broken = siteReport.brokenLinks;
if (broken.length) {
  const lines = broken.slice(0, 50).map((l) => `  ${l.page} → ${l.url} (${l.problem})`);
  if (broken.length > 50) lines.push(`  … and ${broken.length - 50} more`);
  fail(`The built site has ${broken.length} broken link(s):\n${lines.join("\n")}`);
}
const blocked = siteReport.blockedScripts;
if (blocked.length) {
  const lines = blocked.slice(0, 10).map((b) => `  ${b.page}: ${b.script}…`);
  fail(
    `${blocked.length} inline script(s) or style(s) would be blocked by their page's Content-Security-Policy (their hash is missing):\n${lines.join("\n")}\nPlease report this: a component must insert its script's or style's hash before <head> is written.`,
  );
}
if (siteReport.uncovered.size) {
  const sample = [...siteReport.uncovered].slice(0, 10).map(([char, page]) => `${char} (${page})`);
  console.warn(
    `Warning: ${siteReport.uncovered.size} Chinese character(s) are not in the site font and will show in a system font: ${sample.join(", ")}. ` +
      "Please report this: the font is trimmed to the characters of content/ and src/.",
  );
}

try {
  writeBuildMarker(temp);
  replaceOutput(temp, out);
} catch (error) {
  fail(
    `The site could not be put in place: ${error instanceof Error ? error.message : String(error)}`,
  );
}
temp = undefined;
release?.();
timed("swap");
if (settings.timings)
  console.log(`Timings: ${timings.map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(", ")}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Built ${summariseCounts(counts as Parameters<typeof summariseCounts>[0])} into ${out} in ${seconds} s.`,
);
