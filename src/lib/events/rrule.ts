/**
 * The part of RFC 5545's recurrence rules (RRULE) events may use: weekly or
 * monthly, with an end. Classes meet every Tuesday for twelve weeks or on the
 * first Monday of each month until July; nothing repeats forever, so every
 * occurrence can be listed on the page and the check can see them all.
 *
 *   FREQ=WEEKLY;BYDAY=TU;COUNT=12
 *   FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20260630
 *   FREQ=MONTHLY;BYDAY=1MO;COUNT=6        (first Monday)
 *   FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20261215
 */
import { addDays, dayNumber, isoWeekday } from "./time.ts";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One BYDAY value: a weekday, with an ordinal in a monthly rule (1MO first Monday, -1FR last Friday). */
export interface ByDay {
  day: Weekday;
  ordinal?: number | undefined;
}

/** A parsed recurrence rule. */
export interface Recurrence {
  freq: "WEEKLY" | "MONTHLY";
  interval: number;
  byDay: ByDay[];
  byMonthDay: number[];
  count?: number | undefined;
  /** Last day an occurrence may start on, YYYY-MM-DD (written UNTIL=YYYYMMDD). */
  until?: string | undefined;
}

/** Why a rule cannot be used. */
export type RecurrenceError =
  | { reason: "no-end" }
  | { reason: "both-ends" }
  | { reason: "invalid"; part: string; expected: string };

/** More occurrences than this is a typo (COUNT=1000), not a class. */
export const MAX_OCCURRENCES = 400;

const PART_EXPECTED: Record<string, string> = {
  FREQ: "FREQ=WEEKLY or FREQ=MONTHLY",
  INTERVAL: "INTERVAL=1 to INTERVAL=12",
  BYDAY:
    "weekdays such as BYDAY=TU or BYDAY=MO,TH (monthly: 1MO for the first Monday, -1FR for the last Friday)",
  BYMONTHDAY: "days of the month such as BYMONTHDAY=15 (1 to 31)",
  COUNT: `COUNT=1 to COUNT=${MAX_OCCURRENCES}`,
  UNTIL: "UNTIL=YYYYMMDD, the last day, e.g. UNTIL=20261231",
};

/** The parts a rule may have, for messages. */
export const RECURRENCE_PARTS = Object.keys(PART_EXPECTED);

/** Reads a rule such as `FREQ=WEEKLY;BYDAY=TU;COUNT=12` (an `RRULE:` prefix is allowed). */
export function parseRecurrence(text: string): Recurrence | RecurrenceError {
  const parts = new Map<string, string>();
  for (const piece of text
    .trim()
    .replace(/^RRULE:/i, "")
    .split(";")) {
    if (!piece.trim()) continue;
    const [name = "", value = ""] = piece.split("=").map((s) => s.trim().toUpperCase());
    if (!(name in PART_EXPECTED) || parts.has(name)) {
      return {
        reason: "invalid",
        part: piece.trim(),
        expected: `parts ${RECURRENCE_PARTS.join(", ")}, each once`,
      };
    }
    parts.set(name, value);
  }
  const bad = (part: string) =>
    ({
      reason: "invalid",
      part: `${part}=${parts.get(part) ?? ""}`,
      expected: PART_EXPECTED[part] ?? "",
    }) as const;
  const freq = parts.get("FREQ");
  if (freq !== "WEEKLY" && freq !== "MONTHLY") return bad("FREQ");
  const interval = parts.has("INTERVAL") ? Number(parts.get("INTERVAL")) : 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) return bad("INTERVAL");
  const byDay: ByDay[] = [];
  for (const item of (parts.get("BYDAY") ?? "").split(",").filter(Boolean)) {
    const m = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m || (m[1] && freq === "WEEKLY")) return bad("BYDAY");
    byDay.push({ day: m[2] as Weekday, ordinal: m[1] ? Number(m[1]) : undefined });
  }
  const byMonthDay: number[] = [];
  for (const item of (parts.get("BYMONTHDAY") ?? "").split(",").filter(Boolean)) {
    const day = Number(item);
    if (!Number.isInteger(day) || day < 1 || day > 31 || freq === "WEEKLY")
      return bad("BYMONTHDAY");
    byMonthDay.push(day);
  }
  if (byDay.length && byMonthDay.length) return bad("BYMONTHDAY");
  const hasCount = parts.has("COUNT");
  const hasUntil = parts.has("UNTIL");
  if (!hasCount && !hasUntil) return { reason: "no-end" };
  if (hasCount && hasUntil) return { reason: "both-ends" };
  let count: number | undefined;
  let until: string | undefined;
  if (hasCount) {
    count = Number(parts.get("COUNT"));
    if (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES) return bad("COUNT");
  } else {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(parts.get("UNTIL") ?? "");
    until = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
    if (!until || Number.isNaN(Date.parse(`${until}T00:00:00Z`)) || addDays(until, 0) !== until) {
      return bad("UNTIL");
    }
  }
  return { freq, interval, byDay, byMonthDay, count, until };
}

