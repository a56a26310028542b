import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { buildBaseline, clearBaselineCaches, createBaselineProject } from "./baseline.ts";
import { baselineDocPath, writeBaselineDocs } from "./baseline-docs.ts";
import { generateKnowledgeBase } from "./generate.ts";
import { measureSite, type SiteMeasure } from "./measure.ts";
import { formatProfile, summariseProfiles } from "./profile.ts";
import {
  type BuildFigures,
  type ComparedSide,
  comparisonRatios,
  entryPages,
  formatComparison,
  formatReport,
  medianFigures,
} from "./report.ts";
import { type BuildRun, runBuild } from "./run-build.ts";
import { createSandbox } from "./sandbox.ts";

/** `npm run bench`'s options, as typed on the command line. */
export interface BenchOptions {
  /** Entries to generate (default 1000). */
  pages?: string | number | undefined;
  /** Builds to run; figures are medians (default 1). */
  runs?: string | number | undefined;
  /** Seed of the generator (default 20260101). */
  seed?: string | number | undefined;
  /** Only the cold build (no warm or edited build). */
  coldOnly?: boolean | undefined;
  /** Profile the first build and print the top costs. */
  cpuProf?: boolean | undefined;
  /** Print the results as JSON. */
  json?: boolean | undefined;
  /** Keep the temporary folder (content, project copy, site). */
  keep?: boolean | undefined;
  /** Also build a plain Astro 7 + Pagefind site of the same docs and print ratios to it. */
  baseline?: boolean | undefined;
  /** The project to copy and build (default: this one). */
  projectDir?: string | undefined;
}

/** The build failed; its log is already printed. */
class BuildFailed extends Error {}

/**
 * Generates a knowledge base, builds it in a private copy of the project (cold,
 * warm, and after one lesson's text was edited, `runs` times) and prints build
 * time, memory and page weight. Progress goes to `output.error`, the report to
 * `output.log`. Returns 0, or 1 when a build failed (nothing is measured).
 * @throws CliError 2 when pages, runs or seed is not a whole number of at least 1.
 */
