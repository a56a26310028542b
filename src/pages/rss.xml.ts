import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { feedItems } from "../data/feed.ts";
import { getSite } from "../data/site.ts";
import { href } from "../data/urls.ts";
import { t } from "../i18n/index.ts";

/** /rss.xml: new and updated courses, lessons, policies, cases and events, newest first. */
export async function GET(context: APIContext): Promise<Response> {
  const site = await getSite();
  const items = await feedItems(50);
  return rss({
    title: site.name,
    description: site.description ?? t("zh-CN", "rss.description"),
    site: new URL(href("/"), context.site ?? site.url).href,
    customData: "<language>zh-CN</language>",
    items: items.map((item) => ({
      title: item.title,
      description: item.description,
      link: href(item.path),
      pubDate: item.pubDate,
      categories: [item.category],
    })),
  });
}
