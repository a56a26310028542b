/**
 * Whether a page belongs in the sitemap: not the “page not found” pages
 * (/404/, /en/404/), which @astrojs/sitemap only leaves out for its own i18n
 * set-up. For `sitemap({ filter: inSitemap })` in astro.config.ts.
 */
export function inSitemap(page: string): boolean {
  const path = new URL(page, "https://x.invalid/").pathname;
  return !/\/404\/?$/.test(path) && !notInSitemap().some((end) => path.endsWith(end));
}

/**
 * Paths the pages themselves ask to leave out (a law's version-free address,
 * which only leads on to the version in force). Kept on globalThis: the pages
 * and astro.config.ts's sitemap filter run in one process but are bundled apart.
 */
function notInSitemap(): string[] {
  const store = globalThis as { __unionKbNotInSitemap?: string[] };
  store.__unionKbNotInSitemap ??= [];
  return store.__unionKbNotInSitemap;
}

/** Leaves a page (its root-relative path, without the base path) out of the sitemap. */
export function leaveOutOfSitemap(path: string): void {
  const paths = notInSitemap();
  if (!paths.includes(path)) paths.push(path);
}
