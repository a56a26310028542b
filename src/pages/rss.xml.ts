import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { recentItems } from "../data/listings.ts";
import { getSite } from "../data/site.ts";
import { href } from "../data/urls.ts";
import { t } from "../i18n/index.ts";

/** /rss.xml: new and updated courses, lessons, policies and cases, newest first. */
export async function GET(context: APIContext): Promise<Response> {
  const site = await getSite();
  const items = await recentItems("zh-CN", 50);
  return rss({
    title: site.name,
    description: site.description ?? t("zh-CN", "rss.description"),
    site: new URL(href("/"), context.site ?? site.url).href,
    customData: "<language>zh-CN</language>",
    items: items.map((item) => ({
      title: item.title,
      description: item.summary,
      link: href(item.path),
      pubDate: item.updated,
      categories: [t("zh-CN", `type.${item.kind}`)],
    })),
  });
}
