/**
 * Dates and times of events as readers of each UI language write them:
 * 2026年12月4日（周五）14:30—16:00 / Fri 4 Dec 2026, 14:30–16:00.
 * Wall-clock values are formatted as written (they are Beijing time), never
 * converted to the build machine's zone.
 */

import type { Recurrence } from "../lib/events/rrule.ts";
import { WEEKDAYS } from "../lib/events/rrule.ts";
import type { Occurrence } from "../lib/events/schedule.ts";
import { isoWeekday } from "../lib/events/time.ts";
import type { Locale } from "../schemas/common.ts";
import { t, type UiKey } from "./index.ts";

const INTL = { "zh-CN": "zh-CN", en: "en-GB" } satisfies Record<Locale, string>;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, options: Intl.DateTimeFormatOptions, date: string): string {
  const key = `${locale}${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale], { ...options, timeZone: "UTC" });
    formats.set(key, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** 2026年12月 / December 2026, for YYYY-MM. */
export function formatMonth(locale: Locale, month: string): string {
  return format(locale, { year: "numeric", month: "long" }, `${month}-01`);
}

/** 周五 / Fri */
export function weekdayName(locale: Locale, date: string): string {
  return t(locale, `weekday.${isoWeekday(date)}` as UiKey);
}

/** 2026年12月4日（周五） / Fri 4 Dec 2026; without the year when `withYear` is false. */
export function formatDay(locale: Locale, date: string, withYear = true): string {
  const day = format(
    locale,
    withYear
      ? { year: "numeric", month: "long", day: "numeric" }
      : { month: "long", day: "numeric" },
    date,
  );
  const weekday = weekdayName(locale, date);
  return t(locale, "events.dayWithWeekday", { day, weekday });
}

/** When one occurrence is: its day(s) and, for timed events, its times. */
export function formatOccurrence(locale: Locale, o: Occurrence, withYear = true): string {
  const from = formatDay(locale, o.start.date, withYear);
  if (!o.start.time) {
    return o.end.date === o.start.date
      ? from
      : t(locale, "events.range", { from, to: formatDay(locale, o.end.date, withYear) });
  }
  const sameDay = o.end.date === o.start.date;
  const to = sameDay
    ? (o.end.time ?? "")
    : `${formatDay(locale, o.end.date, withYear)} ${o.end.time ?? ""}`;
  const times = t(locale, sameDay ? "events.timeRange" : "events.range", {
    from: o.start.time,
    to,
  });
  return `${from} ${times}`;
}

/** 每周二，共 12 次 / Every Tue, 12 sessions: the rule in words. */
export function describeRecurrence(
  locale: Locale,
  rule: Recurrence,
  start: string,
  sessions: number,
): string {
  const sep = t(locale, "punctuation.listSeparator");
  const dayName = (day: (typeof WEEKDAYS)[number]) =>
    t(locale, `weekday.${WEEKDAYS.indexOf(day) + 1}` as UiKey);
  let text: string;
  if (rule.freq === "WEEKLY") {
    const days = (
      rule.byDay.length ? rule.byDay.map((b) => dayName(b.day)) : [weekdayName(locale, start)]
    ).join(sep);
    text =
      rule.interval === 1
        ? t(locale, "events.weekly", { days })
        : t(locale, "events.weeklyInterval", { n: rule.interval, days });
  } else if (rule.byDay.length) {
    text = rule.byDay
      .map((b) =>
        t(locale, "events.monthlyNth", {
          nth: t(locale, `events.nth.${b.ordinal ?? 1}` as UiKey),
          day: dayName(b.day),
        }),
      )
      .join(sep);
  } else {
    const days = (rule.byMonthDay.length ? rule.byMonthDay : [Number(start.slice(8))]).join(sep);
    text = t(locale, "events.monthlyDay", { day: days });
  }
  return `${text}${t(locale, "punctuation.comma")}${t(locale, "events.sessions", { n: sessions })}`;
}
