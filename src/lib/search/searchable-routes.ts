/**
 * The routes whose pages the search index reads: every page they render
 * passes `searchable` to Base.astro, which marks its `<main>` with
 * `data-pagefind-body`. `npm run build` renders these first and indexes them
 * while Astro renders the rest (src/lib/search/early-index.ts). The list is
 * only a head start: the build compares what it indexed with the pages that
 * carry the mark and indexes again if they differ; the build test of the
 * sample (which has every kind of page) expects the head start to be used.
 */
export const SEARCHABLE_ROUTES: ReadonlySet<string> = new Set([
  "src/pages/[...locale]/events/[event].astro",
  "src/pages/[...locale]/glossary/index.astro",
  "src/pages/cases/[case].astro",
  "src/pages/courses/[course]/index.astro",
  "src/pages/courses/[course]/[lesson].astro",
  "src/pages/materials/[material].astro",
  "src/pages/policies/[policy].astro",
]);

/**
 * Where Astro writes the page of `pathname` (build format "directory"),
 * relative to the site root with `/` separators: "/cases/x/" → "cases/x/index.html".
 */
export function pageFileOf(pathname: string): string {
  const folder = pathname.replace(/^\/+|\/+$/g, "");
  return folder === "" ? "index.html" : `${folder}/index.html`;
}
