/**
 * Whether a page belongs in the sitemap: not the “page not found” pages
 * (/404/, /en/404/), which @astrojs/sitemap only leaves out for its own i18n
 * set-up. For `sitemap({ filter: inSitemap })` in astro.config.ts.
 */
export function inSitemap(page: string): boolean {
  return !/\/404\/?$/.test(new URL(page, "https://x.invalid/").pathname);
}
