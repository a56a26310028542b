#!/usr/bin/env node
/**
 * Internal: runs `astro build` for `scripts/build.ts` in a process of its own.
 * Bundling thousands of MDX modules holds gigabytes of native memory that Node
 * does not hand back; ending the process frees it before the search index is
 * built, so the two biggest steps do not add up (docs/performance.md).
 * Its settings come from the build (astroChildEnv in src/lib/env.ts).
 */
import { build } from "astro";
import { exitWithParent } from "../src/lib/build/astro-process.ts";
import { astroChildSettings, outFromEnv } from "../src/lib/env.ts";

// Killed with `kill -9`, the build cannot stop this process: it stops itself.
exitWithParent();

try {
  await build({
    root: process.cwd(),
    outDir: outFromEnv() ?? "dist",
    logLevel: astroChildSettings().debug ? "debug" : "warn",
  });
} catch (error) {
  console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
