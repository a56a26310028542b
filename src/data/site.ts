import { getEntry } from "astro:content";
import { byLocale } from "../i18n/index.ts";
import type { Locale } from "../schemas/common.ts";
import type { Site } from "../schemas/site.ts";
import { perBuild } from "./per-build.ts";

/** The site settings from content/site.yaml (read once per build; do not modify). */
export function getSite(): Promise<Site> {
  return perBuild("site", async () => {
    const entry = await getEntry("site", "site");
    if (!entry) throw new Error("content/site.yaml was not loaded");
    return entry.data;
  });
}

/** The site's name, organisation and description as pages in one UI language show them. */
export interface SiteText {
  name: string;
  organisation: string;
  description: string | undefined;
}

/**
 * The site's name, organisation and description in `locale`. English pages
 * fall back to the Chinese organisation and description when site.yaml gives
 * no English ones.
 */
export function siteText(site: Site, locale: Locale): SiteText {
  return byLocale(locale, {
    "zh-CN": { name: site.name, organisation: site.organisation, description: site.description },
    en: {
      name: site.nameEn,
      organisation: site.organisationEn ?? site.organisation,
      description: site.descriptionEn ?? site.description,
    },
  });
}
