import { renameSync, writeFileSync } from "node:fs";
import type { AstroPrerenderer } from "astro";
import { pageFileOf, SEARCHABLE_ROUTES } from "../search/searchable-routes.ts";

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer["getStaticPaths"]>>[number];
/** What a prerenderer's getStaticPaths returns: the paths (Astro 7.3), or them with metadata (7.4). */
type StaticPaths = PathWithRoute[] | { paths: PathWithRoute[]; [more: string]: unknown };

/**
 * Astro's paths with the searchable pages first, each group in Astro's own
 * order. Only the order of rendering changes: every page's HTML is the same
 * in any order (a build renders 8 pages at once anyway).
 */
export function searchableFirst(paths: readonly PathWithRoute[]): {
  paths: PathWithRoute[];
  searchable: string[];
} {
  const first: PathWithRoute[] = [];
  const rest: PathWithRoute[] = [];
  for (const path of paths)
    (path.route.type === "page" && SEARCHABLE_ROUTES.has(path.route.component) ? first : rest).push(
      path,
    );
  return { paths: [...first, ...rest], searchable: first.map((p) => pageFileOf(p.pathname)) };
}

/**
 * In `npm run build`: wraps Astro's prerenderer so that it renders the
 * searchable pages first and writes their files' paths (under the output
 * folder, in the order Astro renders them) to `listFile`. The build then
 * indexes them while Astro renders the rest (src/lib/search/early-index.ts).
 */
export function searchFirstPrerenderer(
  listFile: string,
): (defaultPrerenderer: AstroPrerenderer) => AstroPrerenderer {
  return (defaultPrerenderer) => ({
    ...defaultPrerenderer,
    name: "union-kb:search-first",
    async getStaticPaths() {
      // Astro 7.3 returns the paths; 7.4 may return them with metadata.
      const found = (await defaultPrerenderer.getStaticPaths()) as StaticPaths;
      const { paths, searchable } = searchableFirst(Array.isArray(found) ? found : found.paths);
      // Renamed into place: the build never reads half a list.
      writeFileSync(`${listFile}.tmp`, JSON.stringify(searchable));
      renameSync(`${listFile}.tmp`, listFile);
      return (Array.isArray(found) ? paths : { ...found, paths }) as PathWithRoute[];
    },
  });
}
