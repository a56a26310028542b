import type { Locale } from "../schemas/common.ts";

/**
 * Picking the language version of content (names, descriptions, titles) for a
 * page in one UI language. UI strings come from `t()` in ./index.ts; these
 * helpers choose between fields an author wrote, so that no component spells
 * out `locale === "en" ? … : …`.
 */

/** A text and the language it is written in. */
export interface LocalizedText<T extends string | undefined = string> {
  text: T | string;
  lang: Locale;
}

/** The value for `locale` from one value per UI language: `byLocale(locale, { "zh-CN": "、", en: ", " })`. */
export function byLocale<T>(locale: Locale, values: Readonly<Record<Locale, T>>): T {
  return values[locale];
}

/** The name of a topic or glossary term (each has a Chinese and an English name) in `locale`. */
export function nameIn(locale: Locale, named: { zh: string; en: string }): string {
  return byLocale(locale, { "zh-CN": named.zh, en: named.en });
}

/**
 * A text as a page in `locale` shows it: its translation into `locale` when it
 * is written in another language and has one (`{ en: data.titleEn }`),
 * otherwise the text as written, with the language it is written in.
 */
export function shownText<T extends string | undefined>(
  locale: Locale,
  written: { text: T; lang: Locale },
  translations: Partial<Record<Locale, string | undefined>>,
): LocalizedText<T> {
  const translation = written.lang === locale ? undefined : translations[locale];
  return translation ? { text: translation, lang: locale } : written;
}

/** The `lang` attribute a text needs on a page in `locale`: none when it is in the page's language. */
export function langAttribute(locale: Locale, lang: Locale): Locale | undefined {
  return lang === locale ? undefined : lang;
}

/**
 * The English title shown under the title of an entry written in Chinese.
 * An entry written in English has its English title as its title already.
 */
export function englishSubtitle(lang: Locale, titleEn: string | undefined): string | undefined {
  return byLocale(lang, { "zh-CN": titleEn, en: undefined });
}
