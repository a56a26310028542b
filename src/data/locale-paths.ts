import { LOCALES, localeParam } from "../lib/site/routes.ts";
import type { Locale } from "../schemas/common.ts";

/**
 * The route table for pages that exist in every UI language. Each such page
 * shape has one route file under `src/pages/[...locale]/`; its `[...locale]`
 * parameter is empty for Chinese (`/topics/`) and `en` for English
 * (`/en/topics/`), and the locale reaches the page as a prop.
 */

/** A path of a `[...locale]` route with no other parameter. */
export interface LocalePath {
  params: { locale: string | undefined };
  props: { locale: Locale };
}

/** One path per UI language (home, search, glossary, topic index). */
export function localePaths(locales: readonly Locale[] = LOCALES): LocalePath[] {
  return locales.map((locale) => ({ params: { locale: localeParam(locale) }, props: { locale } }));
}

/**
 * The English "page not found" page, at `/en/404/`. The Chinese one is
 * `/404.html`, which only `src/pages/404.astro` can produce: Astro (and every
 * static server) treats that route as the site's 404 page.
 */
export function notFoundPaths(): LocalePath[] {
  return localePaths(LOCALES.filter((locale) => localeParam(locale) !== undefined));
}

/**
 * The paths `pathsOf` gives for each UI language, as one list for
 * `getStaticPaths()`, Chinese first.
 */
export async function pathsForEachLocale<T>(
  pathsOf: (locale: Locale, param: string | undefined) => T[] | Promise<T[]>,
): Promise<T[]> {
  const perLocale = await Promise.all(
    LOCALES.map((locale) => pathsOf(locale, localeParam(locale))),
  );
  return perLocale.flat();
}
