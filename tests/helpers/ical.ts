/**
 * Reads an .ics file back with ical.js (a well-kept RFC 5545 parser), so tests
 * compare what a calendar program would see with the content.
 */
import ICAL from "ical.js";

/** One VEVENT as ical.js reads it, with every occurrence expanded. */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | undefined;
  location: string | undefined;
  url: string | undefined;
  dtstamp: string;
  allDay: boolean;
  tzid: string | undefined;
  /** Each occurrence's start and end as instants (ms since 1970 UTC). */
  occurrences: { startMs: number; endMs: number; start: string }[];
}

/** Parses a calendar, registering its VTIMEZONEs, and expands every event (at most 500 occurrences each). */
export function parseCalendar(text: string): { name: string | undefined; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const duration = event.endDate.toUnixTime() - event.startDate.toUnixTime();
    const iterator = event.iterator();
    const occurrences: ParsedEvent["occurrences"] = [];
    for (let next = iterator.next(); next && occurrences.length < 500; next = iterator.next()) {
      const startMs = next.toUnixTime() * 1000;
      occurrences.push({ startMs, endMs: startMs + duration * 1000, start: next.toString() });
    }
    const text = (name: string) => {
      const value = component.getFirstPropertyValue(name);
      return value === null ? undefined : String(value);
    };
    return {
      uid: String(component.getFirstPropertyValue("uid")),
      summary: event.summary,
      description: text("description"),
      location: text("location"),
      url: text("url"),
      dtstamp: String(component.getFirstPropertyValue("dtstamp")),
      allDay: event.startDate.isDate,
      tzid: component.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined,
      occurrences,
    };
  });
  const name = calendar.getFirstPropertyValue("x-wr-calname");
  return { name: name === null ? undefined : String(name), events };
}
