import { LOCALES, localeParam } from "../site/routes.ts";

/**
 * The 404 pages to try, in order, for a missing file at `rel` (relative to the
 * site root, no leading slash): under /en/ the English page the build writes to
 * en/404/index.html, then the site's 404.html (Chinese).
 */
export function notFoundPages(rel: string | undefined): string[] {
  const first = rel?.split("/")[0];
  const prefixes = LOCALES.map(localeParam).filter((p): p is string => p !== undefined);
  return first && prefixes.includes(first) ? [`${first}/404/index.html`, "404.html"] : ["404.html"];
}
