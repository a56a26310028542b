import { readFileSync } from "node:fs";
import type { Problem } from "../kb/problems.ts";
import type { SearchRecords } from "../search/records.ts";

/**
 * The hand-over from Astro's process (astro-run.ts) to `npm run build`. Apart
 * from astro-run.ts so the build's own process does not load Astro, the
 * checker and the MDX parser just to read a JSON file (~40 MB).
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
  /**
   * Characters the search index is expected to hold, records and pages, told
   * before any page exists (src/lib/search/parts.ts, estimateSearchChars).
   */
  searchChars?: number;
}

/** Exit code of Astro's process when the content check found errors (the report lists them). */
export const CONTENT_ERRORS = 3;

/**
 * Where Astro's process lists the searchable pages, in the order it renders
 * them, once it knows its paths (src/lib/astro/search-first.ts).
 */
export function searchPagesFile(reportFile: string): string {
  return reportFile.replace(/(\.json)?$/, ".search-pages.json");
}

/**
 * In the build: the report Astro's process left (the build removes it);
 * undefined if there is none yet. Astro's process writes it (renamed into
 * place, never half written) before Astro starts, so it is there once the
 * search pages' list is (searchPagesFile).
 */
export function readAstroReport(reportFile: string): AstroReport | undefined {
  try {
    return JSON.parse(readFileSync(reportFile, "utf8")) as AstroReport;
  } catch {
    return undefined;
  }
}
