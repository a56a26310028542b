import { type CollectionEntry, getCollection } from "astro:content";
import { formatOccurrence } from "../i18n/event-dates.ts";
import { nameIn, shownText, t } from "../i18n/index.ts";
import type { Calendar, CalendarEvent } from "../lib/events/ical.ts";
import { type Occurrence, type Schedule, scheduleOf } from "../lib/events/schedule.ts";
import {
  groupByMonth,
  type MonthGrid,
  monthGrid,
  monthOf,
  monthsBetween,
} from "../lib/site/event-calendar.ts";
import type { Locale } from "../schemas/common.ts";
import type { EventKind } from "../schemas/event.ts";
import { lessonIndex } from "./courses.ts";
import { getCases, getTopics } from "./library.ts";
import { getPolicies } from "./policies.ts";
import { getSite } from "./site.ts";
import { href, routes } from "./urls.ts";

export type EventEntry = CollectionEntry<"events">;

/** An event with its schedule, as every events page reads it. */
export interface ScheduledEvent {
  id: string;
  entry: EventEntry;
  schedule: Schedule;
  occurrences: Occurrence[];
}

/** An event as a page in one UI language shows it. */
export interface EventView extends ScheduledEvent {
  title: string;
  titleLang: Locale;
  summary: string;
  summaryLang: Locale;
  kind: EventKind;
  path: string;
}

let scheduled: Promise<ScheduledEvent[]> | undefined;

/** Every event with its occurrences, by first start; computed once per build. */
export function getEvents(): Promise<ScheduledEvent[]> {
  scheduled ??= getCollection("events").then((entries) =>
    entries
      .map((entry) => {
        const { schedule } = scheduleOf(entry.data);
        // The content check refuses an event without a schedule before the build starts.
        if (!schedule)
          throw new Error(`Event ${entry.id} has no valid schedule: run npm run check`);
        return { id: entry.id, entry, schedule, occurrences: schedule.occurrences };
      })
      .sort(
        (a, b) =>
          (a.occurrences[0]?.startMs ?? 0) - (b.occurrences[0]?.startMs ?? 0) ||
          a.id.localeCompare(b.id),
      ),
  );
  return scheduled;
}

/** Every event in `locale`: titles and summaries in the UI language where the event has them. */
export async function eventViews(locale: Locale): Promise<EventView[]> {
  return (await getEvents()).map((event) => {
    const { data } = event.entry;
    const title = shownText(locale, { text: data.title, lang: data.lang }, { en: data.titleEn });
    const summary = shownText(
      locale,
      { text: data.summary, lang: data.lang },
      { en: data.summaryEn },
    );
    return {
      ...event,
      title: title.text,
      titleLang: title.lang,
      summary: summary.text,
      summaryLang: summary.lang,
      kind: data.kind,
      path: routes.event(event.id, locale),
    };
  });
}

/** The events list: one item per event and month it meets in, months in order. */
export async function eventsByMonth(locale: Locale) {
  return groupByMonth(await eventViews(locale));
}

/** Every month from the first occurrence to the last, each with a grid page. */
export async function eventMonths(): Promise<string[]> {
  const days = (await getEvents())
    .flatMap((e) => e.occurrences.flatMap((o) => [o.start.date, o.end.date]))
    .sort();
  const first = days[0];
  const last = days.at(-1);
  return first && last ? monthsBetween(monthOf(first), monthOf(last)) : [];
}

/** The grid of one month (YYYY-MM) in `locale`. */
export async function eventMonthGrid(month: string, locale: Locale): Promise<MonthGrid<EventView>> {
  return monthGrid(month, await eventViews(locale));
}

/** A related entry an event links to, as a link. */
export interface RelatedLink {
  type: "course" | "lesson" | "policy" | "case";
  title: string;
  lang: Locale;
  path: string;
}

