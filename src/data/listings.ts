import { nameIn, shownText, t } from "../i18n/index.ts";
import { type Dimension, type Filterable, filterItems, filterPages } from "../lib/site/filters.ts";
import { inLanguageFirst } from "../lib/site/language-first.ts";
import { versionYear } from "../lib/site/policy-version.ts";
import type { ListSection } from "../lib/site/routes.ts";
import type { Audience, Format, Locale } from "../schemas/common.ts";
import type { MaterialKind } from "../schemas/material.ts";
import type { PolicyStatus } from "../schemas/policy.ts";
import { type CourseEntry, getAllLessons, getCourses } from "./courses.ts";
import { getCases, getGlossary, getTopics, type TopicEntry } from "./library.ts";
import { campaignName, getMaterials } from "./materials.ts";
import { getPolicies } from "./policies.ts";
import { routes } from "./urls.ts";

/** One entry as a list shows it, in the UI language of the list. */
export interface ListItem extends Filterable {
  kind: "course" | "lesson" | "policy" | "case" | "material";
  id: string;
  title: string;
  /** Language of `title` (an English UI shows English titles where they exist). */
  titleLang: Locale;
  summary: string;
  summaryLang: Locale;
  path: string;
  updated: Date;
  /** Language the entry itself is written in. */
  lang: Locale;
  /** Short facts shown after the title, e.g. kind and year. */
  notes: string[];
  /** Grouping key within the list (policy kind). */
  group?: string;
  /** Policies: in force, amended… */
  status?: PolicyStatus;
}

/** The dimensions each list can be filtered by. */
export const LIST_DIMENSIONS: Record<ListSection, readonly Dimension[]> = {
  courses: ["topic", "audience", "format", "year"],
  policies: ["topic", "year"],
  cases: ["topic", "year"],
  materials: ["kind", "topic", "audience", "campaign", "year"],
};

/** Title and summary in the UI language when the entry has them, else as written. */
function localText(
  locale: Locale,
  entry: {
    title: string;
    titleEn?: string | undefined;
    summary: string;
    summaryEn?: string | undefined;
    lang: Locale;
  },
) {
  const title = shownText(locale, { text: entry.title, lang: entry.lang }, { en: entry.titleEn });
  const summary = shownText(
    locale,
    { text: entry.summary, lang: entry.lang },
    { en: entry.summaryEn },
  );
  return {
    title: title.text,
    titleLang: title.lang,
    summary: summary.text,
    summaryLang: summary.lang,
  };
}

/** The course that translates `course` or that `course` translates, if any. */
export async function getCourseTranslation(course: CourseEntry): Promise<CourseEntry | undefined> {
  const courses = await getCourses();
  const { translationOf } = course.data;
  return translationOf
    ? courses.find((c) => c.id === translationOf)
    : courses.find((c) => c.data.translationOf === course.id);
}

/**
 * Courses for a list in `locale`: where a course and its translation both
 * exist only the one in the UI language is listed; courses written in the UI
 * language come first.
 */
export async function courseItems(locale: Locale): Promise<ListItem[]> {
  const courses = await getCourses();
  const translated = new Set(
    courses.flatMap((c) => (c.data.translationOf ? [c.id, c.data.translationOf] : [])),
  );
  const items: ListItem[] = courses
    .filter((c) => !translated.has(c.id) || c.data.lang === locale)
    .map((c) => ({
      kind: "course",
      id: c.id,
      ...localText(locale, c.data),
      path: routes.course(c.id),
      updated: c.data.updated,
      lang: c.data.lang,
      notes: [
        t(locale, `format.${c.data.format}`),
        t(locale, "course.hoursValue", { n: c.data.hours }),
      ],
      facets: {
        topic: c.data.topics,
        audience: c.data.audience,
        format: [c.data.format],
        year: [String(c.data.updated.getUTCFullYear())],
      },
    }));
  return inLanguageFirst(items, locale);
}

/** Policies for a list, grouped by kind. */
export async function policyItems(locale: Locale): Promise<ListItem[]> {
  return (await getPolicies()).map((p) => ({
    kind: "policy",
    id: p.id,
    ...localText(locale, p.data),
    path: routes.policy(p.id),
    updated: p.data.updated,
    lang: p.data.lang,
    notes: [t(locale, `status.${p.data.status}`), versionYear(p.data)],
    group: p.data.kind,
    status: p.data.status,
    facets: { topic: p.data.topics, year: [versionYear(p.data)] },
  }));
}

