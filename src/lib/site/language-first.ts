import type { Locale } from "../../schemas/common.ts";

/**
 * Items written in the UI language first, the others after, each group in the
 * order given: an English reader sees the English course before the Chinese
 * ones it can only partly read.
 */
export function inLanguageFirst<T extends { lang: Locale }>(
  items: readonly T[],
  locale: Locale,
): T[] {
  return [...items.filter((i) => i.lang === locale), ...items.filter((i) => i.lang !== locale)];
}

/**
 * The courses a home page features: those marked featured, in the UI language
 * first. When none of them is in the UI language, the courses that are come
 * first anyway, so the English home page does not open with Chinese-only courses.
 */
export function featuredItems<T extends { id: string; lang: Locale }>(
  items: readonly T[],
  featured: ReadonlySet<string>,
  locale: Locale,
  limit: number,
): T[] {
  const marked = items.filter((i) => featured.has(i.id));
  const own = marked.some((i) => i.lang === locale)
    ? []
    : items.filter((i) => i.lang === locale && !featured.has(i.id));
  return inLanguageFirst([...own, ...marked], locale).slice(0, limit);
}
