import { getCollection } from "astro:content";
import { byLocale, nameIn } from "../i18n/index.ts";
import { popularQueries } from "../lib/site/popular-queries.ts";
import type { Locale } from "../schemas/common.ts";
import { getSite } from "./site.ts";

/**
 * The one-tap searches of the kiosk search page in `locale`: site.yaml's
 * `kiosk.popularQueries` (`popularQueriesEn` for English), or the glossary terms
 * found in the most law articles.
 */
export async function kioskPopularQueries(locale: Locale): Promise<string[]> {
  const { kiosk } = await getSite();
  const configured = byLocale(locale, {
    "zh-CN": kiosk.popularQueries,
    en: kiosk.popularQueriesEn,
  });
  const terms = (await getCollection("glossary")).map((entry) => entry.data);
  return popularQueries(configured, terms, (term) => nameIn(locale, term));
}
