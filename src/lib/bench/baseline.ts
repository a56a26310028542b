import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { measureSite, type SiteMeasure } from "./measure.ts";
import type { BuildFigures } from "./report.ts";
import { type MeasuredRun, type ProcessPeaks, runMeasured } from "./run-build.ts";
import { linkNodeModules } from "./sandbox.ts";

/**
 * The plain-Astro baseline of `npm run bench -- --baseline`: a minimal
 * Astro 7 site (one glob() collection of Markdown docs, one page per doc in a
 * tiny layout) built with `astro build`, then indexed with `pagefind --site
 * dist`, using this project's installed astro and pagefind.
 */

/** The docs folder of a baseline project (the glob loader's base). */
export const BASELINE_DOCS = "docs";

/** The baseline project's files, by path. */
export const BASELINE_FILES: Readonly<Record<string, string>> = {
  "package.json": `${JSON.stringify({ name: "bench-baseline", private: true, type: "module" }, null, 2)}\n`,
  "src/content.config.ts": `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: "**/*.md", base: "./${BASELINE_DOCS}" }) }),
};
`,
  "src/layouts/Doc.astro": `---
const { title } = Astro.props;
---
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main>
      <h1>{title}</h1>
      <slot />
    </main>
  </body>
</html>
`,
  "src/pages/docs/[...id].astro": `---
import { getCollection, render } from "astro:content";
import Doc from "../../layouts/Doc.astro";

export async function getStaticPaths() {
  const docs = await getCollection("docs");
  return docs.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Doc title={entry.data.title}><Content /></Doc>
`,
};

/**
 * Writes the baseline project into `dir` (its docs go in `dir/docs`, written
 * separately) and links each package of `projectRoot/node_modules` into it, so
 * it builds offline with the same astro and pagefind as Union KB, with its own
 * caches (`.astro/`, `node_modules/.astro`).
 */
export function createBaselineProject(projectRoot: string, dir: string): string {
  for (const [path, text] of Object.entries(BASELINE_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, BASELINE_DOCS), { recursive: true });
  linkNodeModules(projectRoot, dir);
  return dir;
}

/** Deletes the caches a baseline build keeps, so that the next build is cold. */
export function clearBaselineCaches(dir: string): void {
  rmSync(join(dir, ".astro"), { recursive: true, force: true });
  rmSync(join(dir, "node_modules/.astro"), { recursive: true, force: true });
}

/** One baseline build: `astro build`, then `pagefind --site dist`. */
export interface BaselineRun {
  ok: boolean;
  astro: MeasuredRun;
  pagefind: MeasuredRun | undefined;
  log: string;
}

/**
 * Builds the baseline project in `dir` into `dir/dist` (deleted first):
 * Astro's CLI, then Pagefind's CLI, each timed and its memory sampled.
 * Astro's telemetry is turned off: nothing leaves the machine.
 */
export async function runBaselineBuild(dir: string): Promise<BaselineRun> {
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  const astro = await runMeasured({
    cwd: dir,
    nodeArgs: [join(dir, "node_modules/astro/bin/astro.mjs"), "build"],
    env: { ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (!astro.ok) return { ok: false, astro, pagefind: undefined, log: astro.log };
  const pagefind = await runMeasured({
    cwd: dir,
    nodeArgs: [join(dir, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", "dist"],
  });
  return { ok: pagefind.ok, astro, pagefind, log: `${astro.log}\n${pagefind.log}` };
}

const max = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * A baseline build's figures, in the same terms as Union KB's: total = Astro
 * + Pagefind wall time; setup = start to the first page written; render =
 * first to last page written; Pagefind = its CLI's wall time; memory = the
 * larger of the two commands' peaks.
 */
export function baselineFigures(
  astro: MeasuredRun,
  pagefind: MeasuredRun,
  site: Pick<SiteMeasure, "firstPageMtime" | "lastPageMtime">,
): BuildFigures {
  const peaks: ProcessPeaks = {};
  for (const kind of ["build", "astro", "pagefind"] as const) {
    const bytes = max(astro.peakRssByProcess[kind], pagefind.peakRssByProcess[kind]);
    if (bytes !== undefined) peaks[kind] = bytes;
  }
  return {
    totalSeconds: astro.totalSeconds + pagefind.totalSeconds,
    setupSeconds: Math.max(0, (site.firstPageMtime - astro.startedAt) / 1000),
    renderSeconds: Math.max(0, (site.lastPageMtime - site.firstPageMtime) / 1000),
    pagefindSeconds: pagefind.totalSeconds,
    peakRssBytes: max(astro.peakRssBytes, pagefind.peakRssBytes),
    peakTreeRssBytes: max(astro.peakTreeRssBytes, pagefind.peakTreeRssBytes),
    peakRssByProcess: peaks,
  };
}

/** Builds the baseline once and measures it; undefined figures when it failed. */
export async function buildBaseline(
  dir: string,
): Promise<{ run: BaselineRun; figures?: BuildFigures; site?: SiteMeasure }> {
  const run = await runBaselineBuild(dir);
  if (!run.ok || !run.pagefind) return { run };
  const site = measureSite(join(dir, "dist"));
  return { run, figures: baselineFigures(run.astro, run.pagefind, site), site };
}
