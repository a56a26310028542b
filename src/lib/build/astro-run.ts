import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "astro";
import { checkKnowledgeBase, entryCounts } from "../check/check.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import type { Problem } from "../kb/problems.ts";
import { shareParse, withoutSources } from "../kb/shared-parse.ts";
import { type SearchRecords, searchRecordsOf } from "../search/records.ts";

/**
 * Both ends of Astro's process in `npm run build` (scripts/astro-build.ts):
 * it parses the knowledge base once, checks it, hands the build what later
 * steps need, and renders the site from that same parse.
 */

/** What Astro's process hands back to the build, as a JSON file. */
export interface AstroReport {
  /** Entries per collection, for the build's closing line. */
  counts: Record<string, number>;
  problems: Problem[];
  /** The site's base path (site.yaml). */
  base: string;
  /** Search records of the glossary and the law articles (absent when the check failed). */
  records?: SearchRecords;
}

/** Exit code of Astro's process when the content check found errors (the report lists them). */
export const CONTENT_ERRORS = 3;

/**
 * Checks the knowledge base and writes the report. Returns the parse Astro
 * needs when there are no errors; the check's own data (YAML documents, MDX
 * trees) is left behind in this function's scope, for the collector.
 */
function checkAndReport(content: string, reportFile: string): KnowledgeBase | undefined {
  const result = checkKnowledgeBase(content);
  const base = result.kb.site?.data.base ?? "/";
  const report: AstroReport = {
    counts: entryCounts(result.kb),
    problems: result.problems,
    base,
    ...(result.errors ? {} : { records: searchRecordsOf(result.kb, base) }),
  };
  writeFileSync(reportFile, JSON.stringify(report));
  return result.errors ? undefined : withoutSources(result.kb);
}

/** In Astro's process: check, report, then build; returns the exit code. */
export async function checkAndRender(settings: {
  content: string;
  out: string;
  reportFile: string;
  debug: boolean;
}): Promise<number> {
  const kb = checkAndReport(settings.content, settings.reportFile);
  if (!kb) return CONTENT_ERRORS;
  // Astro's collections are filled from this parse (src/lib/astro/kb-loader.ts).
  shareParse(settings.content, kb);
  try {
    await build({
      root: process.cwd(),
      outDir: settings.out,
      logLevel: settings.debug ? "debug" : "warn",
    });
    return 0;
  } catch (error) {
    console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** In the build: the report Astro's process left, read once and removed; undefined if there is none. */
export function takeAstroReport(reportFile: string): AstroReport | undefined {
  try {
    return JSON.parse(readFileSync(reportFile, "utf8")) as AstroReport;
  } catch {
    return undefined;
  } finally {
    rmSync(reportFile, { force: true });
  }
}
