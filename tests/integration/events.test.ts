/**
 * The events of tests/fixtures/extra/events/ built into a site: every .ics
 * file read back with ical.js and compared with the content, the pages in
 * both languages, RSS and the handout. The same cached build serves
 * tests/e2e/events.test.ts.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleOf } from "../../src/lib/events/schedule.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/lib/kb/load.ts";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { fixtureContent } from "../helpers/fixtures.ts";
import { parseCalendar } from "../helpers/ical.ts";

let root: string;
let kb: KnowledgeBase;
const content = fixtureContent("events", "extra");
const read = (path: string) => readFileSync(join(root, path), "utf8");

beforeAll(async () => {
  root = await buildFixtureSite("events");
  kb = loadKnowledgeBase(content).kb;
}, 600_000);
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe("iCalendar files", () => {
  it("has one .ics per event that ical.js reads as the event: UID, stamp, title, every occurrence", () => {
    expect(kb.events.map((e) => e.id).sort()).toEqual([
      "constitution-day",
      "new-year-lecture",
      "reading-circle",
      "safety-month",
      "training-evening-class",
    ]);
    for (const entry of kb.events) {
      const text = read(`events/${entry.id}.ics`);
      const { events } = parseCalendar(text);
      expect(events).toHaveLength(1);
      const [event] = events;
      const schedule = scheduleOf(entry.data).schedule;
      if (!event || !schedule) throw new Error(entry.id);
      expect(event.uid).toBe(`${entry.id}@kb.test.example`);
      expect(event.dtstamp).toBe(`${entry.data.updated.toISOString().slice(0, 10)}T00:00:00Z`);
      expect(event.summary).toBe(entry.data.title);
      expect(event.description?.startsWith(entry.data.summary)).toBe(true);
      expect(event.url).toBe(`https://kb.test.example/events/${entry.id}/`);
      expect(event.tzid).toBe(schedule.allDay ? undefined : "Asia/Shanghai");
      const seen = event.occurrences.map((o) => (schedule.allDay ? o.start : o.startMs));
      expect(seen, entry.id).toEqual(
        schedule.occurrences.map((o) => (schedule.allDay ? o.start.date : o.startMs)),
      );
    }
  });

  it("escapes commas, semicolons and backslashes and folds at 75 octets with CRLF", () => {
    const text = read("events/constitution-day.ics");
    expect(text).toContain("SUMMARY:国家宪法日“宪法进车间”\\, 学法\\; 守法\\\\用法");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
    expect(text.split("\r\n").filter((l) => l.startsWith(" ")).length).toBeGreaterThan(2);
  });

  it("has a feed of every event and one per topic with that topic's events", () => {
    const all = parseCalendar(read("events.ics"));
    expect(all.events.map((e) => e.uid.split("@")[0]).sort()).toEqual(
      kb.events.map((e) => e.id).sort(),
    );
    expect(readFileSync(join(root, "events.ics"), "utf8").match(/BEGIN:VTIMEZONE/g)).toHaveLength(
      1,
    );
    const topics = readdirSync(join(root, "events/topics")).sort();
    expect(topics).toEqual([
      "employee-education-funds.ics",
      "union-rights-duties.ics",
      "vocational-training.ics",
    ]);
    for (const file of topics) {
      const topic = file.replace(/\.ics$/, "");
      const ids = parseCalendar(read(`events/topics/${file}`)).events.map(
        (e) => e.uid.split("@")[0],
      );
      expect(ids.sort()).toEqual(
        kb.events
          .filter((e) => e.data.topics.includes(topic))
          .map((e) => e.id)
          .sort(),
      );
    }
  });
});

describe("events pages", () => {
  it("lists every event by month in date order, with the times the clock script reads", () => {
    const html = read("events/index.html");
    const months = [...html.matchAll(/data-events-month="([\d-]+)"/g)].map((m) => m[1]);
    expect(months).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-12",
      "2027-01",
    ]);
    const ends = [...html.matchAll(/data-event-end="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ends.length).toBeGreaterThan(12);
    // The March item of the weekly class ends with its last March meeting, 31 March 21:00 in Beijing.
    expect(ends).toContain(Date.parse("2026-03-31T21:00:00+08:00"));
  });

  it("builds a page per event, a month grid for every month, in both languages", () => {
    for (const prefix of ["", "en/"]) {
      for (const entry of kb.events)
        expect(read(`${prefix}events/${entry.id}/index.html`)).toContain("<h1");
      const months = readdirSync(join(root, `${prefix}events/month`)).sort();
      expect(months[0]).toBe("2026-01");
      expect(months.at(-1)).toBe("2027-01");
      expect(months).toHaveLength(13);
    }
    const march = read("en/events/month/2026-03/index.html");
    expect(march).toContain("Evening class on training rights");
    const page = read("events/training-evening-class/index.html");
    expect(page).toContain("每周二，共 5 次");
    expect(page).toContain("停：2026年3月17日（周二）");
  });

  it("writes every occurrence, by start, for the kiosk home's week, in both languages", () => {
    const zh = JSON.parse(read("events/occurrences.json")) as { start: number; href: string }[];
    expect(zh).toHaveLength(18);
    expect(zh.map((o) => o.start)).toEqual(zh.map((o) => o.start).sort((a, b) => a - b));
    expect(zh.filter((o) => o.href === "/events/training-evening-class/")).toHaveLength(5);
    const en = JSON.parse(read("en/events/occurrences.json")) as { title: string }[];
    expect(en.map((o) => o.title)).toContain("Evening class on training rights");
    // The home page holds none of it.
    expect(read("index.html")).not.toContain("data-event-start");
  });

  it("puts events in the RSS feed and the classes of a course on its handout", () => {
    expect(read("rss.xml")).toContain("https://kb.test.example/events/new-year-lecture/");
    const handout = read("print/courses/training-rights/index.html");
    expect(handout).toContain("data-next-class");
    expect(handout.match(/<li data-event-start/g)).toHaveLength(5);
  });
});
