import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsText } from "../../src/lib/events/ical.ts";
import { occurrenceDays, parseRecurrence, type Recurrence } from "../../src/lib/events/rrule.ts";
import { type EventTimes, scheduleOf } from "../../src/lib/events/schedule.ts";
import { groupByMonth, monthGrid } from "../../src/lib/site/event-calendar.ts";
import { parseCalendar } from "../helpers/ical.ts";

const times = (fields: Partial<EventTimes>): EventTimes => ({
  start: "2026-03-03 19:00",
  end: "2026-03-03 21:00",
  timeZone: "Asia/Shanghai",
  except: [],
  ...fields,
});

const rule = (text: string) => parseRecurrence(text) as Recurrence;
const codes = (fields: Partial<EventTimes>) => scheduleOf(times(fields)).issues.map((i) => i.code);

describe("recurrence rules", () => {
  it("expands weekly rules from the start's week, several days and intervals", () => {
    expect(occurrenceDays(rule("FREQ=WEEKLY;BYDAY=TU;COUNT=3"), "2026-03-03")).toEqual([
      "2026-03-03",
      "2026-03-10",
      "2026-03-17",
    ]);
    expect(
      occurrenceDays(rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20260320"), "2026-03-05"),
    ).toEqual(["2026-03-05", "2026-03-16", "2026-03-19"]);
  });

  it("expands monthly rules by weekday (last Friday) and by day, skipping days a month lacks", () => {
    expect(occurrenceDays(rule("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260430"), "2026-01-30")).toEqual([
      "2026-01-30",
      "2026-02-27",
      "2026-03-27",
      "2026-04-24",
    ]);
    expect(occurrenceDays(rule("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3"), "2026-01-31")).toEqual([
      "2026-01-31",
      "2026-03-31",
      "2026-05-31",
    ]);
  });

  it("refuses a rule without an end, with two ends, or with parts it does not support", () => {
    expect(parseRecurrence("FREQ=WEEKLY;BYDAY=TU")).toEqual({ reason: "no-end" });
    expect(parseRecurrence("FREQ=WEEKLY;COUNT=2;UNTIL=20261231")).toEqual({ reason: "both-ends" });
    expect(parseRecurrence("FREQ=DAILY;COUNT=5")).toMatchObject({
      reason: "invalid",
      part: "FREQ=DAILY",
    });
    expect(parseRecurrence("FREQ=WEEKLY;BYDAY=1TU;COUNT=5")).toMatchObject({ part: "BYDAY=1TU" });
    expect(parseRecurrence("FREQ=WEEKLY;COUNT=5;BYHOUR=9")).toMatchObject({ reason: "invalid" });
    expect(parseRecurrence("FREQ=WEEKLY;UNTIL=20260230")).toMatchObject({ part: "UNTIL=20260230" });
  });
});

describe("schedules", () => {
  it("reports each mistake in an event's times with its problem code", () => {
    expect(codes({ end: "2026-03-03 17:00" })).toEqual(["event/end-before-start"]);
    expect(codes({ end: "2026-03-02", start: "2026-03-03" })).toEqual(["event/end-before-start"]);
    expect(codes({ end: "2026-03-03" })).toEqual(["event/mixed-date-and-time"]);
    expect(codes({ end: undefined })).toEqual(["event/end-time-missing"]);
    expect(codes({ timeZone: "Asia/Beijing" })).toEqual(["event/unknown-time-zone"]);
    expect(codes({ timeZone: "Europe/Berlin" })).toEqual(["event/time-zone-changes"]);
    expect(codes({ recurrence: "FREQ=WEEKLY;BYDAY=TU" })).toEqual(["event/recurrence-no-end"]);
    expect(codes({ recurrence: "FREQ=WEEKLY;BYDAY=WE;COUNT=3" })).toEqual([
      "event/start-not-in-recurrence",
    ]);
    expect(codes({ timeZone: "Asia/Tokyo" })).toEqual([]);
  });

  it("gives every occurrence in Beijing time as instants, without the days skipped", () => {
    const { schedule } = scheduleOf(
      times({ recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=3", except: ["2026-03-10"] }),
    );
    expect(
      schedule?.occurrences.map((o) => [o.start.date, new Date(o.startMs).toISOString()]),
    ).toEqual([
      ["2026-03-03", "2026-03-03T11:00:00.000Z"],
      ["2026-03-17", "2026-03-17T11:00:00.000Z"],
    ]);
    const allDay = scheduleOf(times({ start: "2026-06-01", end: "2026-06-30" })).schedule;
    expect(allDay?.occurrences[0]).toMatchObject({
      end: { date: "2026-06-30" },
      endMs: Date.parse("2026-06-30T16:00:00Z"),
    });
  });
});

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `DESCRIPTION:${"职工教育，".repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(5);
    for (const [i, part] of physical.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
      // A split character would decode to U+FFFD.
      expect(Buffer.from(part).toString("utf8")).not.toContain("\uFFFD");
    }
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("writes events that ical.js expands to the same occurrences, with a stable UID and stamp", () => {
    const cases: Partial<EventTimes>[] = [
      { recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=6", except: ["2026-03-17"] },
      { recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;UNTIL=20260501" },
      {
        start: "2026-01-30 19:00",
        end: "2026-01-30 20:30",
        recurrence: "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261030",
      },
      { start: "2026-06-01", end: "2026-06-30" },
      {
        start: "2026-03-02",
        end: "2026-03-02",
        recurrence: "FREQ=MONTHLY;BYDAY=1MO;UNTIL=20260907",
      },
      { start: "2026-12-31 22:00", end: "2027-01-01 01:00" },
    ];
    for (const fields of cases) {
      const { schedule } = scheduleOf(times(fields));
      if (!schedule) throw new Error(`no schedule for ${JSON.stringify(fields)}`);
      const calendar = {
        name: "活动, 测试; 日历",
        lang: "zh-CN",
        events: [
          {
            uid: "class@kb.example.org",
            updated: new Date("2026-02-20T00:00:00Z"),
            summary: "夜校, 第一期; 安全",
            categories: ["培训班"],
            schedule,
          },
        ],
      };
      const text = icsText(calendar);
      expect(icsText(calendar)).toBe(text);
      expect(text.endsWith("\r\n")).toBe(true);
      const parsed = parseCalendar(text);
      // ical.js does not know X-WR-CALNAME is text, so it leaves the escapes in.
      expect(parsed.name).toBe("活动\\, 测试\\; 日历");
      const [event] = parsed.events;
      expect(event?.uid).toBe("class@kb.example.org");
      expect(event?.summary).toBe("夜校, 第一期; 安全");
      expect(event?.dtstamp).toBe("2026-02-20T00:00:00Z");
      expect(event?.tzid).toBe(schedule.allDay ? undefined : "Asia/Shanghai");
      // All-day dates float (a calendar shows them on that day wherever it is): compare days and lengths.
      const seen = event?.occurrences.map((o) =>
        schedule.allDay ? [o.start, o.endMs - o.startMs] : [o.startMs, o.endMs],
      );
      const expected = schedule.occurrences.map((o) =>
        schedule.allDay ? [o.start.date, o.endMs - o.startMs] : [o.startMs, o.endMs],
      );
      expect(seen, JSON.stringify(fields)).toEqual(expected);
    }
  });
});

describe("events by month", () => {
  const event = (id: string, fields: Partial<EventTimes>) => {
    const { schedule } = scheduleOf(times(fields));
    return { id, occurrences: schedule?.occurrences ?? [] };
  };

  it("lists a recurring class once in each month it meets", () => {
    const groups = groupByMonth([
      event("class", {
        start: "2026-03-24 19:00",
        end: "2026-03-24 21:00",
        recurrence: "FREQ=WEEKLY;COUNT=3",
      }),
      event("day", { start: "2026-03-25", end: "2026-03-25" }),
    ]);
    expect(
      groups.map((g) => [g.month, g.items.map((i) => `${i.event.id}:${i.occurrences.length}`)]),
    ).toEqual([
      ["2026-03", ["class:2", "day:1"]],
      ["2026-04", ["class:1"]],
    ]);
  });

  it("lays a month out in weeks from Monday, with long campaigns apart", () => {
    const grid = monthGrid("2026-06", [
      event("month", { start: "2026-06-01", end: "2026-06-30" }),
      event("quiz", { start: "2026-06-18 14:00", end: "2026-06-18 17:00" }),
    ]);
    expect(grid.weeks).toHaveLength(5);
    expect(grid.weeks[0]?.[0]?.date).toBe("2026-06-01");
    expect(grid.weeks[4]?.[6]).toMatchObject({ date: "2026-07-05", inMonth: false });
    expect(grid.long.map((l) => l.event.id)).toEqual(["month"]);
    const days = grid.weeks.flat().filter((d) => d.entries.length);
    expect(days.map((d) => [d.date, d.entries.map((e) => e.event.id)])).toEqual([
      ["2026-06-18", ["quiz"]],
    ]);
  });
});
