import type { Locale } from "../../schemas/common.ts";

const KEY = "unionKbContentLocale";

/**
 * Records the language of the entry a page renders. Author components inside
 * MDX (Callout, Question …) get only their own props, so their labels learn the
 * language from the page's request-scoped `Astro.locals`.
 */
export function setContentLocale(locals: object, locale: Locale): void {
  (locals as Record<string, unknown>)[KEY] = locale;
}

/** The language set by the page, Chinese when none was set. */
export function contentLocale(locals: object): Locale {
  return ((locals as Record<string, unknown>)[KEY] as Locale | undefined) ?? "zh-CN";
}
