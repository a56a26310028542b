/**
 * iCalendar (RFC 5545) files for events: one per event, one of all events,
 * one per topic. Written here rather than with a generator library because
 * what we need is small and must be byte-for-byte stable: the stamp comes
 * from the entry's `updated` date, never from the clock, so two builds give
 * the same files. Tests read the output back with ical.js.
 */
import type { Schedule } from "./schedule.ts";
import { addDays, instantOf, type WallTime } from "./time.ts";

/** One event as a calendar file shows it. */
export interface CalendarEvent {
  /** Stable for the life of the event: `<id>@<site host>`. */
  uid: string;
  /** When the entry last changed (its `updated` date): DTSTAMP and LAST-MODIFIED. */
  updated: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  /** Absolute address of the event's page. */
  url?: string | undefined;
  categories: string[];
  schedule: Schedule;
}

/** A calendar: its name and events. */
export interface Calendar {
  name: string;
  /** Language of the texts, e.g. zh-CN. */
  lang: string;
  events: CalendarEvent[];
}

const CRLF = "\r\n";

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): a break, then a space
 * starting the next line. Breaks fall between characters, never inside the
 * bytes of one UTF-8 character (a Chinese character is three).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** 20261204 */
function dateValue(date: string): string {
  return date.replaceAll("-", "");
}

/** 20261204T143000 (local time, with a TZID parameter). */
function localValue(value: WallTime): string {
  return `${dateValue(value.date)}T${(value.time ?? "00:00").replace(":", "")}00`;
}

/** 20261204T063000Z */
function utcValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** +0800 */
function offsetValue(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** A VTIMEZONE with one offset all year (China has had no daylight saving since 1991). */
function timeZoneLines(zone: string, offset: number): string[] {
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offsetValue(offset)}`,
    `TZOFFSETTO:${offsetValue(offset)}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
}

/** The RRULE line: UNTIL in UTC for timed events (RFC 5545 requires it with a TZID start). */
function ruleLine(schedule: Schedule): string | undefined {
  const { rule } = schedule;
  if (!rule) return undefined;
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length)
    parts.push(`BYDAY=${rule.byDay.map((b) => `${b.ordinal ?? ""}${b.day}`).join(",")}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(",")}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    parts.push(
      schedule.allDay
        ? `UNTIL=${dateValue(rule.until)}`
        : `UNTIL=${utcValue(instantOf({ date: addDays(rule.until, 1) }, schedule.offset) - 1000)}`,
    );
  }
  return `RRULE:${parts.join(";")}`;
}

function eventLines(event: CalendarEvent): string[] {
  const { schedule } = event;
  const first = schedule.occurrences[0];
  if (!first) return [];
  const tz = `;TZID=${schedule.timeZone}`;
  const stamp = utcValue(event.updated.getTime());
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    schedule.allDay
      ? `DTSTART;VALUE=DATE:${dateValue(first.start.date)}`
      : `DTSTART${tz}:${localValue(first.start)}`,
    schedule.allDay
      ? `DTEND;VALUE=DATE:${dateValue(addDays(first.end.date, 1))}`
      : `DTEND${tz}:${localValue(first.end)}`,
  ];
  const rule = ruleLine(schedule);
  if (rule) lines.push(rule);
  for (const day of schedule.except) {
    lines.push(
      schedule.allDay
        ? `EXDATE;VALUE=DATE:${dateValue(day)}`
        : `EXDATE${tz}:${localValue({ date: day, time: first.start.time })}`,
    );
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories.length)
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The text of an .ics file: CRLF line ends, folded lines, one VTIMEZONE per zone its timed events use. */
export function icsText(calendar: Calendar): string {
  const zones = new Map<string, number>();
  for (const { schedule } of calendar.events) {
    if (!schedule.allDay) zones.set(schedule.timeZone, schedule.offset);
  }
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Union KB//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME;LANGUAGE=${calendar.lang}:${escapeText(calendar.name)}`,
    ...[...zones]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([zone, offset]) => timeZoneLines(zone, offset)),
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
