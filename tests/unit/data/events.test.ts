/**
 * The events query layer over tests/fixtures/extra/events/ (five events: a
 * weekly class on Tuesdays in March 2026 with the 17th off, linked to the
 * course training-rights; a monthly reading circle on the last Friday,
 * January to October; Safety Month in June; Constitution Day on 4 December;
 * a lecture on 15 January 2027, linked to training-rights too).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type DataLayer, dataLayer } from "../../helpers/astro-content.ts";

let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer({ scenario: "events", group: "extra", base: "/kb/" });
});

describe("events data", () => {
  it("orders events by their first occurrence and computes each schedule once", async () => {
    const events = await kb.events.getEvents();
    expect(events.map((e) => e.id)).toEqual([
      "reading-circle",
      "training-evening-class",
      "safety-month",
      "constitution-day",
      "new-year-lecture",
    ]);
    expect(await kb.events.getEvents()).toBe(events);
    const monthly = events.find((e) => e.id === "reading-circle");
    expect(monthly?.occurrences.map((o) => o.start.date.slice(5))).toEqual([
      "01-30",
      "02-27",
      "03-27",
      "04-24",
      "05-29",
      "06-26",
      "07-31",
      "08-28",
      "09-25",
      "10-30",
    ]);
  });

  it("shows English titles on English pages where the event has one, and links in the UI language", async () => {
    const en = await kb.events.eventViews("en");
    const lecture = en.find((e) => e.id === "new-year-lecture");
    expect(lecture).toMatchObject({ titleLang: "en", path: "/en/events/new-year-lecture/" });
    const circle = en.find((e) => e.id === "reading-circle");
    expect(circle).toMatchObject({ title: "职工书屋读书会", titleLang: "zh-CN" });
  });

  it("has a grid for every month from the first event to the last, and lists the months with events", async () => {
    const months = await kb.events.eventMonths();
    expect(months[0]).toBe("2026-01");
    expect(months.at(-1)).toBe("2027-01");
    expect(months).toHaveLength(13);
    const listed = (await kb.events.eventsByMonth("zh-CN")).map((g) => g.month);
    expect(listed).not.toContain("2026-11");
    const june = await kb.events.eventMonthGrid("2026-06", "zh-CN");
    expect(june.long.map((l) => l.event.id)).toEqual(["safety-month"]);
  });

  it("resolves links, the classes of a course, topics with events and the calendar's texts", async () => {
    const [event] = (await kb.events.getEvents()).filter((e) => e.id === "safety-month");
    if (!event) throw new Error("safety-month");
    const related = await kb.events.relatedLinks(event.entry, "zh-CN");
    expect(related.map((r) => [r.type, r.path])).toEqual([
      ["policy", "/policies/vocational-education-law-2022/"],
      ["case", "/cases/training-refused/"],
    ]);
    const classes = await kb.events.classesOfCourse("training-rights", "zh-CN");
    expect(classes.map((c) => c.id)).toEqual(["training-evening-class"]);
    expect(await kb.events.eventTopics()).toEqual([
      "vocational-training",
      "employee-education-funds",
      "union-rights-duties",
    ]);
    const calendar = await kb.events.calendarOf(
      [event],
      await kb.events.calendarName("union-rights-duties"),
    );
    expect(calendar.name).toBe("测试知识库 · 活动日程 · 工会的权利和义务");
    expect(calendar.events[0]).toMatchObject({
      uid: "safety-month@kb.test.example",
      url: "https://kb.test.example/kb/events/safety-month/",
      categories: ["主题宣传"],
    });
  });

  it("puts events into the RSS items with the newest first", async () => {
    const items = await kb.feed.feedWithEvents("zh-CN", 50);
    const event = items.find((i) => i.path === "/events/constitution-day/");
    expect(event).toMatchObject({ categories: ["活动"] });
    // The English feed lists only events with an English title.
    const en = (await kb.feed.feedWithEvents("en", 50)).map((i) => i.path);
    expect(en).toContain("/en/events/new-year-lecture/");
    expect(en).not.toContain("/en/events/reading-circle/");
    const dates = items.map((i) => i.pubDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});