/** Cases for a list, newest first. */
export async function caseItems(locale: Locale): Promise<ListItem[]> {
  return (await getCases()).map((c) => ({
    kind: "case",
    id: c.id,
    ...localText(locale, c.data),
    path: routes.case(c.id),
    updated: c.data.updated,
    lang: c.data.lang,
    notes: [t(locale, `caseKind.${c.data.kind}`), String(c.data.year)],
    facets: { topic: c.data.topics, year: [String(c.data.year)] },
  }));
}

/** Publicity materials for a list, newest first. */
export async function materialItems(locale: Locale): Promise<ListItem[]> {
  return (await getMaterials())
    .map((m) => ({
      kind: "material" as const,
      id: m.id,
      ...localText(locale, m.data),
      path: routes.material(m.id),
      updated: m.data.updated,
      lang: m.data.lang,
      notes: [t(locale, `materialKind.${m.data.kind}`), m.data.date.toISOString().slice(0, 10)],
      facets: {
        kind: [m.data.kind],
        topic: m.data.topics,
        audience: m.data.audience,
        campaign: m.data.campaign ? [m.data.campaign] : [],
        year: [String(m.data.date.getUTCFullYear())],
      },
    }))
    .sort(
      (a, b) => (a.notes[1] ?? "").localeCompare(b.notes[1] ?? "") * -1 || a.id.localeCompare(b.id),
    );
}

const computed = new Map<string, Promise<ListItem[]>>();

/**
 * Lists are built once per build and shared by every page that shows them
 * (paginated lists have many pages); the arrays are shared, so callers copy
 * before sorting. `astro dev` computes them on every request, so edits show.
 */
function once(key: string, compute: () => Promise<ListItem[]>): Promise<ListItem[]> {
  if (import.meta.env.DEV) return compute();
  let list = computed.get(key);
  if (!list) {
    list = compute();
    computed.set(key, list);
  }
  return list;
}

/** The items of one list section (computed once per build; do not modify). */
export function sectionItems(section: ListSection, locale: Locale): Promise<ListItem[]> {
  return once(`${section}:${locale}`, () =>
    ({ courses: courseItems, policies: policyItems, cases: caseItems, materials: materialItems })[
      section
    ](locale),
  );
}

/** Lessons as list items, for "what's new" and the feed. */
async function lessonItems(locale: Locale): Promise<ListItem[]> {
  return (await getAllLessons()).map(({ entry, course, slug }) => ({
    kind: "lesson",
    id: `${course}/${slug}`,
    ...localText(locale, entry.data),
    path: routes.lesson(course, slug),
    updated: entry.data.updated,
    lang: entry.data.lang,
    notes: [],
    facets: { topic: entry.data.topics },
  }));
}

/** Everything, most recently updated first (ties by path, so builds are stable). */
export async function recentItems(
  locale: Locale,
  limit = Number.POSITIVE_INFINITY,
): Promise<ListItem[]> {
  return (await allItems(locale)).slice(0, limit);
}

/**
 * The entries of a UI language's RSS feed, newest first: those with a title in
 * that language (every entry in Chinese; in English, English entries and
 * Chinese ones with an English title), at most `limit`.
 */
export async function feedItems(locale: Locale, limit: number): Promise<ListItem[]> {
  return (await allItems(locale)).filter((item) => item.titleLang === locale).slice(0, limit);
}

/** Every entry in a UI language, most recently updated first; computed once per build. */
function allItems(locale: Locale): Promise<ListItem[]> {
  return once(`all:${locale}`, async () =>
    [
      ...(await sectionItems("courses", locale)),
      ...(await lessonItems(locale)),
      ...(await sectionItems("policies", locale)),
      ...(await sectionItems("cases", locale)),
    ].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.path.localeCompare(b.path)),
  );
}