/** Whether parseRecurrence() refused the rule. */
export function isRecurrenceError(value: Recurrence | RecurrenceError): value is RecurrenceError {
  return "reason" in value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The days of one month a monthly rule picks, sorted. */
function monthDays(rule: Recurrence, year: number, month: number, start: string): string[] {
  const last = daysInMonth(year, month);
  const days = new Set<number>();
  if (rule.byDay.length) {
    for (const { day, ordinal } of rule.byDay) {
      const weekday = WEEKDAYS.indexOf(day) + 1;
      const matching: number[] = [];
      for (let d = 1; d <= last; d++) {
        if (isoWeekday(ymd(year, month, d)) === weekday) matching.push(d);
      }
      if (ordinal === undefined) for (const d of matching) days.add(d);
      else {
        const d = ordinal > 0 ? matching[ordinal - 1] : matching[matching.length + ordinal];
        if (d !== undefined) days.add(d);
      }
    }
  } else {
    // A day the month lacks (31 in April) is skipped, as RFC 5545 says.
    for (const d of rule.byMonthDay.length ? rule.byMonthDay : [Number(start.slice(8))]) {
      if (d <= last) days.add(d);
    }
  }
  return [...days].sort((a, b) => a - b).map((d) => ymd(year, month, d));
}

/**
 * Every day an occurrence starts on, the first being `start` (YYYY-MM-DD),
 * at most MAX_OCCURRENCES. Weeks begin on Monday (RFC 5545's default WKST).
 */
export function occurrenceDays(rule: Recurrence, start: string): string[] {
  const days: string[] = [];
  const add = (date: string): boolean => {
    if (date < start) return true;
    if (rule.until && date > rule.until) return false;
    days.push(date);
    return days.length < (rule.count ?? MAX_OCCURRENCES);
  };
  // A rule whose days never come (BYMONTHDAY=31 every 12 months from April) stops after 100 years.
  const horizon = dayNumber(start) + 36_600;
  if (rule.freq === "WEEKLY") {
    const weekdays = rule.byDay.length
      ? [...new Set(rule.byDay.map((b) => WEEKDAYS.indexOf(b.day) + 1))].sort((a, b) => a - b)
      : [isoWeekday(start)];
    const monday = addDays(start, 1 - isoWeekday(start));
    for (let week = 0; dayNumber(monday) + week * 7 < horizon; week += rule.interval) {
      for (const weekday of weekdays) {
        if (!add(addDays(monday, week * 7 + weekday - 1))) return days;
      }
    }
    return days;
  }
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  while (dayNumber(ymd(year, month, 1)) < horizon) {
    for (const date of monthDays(rule, year, month, start)) if (!add(date)) return days;
    month += rule.interval;
    year += Math.floor((month - 1) / 12);
    month = ((month - 1) % 12) + 1;
  }
  return days;
}

/**
 * Whether `start` is itself one of the rule's days. RFC 5545 counts the start
 * as the first occurrence even when the rule would not pick it, and calendar
 * programs disagree about such a start; the check refuses it instead.
 */
export function startMatches(rule: Recurrence, start: string): boolean {
  const probe = { ...rule, count: 1, until: undefined };
  return occurrenceDays(probe, start)[0] === start;
}
