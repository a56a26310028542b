/**
 * When an event happens: its occurrences as wall-clock values and as
 * instants, from the fields an author wrote. The check reports what
 * scheduleOf() finds wrong; pages, the calendar files and the kiosk use the
 * schedule it returns. Pure: no clock, so the build stays deterministic.
 */
import {
  isRecurrenceError,
  occurrenceDays,
  parseRecurrence,
  type Recurrence,
  startMatches,
} from "./rrule.ts";
import {
  addDays,
  dayNumber,
  fixedOffset,
  instantOf,
  isKnownTimeZone,
  minutesOf,
  parseWallTime,
  type WallTime,
} from "./time.ts";

/** The fields of an event that say when it happens. */
export interface EventTimes {
  start: string;
  end?: string | undefined;
  timeZone: string;
  recurrence?: string | undefined;
  except: readonly string[];
}

/** One time an event takes place. */
export interface Occurrence {
  /** 0 for the first. */
  index: number;
  start: WallTime;
  /** The last day (all-day) or the end time (timed), inclusive as an author writes it. */
  end: WallTime;
  /** Instant the occurrence begins, ms since 1970 UTC. */
  startMs: number;
  /** Instant it is over (the next midnight after an all-day occurrence), ms since 1970 UTC. */
  endMs: number;
}

/** When an event happens, computed once from its fields. */
export interface Schedule {
  allDay: boolean;
  timeZone: string;
  /** Minutes east of UTC, constant for the event (480 for Asia/Shanghai). */
  offset: number;
  rule?: Recurrence | undefined;
  /** Days the rule skips, YYYY-MM-DD. */
  except: string[];
  occurrences: Occurrence[];
}

/** Something wrong with an event's times: a problem code of the catalogue, the field, the values. */
export type ScheduleIssue =
  | { code: "event/unknown-time-zone"; field: "timeZone"; values: { zone: string } }
  | { code: "event/time-zone-changes"; field: "timeZone"; values: { zone: string } }
  | { code: "event/mixed-date-and-time"; field: "end"; values: Record<string, never> }
  | { code: "event/end-time-missing"; field: "start"; values: Record<string, never> }
  | { code: "event/end-before-start"; field: "end"; values: { start: string; end: string } }
  | { code: "event/recurrence-no-end"; field: "recurrence"; values: Record<string, never> }
  | { code: "event/recurrence-both-ends"; field: "recurrence"; values: Record<string, never> }
  | {
      code: "event/recurrence-invalid";
      field: "recurrence";
      values: { part: string; expected: string };
    }
  | { code: "event/start-not-in-recurrence"; field: "start"; values: { start: string } };

/** The schedule of an event, or the issues that keep it from having one. */
export function scheduleOf(times: EventTimes): { schedule?: Schedule; issues: ScheduleIssue[] } {
  const issues: ScheduleIssue[] = [];
  const start = parseWallTime(times.start);
  const written = times.end === undefined ? undefined : parseWallTime(times.end);
  if (!start || (times.end !== undefined && !written)) return { issues }; // the schema reported it
  const zone = times.timeZone;
  let offset: number | undefined;
  if (!isKnownTimeZone(zone)) {
    issues.push({ code: "event/unknown-time-zone", field: "timeZone", values: { zone } });
  }
  let rule: Recurrence | undefined;
  if (times.recurrence !== undefined) {
    const parsed = parseRecurrence(times.recurrence);
    if (!isRecurrenceError(parsed)) rule = parsed;
    else if (parsed.reason === "no-end") {
      issues.push({ code: "event/recurrence-no-end", field: "recurrence", values: {} });
    } else if (parsed.reason === "both-ends") {
      issues.push({ code: "event/recurrence-both-ends", field: "recurrence", values: {} });
    } else {
      const { part, expected } = parsed;
      issues.push({
        code: "event/recurrence-invalid",
        field: "recurrence",
        values: { part, expected },
      });
    }
    if (rule && !startMatches(rule, start.date)) {
      issues.push({
        code: "event/start-not-in-recurrence",
        field: "start",
        values: { start: times.start },
      });
    }
  }
  const allDay = start.time === undefined;
  let end: WallTime;
  // Whether the end as written can be compared with the start.
  let comparable = false;
  if (!written) {
    if (!allDay) issues.push({ code: "event/end-time-missing", field: "start", values: {} });
    end = start;
  } else if ((written.time === undefined) !== allDay) {
    issues.push({ code: "event/mixed-date-and-time", field: "end", values: {} });
    end = start;
  } else {
    end = written;
    comparable = true;
  }
  const days = rule ? occurrenceDays(rule, start.date) : [start.date];
  if (isKnownTimeZone(zone)) {
    const years = new Set(
      [days[0], days.at(-1), end.date].map((d) => Number((d ?? start.date).slice(0, 4))),
    );
    offset = fixedOffset(zone, [...years]);
    if (offset === undefined)
      issues.push({ code: "event/time-zone-changes", field: "timeZone", values: { zone } });
  }
  const length = allDay
    ? dayNumber(end.date) - dayNumber(start.date)
    : (dayNumber(end.date) - dayNumber(start.date)) * 1440 +
      minutesOf(end.time ?? "00:00") -
      minutesOf(start.time ?? "00:00");
  if (comparable && (length < 0 || (!allDay && length === 0))) {
    issues.push({
      code: "event/end-before-start",
      field: "end",
      values: { start: times.start, end: times.end ?? "" },
    });
  }
  if (issues.length || offset === undefined) return { issues };
  const skipped = new Set(times.except);
  const occurrences = days
    .filter((day) => !skipped.has(day))
    .map((day, index): Occurrence => {
      if (allDay) {
        const last = addDays(day, length);
        return {
          index,
          start: { date: day },
          end: { date: last },
          startMs: instantOf({ date: day }, offset),
          endMs: instantOf({ date: addDays(last, 1) }, offset),
        };
      }
      const startTime: WallTime = { date: day, time: start.time };
      const total = minutesOf(start.time ?? "00:00") + length;
      const endTime: WallTime = {
        date: addDays(day, Math.floor(total / 1440)),
        time: `${String(Math.floor((total % 1440) / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`,
      };
      return {
        index,
        start: startTime,
        end: endTime,
        startMs: instantOf(startTime, offset),
        endMs: instantOf(endTime, offset),
      };
    });
  return {
    schedule: { allDay, timeZone: zone, offset, rule, except: [...times.except], occurrences },
    issues,
  };
}