export async function runBench(
  options: BenchOptions,
  output: CliOutput = console,
): Promise<number> {
  const entries = positive("pages", options.pages ?? 1000);
  const runs = positive("runs", options.runs ?? 1);
  const seed = positive("seed", options.seed ?? 20260101);
  const progress = (message: string) => output.error(message);
  const temp = mkdtempSync(join(tmpdir(), "union-kb-bench-"));
  const content = join(temp, "content");
  const project = join(temp, "project");
  const dist = join(temp, "dist");
  const profileDir = join(temp, "cpu-prof");
  const baselineDir = join(temp, "baseline");
  const projectRoot = options.projectDir ?? resolve(import.meta.dirname, "../../..");

  /** Builds once and turns the build and the site it wrote into table figures. */
  async function build(label: string, nodeFlags: string[] = []) {
    progress(`${label}…`);
    const run = await runBuild({
      projectDir: project,
      contentDir: content,
      outDir: dist,
      nodeFlags,
    });
    if (!run.ok) {
      output.error(run.log.split("\n").slice(-40).join("\n"));
      output.error(`\nThe build failed (exit code ${run.exitCode}); nothing was measured.`);
      throw new BuildFailed();
    }
    const site = measureSite(dist);
    const figures = figuresOf(run, site);
    progress(`  ${figures.totalSeconds.toFixed(1)} s, ${site.pages} pages`);
    return { figures, site, log: run.log };
  }

  /** Builds the plain-Astro baseline once and measures it. */
  async function baselineBuild(label: string) {
    progress(`${label}…`);
    const { run, figures, site } = await buildBaseline(baselineDir);
    if (!figures || !site) {
      output.error(run.log.split("\n").slice(-40).join("\n"));
      const failed = run.pagefind ?? run.astro;
      output.error(
        `\nThe baseline's ${run.pagefind ? "pagefind --site dist" : "astro build"} failed (exit code ${failed.exitCode}); nothing was measured.`,
      );
      throw new BuildFailed();
    }
    progress(`  ${figures.totalSeconds.toFixed(1)} s, ${site.pages} pages`);
    return { figures, site };
  }

  try {
    let started = performance.now();
    const counts = generateKnowledgeBase({ dir: content, entries, seed });
    progress(
      `Generated ${counts.courses} courses, ${counts.lessons} lessons, ${counts.policies} policies, ${counts.cases} cases, ` +
        `${counts.glossary} terms (${(counts.bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    createSandbox(projectRoot, project);
    let baselineDocs = 0;
    if (options.baseline) {
      createBaselineProject(projectRoot, baselineDir);
      baselineDocs = writeBaselineDocs(content, join(baselineDir, "docs"));
      progress(`Wrote ${baselineDocs} Markdown docs for the plain Astro baseline.`);
    }

    const cold: BuildFigures[] = [];
    const warm: BuildFigures[] = [];
    const edited: BuildFigures[] = [];
    const base = {
      cold: [] as BuildFigures[],
      warm: [] as BuildFigures[],
      edited: [] as BuildFigures[],
    };
    let baseSite: SiteMeasure | undefined;
    const editedLesson = firstLesson(content);
    // The baseline's doc of the same lesson gets the same edit.
    const editedDoc =
      editedLesson && options.baseline
        ? join(baselineDir, "docs", baselineDocPath(relative(content, editedLesson)) ?? "")
        : undefined;
    let site: SiteMeasure | undefined;
    let buildLog = "";
    started = performance.now();
    for (let i = 1; i <= runs; i++) {
      // A cold build starts without Astro's caches (content data store, prerender chunks).
      rmSync(join(project, ".astro"), { recursive: true, force: true });
      rmSync(join(project, "node_modules/.astro"), { recursive: true, force: true });
      const profile =
        options.cpuProf && i === 1 ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
      const first = await build(
        `Build ${i}/${runs}, cold${profile.length ? ", profiled" : ""}`,
        profile,
      );
      // A profiled build is slower; it is reported for where time goes, not for how long.
      if (!profile.length || runs === 1) cold.push(first.figures);
      site = first.site;
      buildLog = first.log;
      if (!options.coldOnly) {
        warm.push((await build(`Build ${i}/${runs}, warm (unchanged content)`)).figures);
        // The common case for an education officer: one lesson's text corrected.
        if (editedLesson) {
          const original = readFileSync(editedLesson, "utf8");
          writeFileSync(editedLesson, `${original}\n${EDIT}\n`);
          edited.push((await build(`Build ${i}/${runs}, one lesson's text edited`)).figures);
          writeFileSync(editedLesson, original);
        }
      }
      if (options.baseline) {
        // The same sequence for the baseline, right after Union KB's, so both see the same machine.
        clearBaselineCaches(baselineDir);
        const first = await baselineBuild(`Baseline ${i}/${runs}, cold (plain Astro + Pagefind)`);
        base.cold.push(first.figures);
        baseSite = first.site;
        if (!options.coldOnly) {
          base.warm.push((await baselineBuild(`Baseline ${i}/${runs}, warm`)).figures);
          if (editedDoc) {
            const original = readFileSync(editedDoc, "utf8");
            writeFileSync(editedDoc, `${original}\n${EDIT}\n`);
            base.edited.push(
              (await baselineBuild(`Baseline ${i}/${runs}, one doc's text edited`)).figures,
            );
            writeFileSync(editedDoc, original);
          }
        }
      }
    }
    if (!site) throw new Error("no build ran");

    const profile = options.cpuProf ? summariseProfiles(profileDir) : undefined;
    const unionKbSide: ComparedSide = {
      cold: medianFigures(cold),
      warm: warm.length ? medianFigures(warm) : undefined,
      edited: edited.length ? medianFigures(edited) : undefined,
      site,
      docs: entryPages(site),
    };
    const baselineSide: ComparedSide | undefined = baseSite && {
      cold: medianFigures(base.cold),
      warm: base.warm.length ? medianFigures(base.warm) : undefined,
      edited: base.edited.length ? medianFigures(base.edited) : undefined,
      site: baseSite,
      // Every page of the baseline is a doc.
      docs: { pages: baseSite.pages, avgHtmlBytes: baseSite.avgHtmlBytes },
    };
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
      baseline: baselineSide && {
        docs: baselineDocs,
        cold: baselineSide.cold,
        warm: baselineSide.warm,
        edited: baselineSide.edited,
        site: baseSite,
        avgDocHtmlBytes: baselineSide.docs.avgHtmlBytes,
      },
      avgEntryHtmlBytes: unionKbSide.docs.avgHtmlBytes,
      ratios: baselineSide && comparisonRatios(unionKbSide, baselineSide),
    };
    if (options.json) {
      output.log(JSON.stringify(result, null, 2));
      return EXIT.ok;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    output.log(
      `\nUnion KB bench: ${entries} entries, seed ${seed}, ${runs} run(s), ${seconds} s of builds\n`,
    );
    output.log(formatReport(result));
    if (baselineSide) {
      output.log(
        `Union KB against plain Astro 7 + Pagefind (${baselineDocs} Markdown docs, built in the same run; ratio = Union KB / plain Astro)${options.cpuProf && runs === 1 ? ". Union KB's cold build was profiled, so its ratios are too high" : ""}:\n`,
      );
      output.log(formatComparison({ entries, runs, unionKb: unionKbSide, baseline: baselineSide }));
    }
    output.log(
      `Log of the last cold build (${result.buildLogLines} lines):\n${buildLog.trimEnd()}\n`,
    );
    if (profile) output.log(formatProfile(profile));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BuildFailed) return EXIT.content;
    throw error;
  } finally {
    if (options.keep) progress(`Kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

/** The paragraph the "edited" builds add to one lesson (and to its baseline doc). */
const EDIT = "修改后的段落：培训应当计入工作时间。";

function positive(name: string, value: string | number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CliError(2, `--${name} must be a whole number of at least 1, got “${value}”.`);
  }
  return n;
}

/** The lesson the "edited" build changes: the first one, so every run edits the same file. */
function firstLesson(content: string): string | undefined {
  return readdirSync(join(content, "courses"))
    .sort()
    .flatMap((course) =>
      readdirSync(join(content, "courses", course))
        .filter((file) => file.endsWith(".mdx"))
        .sort()
        .map((file) => join(content, "courses", course, file)),
    )[0];
}

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
