import rss from "@astrojs/rss";
import type { APIContext, GetStaticPaths } from "astro";
import { feedWithEvents } from "../../data/feed.ts";
import { localePaths } from "../../data/locale-paths.ts";
import { getSite, siteText } from "../../data/site.ts";
import { href } from "../../data/urls.ts";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";

/**
 * /rss.xml (Chinese) and /en/rss.xml (English): new and updated courses,
 * lessons, policies, cases and events, newest first, each feed with the entries that
 * have a title in its language.
 */
export const getStaticPaths = (() => localePaths()) satisfies GetStaticPaths;

export async function GET(context: APIContext): Promise<Response> {
  const { locale } = context.props as { locale: Locale };
  const site = await getSite();
  const { name, description } = siteText(site, locale);
  const items = await feedWithEvents(locale, 50);
  return rss({
    title: name,
    description: description ?? t(locale, "rss.description"),
    site: new URL(href("/"), context.site ?? site.url).href,
    customData: `<language>${locale}</language>`,
    items: items.map((item) => ({
      title: item.title,
      description: item.description,
      link: href(item.path),
      pubDate: item.pubDate,
      categories: item.categories,
    })),
  });
}
