#!/usr/bin/env node
/**
 * Internal: Astro's process for `scripts/build.ts`. Bundling thousands of MDX
 * modules holds gigabytes of native memory that Node does not hand back;
 * ending the process frees it before the search index is built, so the two
 * biggest steps do not add up (docs/performance.md). Its settings come from
 * the build (astroChildEnv in src/lib/env.ts).
 */
import { exitWithParent } from "../src/lib/build/astro-process.ts";
import { checkAndRender } from "../src/lib/build/astro-run.ts";
import { astroChildSettings, contentFromEnv, outFromEnv } from "../src/lib/env.ts";

// Killed with `kill -9`, the build cannot stop this process: it stops itself.
exitWithParent();

const { reportFile, debug } = astroChildSettings();
const content = contentFromEnv();
const out = outFromEnv();
if (!reportFile || !content || !out) {
  console.error("scripts/astro-build.ts is run by `npm run build`; run that instead.");
  process.exit(2);
}
process.exit(await checkAndRender({ content, out, reportFile, debug }));
