import type { Locale } from "../schemas/common.ts";
import en from "./en.json" with { type: "json" };
import zh from "./zh-CN.json" with { type: "json" };

/** Every UI string key; zh-CN is the reference locale. */
export type UiKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<UiKey, string>> = { "zh-CN": zh, en };

/** Returns the UI string for `key` in `locale`. */
export function t(locale: Locale, key: UiKey): string {
  return dictionaries[locale][key];
}

/** A translator bound to one locale, for components: `const tr = translator(locale)`. */
export function translator(locale: Locale): (key: UiKey) => string {
  return (key) => t(locale, key);
}

/** One formatter per locale: creating an Intl.DateTimeFormat costs more than formatting. */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Formats a date the way readers of the locale expect: 2022年5月1日 / 1 May 2022. */
export function formatDate(locale: Locale, date: Date): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
