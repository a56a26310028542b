import { t } from "../i18n/index.ts";
import { getEvents } from "./events.ts";
import { recentItems } from "./listings.ts";
import { routes } from "./urls.ts";

/** One item of /rss.xml, before the base path is added to its link. */
export interface FeedItem {
  title: string;
  description: string;
  path: string;
  pubDate: Date;
  category: string;
}

/**
 * What /rss.xml lists: new and updated courses, lessons, policies, cases and
 * events in Chinese, the most recently updated first (then by address).
 */
export async function feedItems(limit: number): Promise<FeedItem[]> {
  const locale = "zh-CN";
  const entries = (await recentItems(locale, limit)).map((item) => ({
    title: item.title,
    description: item.summary,
    path: item.path,
    pubDate: item.updated,
    category: t(locale, `type.${item.kind}`),
  }));
  const events = (await getEvents()).map(({ id, entry }) => ({
    title: entry.data.title,
    description: entry.data.summary,
    path: routes.event(id, locale),
    pubDate: entry.data.updated,
    category: t(locale, "type.event"),
  }));
  return [...entries, ...events]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.path.localeCompare(b.path))
    .slice(0, limit);
}
