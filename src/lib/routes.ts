import type { Locale } from "../schemas/common.ts";

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
  article: (policy: string, article: number) => `/policies/${policy}/#art-${article}`,
  cases: (locale: Locale = "zh-CN") => `${localePrefix(locale)}cases/`,
  case: (id: string) => `/cases/${id}/`,
  topics: (locale: Locale = "zh-CN") => `${localePrefix(locale)}topics/`,
  topic: (id: string, locale: Locale = "zh-CN") => `${localePrefix(locale)}topics/${id}/`,
  glossary: (locale: Locale = "zh-CN") => `${localePrefix(locale)}glossary/`,
  term: (id: string, locale: Locale = "zh-CN") => `${localePrefix(locale)}glossary/#term-${id}`,
};

/** `/` for Chinese, `/en/` for English. */
export function localePrefix(locale: Locale): string {
  return locale === "en" ? "/en/" : "/";
}

/** Prefixes a root-relative path with the site's base path (`/kb/`). */
export function joinBase(base: string, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith("#")) return path;
  return `${base.replace(/\/$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
