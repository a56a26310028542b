import type { Locale } from "../../schemas/common.ts";
import type { Dimension } from "./filters.ts";

/** Lists that can be filtered, each with its own static filter pages. */
export type ListSection = "courses" | "policies" | "cases" | "materials";
/** Parts of the site that exist in both UI languages. */
export type Section = "home" | ListSection | "topics" | "glossary" | "events";

/**
 * Root-relative paths of every page, without the base path. Pages and
 * components turn them into links with `href()` from src/data/urls.ts.
 */
export const routes = {
  home: (locale: Locale = "zh-CN") => localePrefix(locale),
  courses: (locale: Locale = "zh-CN") => `${localePrefix(locale)}courses/`,
  course: (id: string) => `/courses/${id}/`,
  lesson: (course: string, slug: string) => `/courses/${course}/${slug}/`,
  policies: (locale: Locale = "zh-CN") => `${localePrefix(locale)}policies/`,
  policy: (id: string) => `/policies/${id}/`,
  /** An article's anchor on its policy page: `24`, or `24-1` for 第二十四条之一. */
  article: (policy: string, article: number | string) => `/policies/${policy}/#art-${article}`,
  /** The article-by-article comparison of two versions of a law, in either UI language. */
  compare: (newer: string, older: string, locale: Locale = "zh-CN") =>
    `${localePrefix(locale)}policies/${newer}/compare/${older}/`,
  /** A law's version-free address: a page that leads to the version in force. */
  lawLatest: (law: string) => `/policies/${law}/`,
  cases: (locale: Locale = "zh-CN") => `${localePrefix(locale)}cases/`,
  case: (id: string) => `/cases/${id}/`,
  materials: (locale: Locale = "zh-CN") => `${localePrefix(locale)}materials/`,
  /** A publicity material's page (in the material's own language, like cases). */
  material: (id: string) => `/materials/${id}/`,
  topics: (locale: Locale = "zh-CN") => `${localePrefix(locale)}topics/`,
  topic: (id: string, locale: Locale = "zh-CN") => `${localePrefix(locale)}topics/${id}/`,
  glossary: (locale: Locale = "zh-CN") => `${localePrefix(locale)}glossary/`,
  term: (id: string, locale: Locale = "zh-CN") => `${localePrefix(locale)}glossary/#term-${id}`,
  /** A list narrowed to one value, e.g. /courses/filter/topic/vocational-training/. */
  filter: (section: ListSection, dimension: Dimension, value: string, locale: Locale = "zh-CN") =>
    `${localePrefix(locale)}${section}/filter/${dimension}/${encodeURIComponent(value)}/`,
  /** Any section's index page in a language. */
  section: (section: Section, locale: Locale = "zh-CN") =>
    section === "home" ? localePrefix(locale) : `${localePrefix(locale)}${section}/`,
  search: (locale: Locale = "zh-CN") => `${localePrefix(locale)}search/`,
  /** The quiz page (知识问答), in the languages that have questions. */
  quiz: (locale: Locale = "zh-CN") => `${localePrefix(locale)}quiz/`,
  events: (locale: Locale = "zh-CN") => `${localePrefix(locale)}events/`,
  event: (id: string, locale: Locale = "zh-CN") => `${localePrefix(locale)}events/${id}/`,
  /** The month grid, month as YYYY-MM. */
  eventMonth: (month: string, locale: Locale = "zh-CN") =>
    `${localePrefix(locale)}events/month/${month}/`,
  /** Every occurrence as JSON, for the kiosk home's week. */
  eventOccurrences: (locale: Locale = "zh-CN") => `${localePrefix(locale)}events/occurrences.json`,
  /** iCalendar files: one event, every event, the events of one topic (the same in both languages). */
  eventIcs: (id: string) => `/events/${id}.ics`,
  eventsIcs: () => "/events.ics",
  topicIcs: (topic: string) => `/events/topics/${topic}.ics`,
  rss: (locale: Locale = "zh-CN") => `${localePrefix(locale)}rss.xml`,
  printCourse: (course: string) => `/print/courses/${course}/`,
  printLesson: (course: string, slug: string) => `/print/courses/${course}/${slug}/`,
};

/**
 * Where each UI language lives. `satisfies` makes `astro check` fail when a
 * locale is added to the schema and not given a place here.
 */
const LOCALE_PREFIXES = { "zh-CN": "/", en: "/en/" } satisfies Record<Locale, string>;
const OTHER_LOCALE = { "zh-CN": "en", en: "zh-CN" } satisfies Record<Locale, Locale>;

/** Every UI language, Chinese (the default, served at the root) first. */
export const LOCALES = Object.keys(LOCALE_PREFIXES) as Locale[];

/** `/` for Chinese, `/en/` for English. */
export function localePrefix(locale: Locale): string {
  return LOCALE_PREFIXES[locale];
}

/** The other UI language. */
export function otherLocale(locale: Locale): Locale {
  return OTHER_LOCALE[locale];
}

/**
 * The `[...locale]` parameter of a route that serves every UI language from one
 * file (`src/pages/[...locale]/…`): `undefined` for Chinese, whose pages sit at
 * the root, and `"en"` for English (`/en/…`).
 */
export function localeParam(locale: Locale): string | undefined {
  return LOCALE_PREFIXES[locale].slice(1, -1) || undefined;
}

/**
 * Where the language switcher goes: the same page in the other language when
 * it exists (`translation`), otherwise the index of the section the reader is in.
 */
export function switchLanguageTarget(section: Section, to: Locale, translation?: string): string {
  return translation ?? routes.section(section, to);
}

/** Prefixes a root-relative path with the site's base path (`/kb/`). */
export function joinBase(base: string, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith("#")) return path;
  return `${base.replace(/\/$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