/** The label of a filter value in the UI language (topic names, audiences, formats, years). */
export async function facetLabel(
  locale: Locale,
  dimension: Dimension,
  value: string,
): Promise<string> {
  if (dimension === "topic") {
    const topic = (await getTopics()).find((x) => x.id === value);
    return topic ? nameIn(locale, topic.data) : value;
  }
  if (dimension === "audience") return t(locale, `audience.${value as Audience}`);
  if (dimension === "format") return t(locale, `format.${value as Format}`);
  if (dimension === "kind") return t(locale, `materialKind.${value as MaterialKind}`);
  if (dimension === "campaign") return (await campaignName(locale, value)) ?? value;
  return value;
}

/**
 * Every filter page to build, the same set in both UI languages (values of
 * either language's list), so the language switcher always finds its page.
 */
export async function filterPageParams(): Promise<
  { list: ListSection; dimension: Dimension; value: string }[]
> {
  const lists = ["courses", "policies", "cases", "materials"] as const;
  const params = new Map<string, { list: ListSection; dimension: Dimension; value: string }>();
  for (const list of lists) {
    const items = [...(await sectionItems(list, "zh-CN")), ...(await sectionItems(list, "en"))];
    for (const { dimension, value } of filterPages(items, LIST_DIMENSIONS[list])) {
      params.set(`${list}/${dimension}/${value}`, { list, dimension, value });
    }
  }
  return [...params.values()];
}

/** Everything on one topic in a UI language, grouped by kind: courses, lessons, policies, cases. */
export async function topicItems(locale: Locale, topic: string): Promise<ListItem[]> {
  const order = ["course", "lesson", "policy", "case"];
  return (await allItems(locale))
    .filter((item) => item.facets.topic?.includes(topic))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** A glossary term on a topic page: its name in the UI language and a link to its definition. */
export interface TermLink {
  kind: "term";
  id: string;
  title: string;
  path: string;
}

/** Something listed on a topic page. */
export type TopicListing = ListItem | TermLink;

/**
 * Everything on one topic in page order: courses, lessons, policies, cases,
 * then glossary terms (A–Z / pinyin), for a topic page split into pages.
 */
export async function topicListing(locale: Locale, topic: string): Promise<TopicListing[]> {
  const terms = (await getGlossary(locale))
    .filter((term) => term.data.topics.includes(topic))
    .map(
      (term): TermLink => ({
        kind: "term",
        id: term.id,
        title: nameIn(locale, term.data),
        path: routes.term(term.id, locale),
      }),
    );
  return [...(await topicItems(locale, topic)), ...terms];
}

/** Every topic with its listing in a UI language, for the topic pages' getStaticPaths. */
export async function topicListings(
  locale: Locale,
): Promise<{ topic: TopicEntry; items: TopicListing[] }[]> {
  return Promise.all(
    (await getTopics()).map(async (topic) => ({
      topic,
      items: await topicListing(locale, topic.id),
    })),
  );
}

/** Every list section with its items in a UI language, for the list pages' getStaticPaths. */
export async function sectionListings(
  locale: Locale,
): Promise<{ section: ListSection; items: ListItem[] }[]> {
  const listings = await Promise.all(
    (["courses", "policies", "cases", "materials"] as const).map(async (section) => ({
      section,
      items: await sectionItems(section, locale),
    })),
  );
  // The materials list exists only when the knowledge base has materials (as the events section).
  return listings.filter(({ section, items }) => section !== "materials" || items.length > 0);
}

/**
 * Every filter page with its items in a UI language, for getStaticPaths:
 * the same (list, dimension, value) set in both languages (see filterPageParams).
 */
export async function filterListings(locale: Locale): Promise<
  {
    section: ListSection;
    filter: { dimension: Dimension; value: string };
    items: ListItem[];
  }[]
> {
  return Promise.all(
    (await filterPageParams()).map(async ({ list, dimension, value }) => ({
      section: list,
      filter: { dimension, value },
      items: filterItems(await sectionItems(list, locale), dimension, value),
    })),
  );
}

/** Where the language switcher goes from a lesson: the same lesson in the translated course, or that course. */
export async function getLessonTranslationPath(
  courseId: string,
  slug: string,
): Promise<string | undefined> {
  const course = (await getCourses()).find((c) => c.id === courseId);
  const other = course && (await getCourseTranslation(course));
  if (!other) return undefined;
  const lessons = (await getAllLessons()).filter((l) => l.course === other.id);
  return lessons.some((l) => l.slug === slug)
    ? routes.lesson(other.id, slug)
    : routes.course(other.id);
}
