import rss from "@astrojs/rss";
import type { APIContext, GetStaticPaths } from "astro";
import { feedItems } from "../../data/listings.ts";
import { localePaths } from "../../data/locale-paths.ts";
import { getSite, siteText } from "../../data/site.ts";
import { href } from "../../data/urls.ts";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";

/**
 * /rss.xml (Chinese) and /en/rss.xml (English): new and updated courses,
 * lessons, policies and cases, newest first, each feed with the entries that
 * have a title in its language.
 */
export const getStaticPaths = (() => localePaths()) satisfies GetStaticPaths;

export async function GET(context: APIContext): Promise<Response> {
  const { locale } = context.props as { locale: Locale };
  const site = await getSite();
  const { name, description } = siteText(site, locale);
  const items = await feedItems(locale, 50);
  return rss({
    title: name,
    description: description ?? t(locale, "rss.description"),
    site: new URL(href("/"), context.site ?? site.url).href,
    customData: `<language>${locale}</language>`,
    items: items.map((item) => ({
      title: item.title,
      description: item.summary,
      link: href(item.path),
      pubDate: item.updated,
      categories: [
        t(locale, `type.${item.kind}`),
        ...(item.lang !== locale ? [t(locale, "list.chineseOnly")] : []),
      ],
    })),
  });
}
