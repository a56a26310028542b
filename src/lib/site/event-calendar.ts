/**
 * Events laid out by month: the list of the events page (one item per event
 * and month it meets in) and the month grid. Pure functions of the
 * schedules, with no clock: what is past is decided in the reader's browser
 * (src/components/events/event-clock.ts), so a page built today stays right.
 */
import type { Occurrence } from "../events/schedule.ts";
import { addDays, dayNumber, isoWeekday } from "../events/time.ts";

/** YYYY-MM of a YYYY-MM-DD date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  for (let n = 0; n < 1200; n++) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    month = (month % 12) + 1;
    if (month === 1) year++;
  }
  return months;
}

/** An event's occurrences that start in one month: one item of the events list. */
export interface MonthItem<E> {
  month: string;
  event: E;
  occurrences: Occurrence[];
  /** When the first of them begins and the last is over, ms since 1970 UTC. */
  startMs: number;
  endMs: number;
}

/** Items by month, months in order, items by their first start (then by id). */
export function groupByMonth<E extends { id: string; occurrences: readonly Occurrence[] }>(
  events: readonly E[],
): { month: string; items: MonthItem<E>[] }[] {
  const months = new Map<string, MonthItem<E>[]>();
  for (const event of events) {
    const byMonth = new Map<string, Occurrence[]>();
    for (const o of event.occurrences) {
      const key = monthOf(o.start.date);
      byMonth.set(key, [...(byMonth.get(key) ?? []), o]);
    }
    for (const [month, occurrences] of byMonth) {
      const item: MonthItem<E> = {
        month,
        event,
        occurrences,
        startMs: Math.min(...occurrences.map((o) => o.startMs)),
        endMs: Math.max(...occurrences.map((o) => o.endMs)),
      };
      months.set(month, [...(months.get(month) ?? []), item]);
    }
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, items]) => ({
      month,
      items: items.sort((a, b) => a.startMs - b.startMs || a.event.id.localeCompare(b.event.id)),
    }));
}

/** Occurrences longer than this are shown above the month grid, not in each of their days. */
export const LONG_OCCURRENCE_DAYS = 7;

/** One day of the month grid and what starts or goes on that day. */
export interface GridDay<E> {
  date: string;
  day: number;
  /** Days of the previous or next month that fill the first and last weeks. */
  inMonth: boolean;
  entries: { event: E; occurrence: Occurrence }[];
}

/** A month as weeks of seven days, Monday first, and the long occurrences that run through it. */
export interface MonthGrid<E> {
  month: string;
  weeks: GridDay<E>[][];
  long: { event: E; occurrence: Occurrence }[];
}

/** The grid of `month` (YYYY-MM). An occurrence of several days is shown on each of them. */
export function monthGrid<E extends { id: string; occurrences: readonly Occurrence[] }>(
  month: string,
  events: readonly E[],
): MonthGrid<E> {
  const first = `${month}-01`;
  const gridStart = addDays(first, 1 - isoWeekday(first));
  const next = monthsBetween(month, "9999-12")[1] ?? month;
  const lastDay = addDays(`${next}-01`, -1);
  const gridEnd = addDays(lastDay, 7 - isoWeekday(lastDay));
  const long: MonthGrid<E>["long"] = [];
  const byDay = new Map<string, GridDay<E>["entries"]>();
  for (const event of events) {
    for (const occurrence of event.occurrences) {
      const span = dayNumber(occurrence.end.date) - dayNumber(occurrence.start.date) + 1;
      if (occurrence.end.date < first || occurrence.start.date > lastDay) continue;
      if (span > LONG_OCCURRENCE_DAYS) {
        long.push({ event, occurrence });
        continue;
      }
      for (let d = 0; d < span; d++) {
        const date = addDays(occurrence.start.date, d);
        byDay.set(date, [...(byDay.get(date) ?? []), { event, occurrence }]);
      }
    }
  }
  const order = (
    a: { event: E; occurrence: Occurrence },
    b: { event: E; occurrence: Occurrence },
  ) => a.occurrence.startMs - b.occurrence.startMs || a.event.id.localeCompare(b.event.id);
  const weeks: GridDay<E>[][] = [];
  for (let date = gridStart; date <= gridEnd; date = addDays(date, 1)) {
    if (isoWeekday(date) === 1) weeks.push([]);
    weeks.at(-1)?.push({
      date,
      day: Number(date.slice(8)),
      inMonth: monthOf(date) === month,
      entries: (byDay.get(date) ?? []).sort(order),
    });
  }
  return { month, weeks, long: long.sort(order) };
}
