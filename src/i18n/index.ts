import type { Locale } from "../schemas/common.ts";
import en from "./en.json" with { type: "json" };
import { interpolate, type UiValues } from "./interpolate.ts";
import zh from "./zh-CN.json" with { type: "json" };

export { interpolate, type UiValues } from "./interpolate.ts";
export {
  byLocale,
  englishSubtitle,
  type LocalizedText,
  langAttribute,
  nameIn,
  shownText,
} from "./localized.ts";

/** Every UI string key; zh-CN is the reference locale. */
export type UiKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<UiKey, string>> = { "zh-CN": zh, en };

/**
 * Returns the UI string for `key` in `locale`, its `{name}` placeholders
 * filled from `values`: `t("en", "list.count", { n: 3 })` is `3 items`.
 */
export function t(locale: Locale, key: UiKey, values?: UiValues): string {
  const template = dictionaries[locale][key];
  return values ? interpolate(template, values) : template;
}

/** `t()` bound to one locale. */
export type Translator = (key: UiKey, values?: UiValues) => string;

/** A translator bound to one locale, for components: `const tr = translator(locale)`. */
export function translator(locale: Locale): Translator {
  return (key, values) => t(locale, key, values);
}

/**
 * A UI string cut at its one `{name}` placeholder, for a page that wraps the
 * value in markup: `const [before, after] = tAround(locale, "search.hint",
 * "example")`, then `{before}<span lang="zh-CN">…</span>{after}`.
 */
export function tAround(locale: Locale, key: UiKey, name: string): [string, string] {
  const [before = "", after = ""] = dictionaries[locale][key].split(`{${name}}`);
  return [before, after];
}

/** How each UI language writes dates: 2022年5月1日 / 1 May 2022. */
const DATE_LOCALES = { "zh-CN": "zh-CN", en: "en-GB" } satisfies Record<Locale, string>;

/** One formatter per locale: creating an Intl.DateTimeFormat costs more than formatting. */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Formats a date the way readers of the locale expect: 2022年5月1日 / 1 May 2022. */
export function formatDate(locale: Locale, date: Date): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[locale], {
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
