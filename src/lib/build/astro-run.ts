import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type AstroInlineConfig, build } from "astro";
import { offerCollectionParts } from "../astro/native-collection-parts.ts";
import { checkKnowledgeBase, entryCounts } from "../check/check.ts";
import { toolRoot } from "../kb/content-dir.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import { shareParse, withoutSources } from "../kb/shared-parse.ts";
import { estimateSearchChars } from "../search/parts.ts";
import { searchRecordsOf } from "../search/records.ts";
import { type AstroReport, CONTENT_ERRORS } from "./astro-report.ts";

/**
 * Both ends of Astro's process in `npm run build` (scripts/astro-build.ts):
 * it parses the knowledge base once, checks it, hands the build what later
 * steps need, and renders the site from that same parse.
 */

/**
 * Checks the knowledge base and writes the report. Returns the parse Astro
 * needs when there are no errors; the check's own data (YAML documents, MDX
 * trees) is left behind in this function's scope, for the collector.
 */
function checkAndReport(content: string, reportFile: string): KnowledgeBase | undefined {
  const result = checkKnowledgeBase(content);
  const base = result.kb.site?.data.base ?? "/";
  const records = result.errors ? undefined : searchRecordsOf(result.kb, base);
  const report: AstroReport = {
    counts: entryCounts(result.kb),
    problems: result.problems,
    base,
    ...(records ? { records, searchChars: estimateSearchChars(result.kb, records) } : {}),
  };
  // The build looks for it while this process runs (the search records are
  // indexed while Astro starts): renamed into place, never read half written.
  writeFileSync(`${reportFile}.tmp`, JSON.stringify(report));
  renameSync(`${reportFile}.tmp`, reportFile);
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
    // The tool's folder: in a knowledge base that depends on the packed tool,
    // the current folder is the knowledge base's.
    const root = toolRoot();
    // The config is imported here, by Node, and handed over whole: Astro would
    // otherwise load astro.config.ts through Vite, transforming again every
    // module it imports (the check and the integration, already loaded for the
    // check above): about a second and a second copy of them in memory.
    const config = (await import(pathToFileURL(join(root, "astro.config.ts")).href)) as {
      default: AstroInlineConfig;
    };
    // content.config.ts takes the loader and schemas Node loaded for the check.
    offerCollectionParts(await import("../astro/collection-parts.ts"));
    await build({
      ...config.default,
      configFile: false,
      root,
      outDir: settings.out,
      logLevel: settings.debug ? "debug" : "warn",
    });
    return 0;
  } catch (error) {
    console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