/** The courses, lessons, policies and cases an event links to (the check made sure they exist). */
export async function relatedLinks(event: EventEntry, locale: Locale): Promise<RelatedLink[]> {
  const { links } = event.data;
  const lessons = [...(await lessonIndex()).values()].flat();
  const courses = await getCollection("courses");
  const policies = await getPolicies();
  const cases = await getCases();
  const text = (d: { title: string; titleEn?: string | undefined; lang: Locale }) =>
    shownText(locale, { text: d.title, lang: d.lang }, { en: d.titleEn });
  const found: RelatedLink[] = [];
  for (const id of links.courses) {
    const c = courses.find((x) => x.id === id);
    if (c) found.push({ type: "course", ...asLink(text(c.data)), path: routes.course(id) });
  }
  for (const id of links.lessons) {
    const l = lessons.find((x) => `${x.course}/${x.slug}` === id);
    if (l)
      found.push({
        type: "lesson",
        ...asLink(text(l.entry.data)),
        path: routes.lesson(l.course, l.slug),
      });
  }
  for (const id of links.policies) {
    const p = policies.find((x) => x.id === id);
    if (p) found.push({ type: "policy", ...asLink(text(p.data)), path: routes.policy(id) });
  }
  for (const id of links.cases) {
    const c = cases.find((x) => x.id === id);
    if (c) found.push({ type: "case", ...asLink(text(c.data)), path: routes.case(id) });
  }
  return found;
}

function asLink(shown: { text: string; lang: Locale }): { title: string; lang: Locale } {
  return { title: shown.text, lang: shown.lang };
}

/** One occurrence as the kiosk's “this week” list shows it (events/occurrences.json). */
export interface OccurrenceItem {
  title: string;
  lang: Locale;
  /** Link with the base path. */
  href: string;
  /** When and where, in the UI language. */
  when: string;
  start: number;
  end: number;
}

/**
 * Every occurrence of every event in `locale`, by start: the kiosk home page
 * loads this file and shows the current week's, so the home page itself does
 * not grow with the calendar.
 */
export async function occurrenceItems(locale: Locale): Promise<OccurrenceItem[]> {
  return (await eventViews(locale))
    .flatMap((event) =>
      event.occurrences.map((o) => ({
        title: event.title,
        lang: event.titleLang,
        href: href(event.path),
        when: [formatOccurrence(locale, o, false), event.entry.data.place?.name]
          .filter(Boolean)
          .join(" · "),
        start: o.startMs,
        end: o.endMs,
        id: event.id,
      })),
    )
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    .map(({ id: _, ...item }) => item);
}

/** Topics that have events, in the order of topics.yaml: one calendar file each. */
export async function eventTopics(): Promise<string[]> {
  const used = new Set((await getEvents()).flatMap((e) => e.entry.data.topics));
  return (await getTopics()).map((t) => t.id).filter((id) => used.has(id));
}

/** The classes linked to a course, for its handout's "next class". */
export async function classesOfCourse(course: string, locale: Locale): Promise<EventView[]> {
  return (await eventViews(locale)).filter(
    (e) => e.kind === "class" && e.entry.data.links.courses.includes(course),
  );
}

/**
 * A calendar file of `events` (all, or one topic's, or one): texts as the
 * events are written, the site's address in the UID and URL.
 */
export async function calendarOf(events: ScheduledEvent[], name: string): Promise<Calendar> {
  const site = await getSite();
  const host = new URL(site.url).hostname;
  const locale = site.defaultLocale;
  return {
    name,
    lang: locale,
    events: events.map((event): CalendarEvent => {
      const { data } = event.entry;
      const url = new URL(href(routes.event(event.id, locale)), site.url).href;
      const place = data.place
        ? [data.place.name, data.place.address].filter(Boolean).join(t(locale, "punctuation.comma"))
        : undefined;
      return {
        uid: `${event.id}@${host}`,
        updated: data.updated,
        summary: data.title,
        description: [
          data.summary,
          data.organiser &&
            `${t(locale, "events.organiser")}${t(locale, "punctuation.colon")}${data.organiser}`,
          url,
        ]
          .filter(Boolean)
          .join("\n"),
        location: place,
        url,
        categories: [t(locale, `eventKind.${data.kind}`)],
        schedule: event.schedule,
      };
    }),
  };
}

/** The name of a calendar file: the site's name, and a topic's when there is one. */
export async function calendarName(topic?: string): Promise<string> {
  const site = await getSite();
  const locale = site.defaultLocale;
  const base = `${site.name} · ${t(locale, "events.title")}`;
  if (!topic) return base;
  const entry = (await getTopics()).find((x) => x.id === topic);
  return `${base} · ${entry ? nameIn(locale, entry.data) : topic}`;
}
