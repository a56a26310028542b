import type { GetStaticPaths } from "astro";
import { calendarName, calendarOf, getEvents } from "../data/events.ts";
import { icsText } from "../lib/events/ical.ts";

// /events.ics, only when there are events (a parameter lets the route give no path).
export const getStaticPaths = (async () =>
  (await getEvents()).length ? [{ params: { calendar: "events" } }] : []) satisfies GetStaticPaths;

/** /events.ics: every event, for a calendar program to subscribe to. */
export async function GET(): Promise<Response> {
  const calendar = await calendarOf(await getEvents(), await calendarName());
  return new Response(icsText(calendar), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
}
