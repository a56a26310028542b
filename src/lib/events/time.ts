/**
 * Dates and times of events. Authors write a day (`2026-12-04`) or a day and
 * a wall-clock time (`2026-12-04 14:30`) in the event's time zone (Asia/Shanghai
 * unless the event says otherwise). Everything here is pure and depends on no
 * clock, so a build gives the same bytes on any day.
 */

/** A day, or a day and a time, as written in an event file. */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24-hour), absent for an all-day value. */
  time?: string | undefined;
}

/** The zone events are in unless they say otherwise: China has one time zone. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d))?$/;

/** Reads `2026-12-04` or `2026-12-04 14:30` (or with a T); undefined when it is neither. */
export function parseWallTime(value: string): WallTime | undefined {
  const m = WALL_TIME.exec(value.trim());
  if (!m?.[1]) return undefined;
  return m[2] ? { date: m[1], time: `${m[2]}:${m[3]}` } : { date: m[1] };
}

/** `2026-12-04` or `2026-12-04 14:30`. */
export function formatWallTime(value: WallTime): string {
  return value.time ? `${value.date} ${value.time}` : value.date;
}

/** Whether `zone` is a time zone this JavaScript runtime knows (IANA names such as Asia/Shanghai). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return /\//.test(zone) || zone === "UTC";
  } catch {
    return false;
  }
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `zone` at the instant `utcMs` (480 for Asia/Shanghai). */
export function offsetMinutes(zone: string, utcMs: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(utcMs).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/**
 * The one UTC offset `zone` keeps through the given years, or undefined when
 * it changes (daylight saving): events are published with a fixed-offset
 * VTIMEZONE, which is exact for China (no daylight saving since 1991).
 */
export function fixedOffset(zone: string, years: readonly number[]): number | undefined {
  const seen = new Set<number>();
  for (const year of years) {
    for (let month = 0; month < 12; month++) {
      seen.add(offsetMinutes(zone, Date.UTC(year, month, 15)));
    }
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The YYYY-MM-DD date `days` days after 1970-01-01. */
export function dateOfDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by `days` days. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** 1 = Monday … 7 = Sunday (ISO), as calendars in China count. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant a wall-clock value begins, in ms since 1970 UTC, for a zone with a fixed offset. */
export function instantOf(value: WallTime, offset: number): number {
  const [h = 0, min = 0] = (value.time ?? "00:00").split(":").map(Number);
  return Date.parse(`${value.date}T00:00:00Z`) + (h * 60 + min - offset) * 60_000;
}

/** Minutes since midnight of HH:MM. */
export function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
}
