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

/** Formats a date the way readers of the locale expect: 2022年5月1日 / 1 May 2022. */
export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
}
