import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { astroChildSettings } from "../env.ts";
import { buildSearchIndex, describeIndex } from "../search/indexer.ts";

/**
 * Builds the search index in `astro:build:done` when Astro is run on its own
 * (`astro build`), so the site is searchable either way; `npm run build`
 * indexes after Astro's process has ended instead. The indexer: src/lib/search/.
 */
export function pagefindSearch(options: { contentDir: string }): AstroIntegration {
  let base = "/";
  return {
    name: "union-kb-pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
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
