import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { searchPagesFile } from "../build/astro-report.ts";
import { astroChildSettings } from "../env.ts";
import { buildSearchIndex, describeIndex } from "../search/indexer.ts";
import { searchFirstPrerenderer } from "./search-first.ts";

/**
 * Builds the search index in `astro:build:done` when Astro is run on its own
 * (`astro build`), so the site is searchable either way; `npm run build`
 * indexes after Astro's process has ended instead, starting on the
 * searchable pages while Astro renders the others (search-first.ts). The
 * indexer: src/lib/search/.
 */
export function pagefindSearch(options: { contentDir: string }): AstroIntegration {
  let base = "/";
  return {
    name: "union-kb-pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:start": ({ setPrerenderer }) => {
        const { indexLater, reportFile } = astroChildSettings();
        if (indexLater && reportFile)
          setPrerenderer(searchFirstPrerenderer(searchPagesFile(reportFile)));
      },
      "astro:build:done": async ({ dir }) => {
        // `npm run build` indexes after Astro's process has ended (scripts/build.ts).
        if (astroChildSettings().indexLater) return;
        const stats = await buildSearchIndex({
          root: fileURLToPath(dir),
          base,
          contentDir: options.contentDir,
        });
        console.log(describeIndex(stats));
      },
    },
  };
}
