import type { GetStaticPaths } from "astro";
import { getEvents, occurrenceItems } from "../../../data/events.ts";
import { localePaths } from "../../../data/locale-paths.ts";
import type { Locale } from "../../../schemas/common.ts";

export const getStaticPaths = (async () =>
  (await getEvents()).length ? localePaths() : []) satisfies GetStaticPaths;

/** /events/occurrences.json (and /en/…): every occurrence, for the kiosk home's week. */
export async function GET({ props }: { props: { locale: Locale } }): Promise<Response> {
  return new Response(JSON.stringify(await occurrenceItems(props.locale)), {
    headers: { "Content-Type": "application/json" },
  });
}
