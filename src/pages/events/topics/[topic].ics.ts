import type { GetStaticPaths } from "astro";
import { calendarName, calendarOf, eventTopics, getEvents } from "../../../data/events.ts";
import { icsText } from "../../../lib/events/ical.ts";

export const getStaticPaths = (async () =>
  (await eventTopics()).map((topic) => ({ params: { topic } }))) satisfies GetStaticPaths;

/** /events/topics/<topic>.ics: the events of one topic. */
export async function GET({ params }: { params: { topic: string } }): Promise<Response> {
  const events = (await getEvents()).filter((e) => e.entry.data.topics.includes(params.topic));
  const calendar = await calendarOf(events, await calendarName(params.topic));
  return new Response(icsText(calendar), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
}
