import type { GetStaticPaths } from "astro";
import { calendarOf, getEvents, type ScheduledEvent } from "../../data/events.ts";
import { icsText } from "../../lib/events/ical.ts";

export const getStaticPaths = (async () =>
  (await getEvents()).map((event) => ({
    params: { event: event.id },
    props: { event },
  }))) satisfies GetStaticPaths;

/** /events/<event>.ics: one event, to add to a phone's calendar. */
export async function GET({ props }: { props: { event: ScheduledEvent } }): Promise<Response> {
  const calendar = await calendarOf([props.event], props.event.entry.data.title);
  return new Response(icsText(calendar), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
}
