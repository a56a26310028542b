import { t } from "../i18n/index.ts";
import type { Locale } from "../schemas/common.ts";
import { eventViews } from "./events.ts";
import { feedItems } from "./listings.ts";

/** One item of an RSS feed, before the base path is added to its link. */
export interface FeedItem {
  title: string;
  description: string;
  path: string;
  pubDate: Date;
  categories: string[];
}

/**
 * What a UI language's RSS feed lists: new and updated courses, lessons,
 * policies and cases (listings.ts feedItems) and events, each with a title in
 * that language, the most recently updated first (then by address).
 */
export async function feedWithEvents(locale: Locale, limit: number): Promise<FeedItem[]> {
  const entries = (await feedItems(locale, limit)).map((item) => ({
    title: item.title,
    description: item.summary,
    path: item.path,
    pubDate: item.updated,
    categories: [
      t(locale, `type.${item.kind}`),
      ...(item.lang !== locale ? [t(locale, "list.chineseOnly")] : []),
    ],
  }));
  const events = (await eventViews(locale))
    .filter((event) => event.titleLang === locale)
    .map((event) => ({
      title: event.title,
      description: event.summary,
      path: event.path,
      pubDate: event.entry.data.updated,
      categories: [
        t(locale, "type.event"),
        ...(event.entry.data.lang !== locale ? [t(locale, "list.chineseOnly")] : []),
      ],
    }));
  return [...entries, ...events]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.path.localeCompare(b.path))
    .slice(0, limit);
}
