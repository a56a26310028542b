/**
 * A link checker over a built site held in memory, so it runs on `dist/`
 * in tests and after a build without a server. Pure: give it the files.
 */

/** A built site: HTML pages by URL path, plus every other file's URL path. */
export interface BuiltSite {
  /** `/courses/` for dist/courses/index.html, `/404.html` for dist/404.html. */
  pages: ReadonlyMap<string, string>;
  /** URL paths of the other files, e.g. `/_astro/index.css`, `/rss.xml`. */
  files: ReadonlySet<string>;
}

export type LinkProblemKind = "missing-page" | "missing-anchor" | "outside-base" | "external-asset";

/** A link that does not work, on the page that has it. */
export interface LinkProblem {
  page: string;
  url: string;
  problem: LinkProblemKind;
}

/** One URL found in a page and the element attribute it came from. */
export interface FoundLink {
  tag: string;
  /** The rel attribute of <a>/<link>, lower-case ("" when absent). */
  rel: string;
  attribute: "href" | "src" | "srcset" | "poster" | "data";
  url: string;
}

const ATTRIBUTE = /<([a-zA-Z][\w-]*)\b([^>]*)>/g;
const URL_ATTRIBUTE = /\s(href|src|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Decodes the few entities Astro writes inside attribute values. */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** Every URL in href/src/srcset/poster/data attributes, outside scripts' text. */
export function extractLinks(html: string): FoundLink[] {
  const links: FoundLink[] = [];
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (tag) =>
    tag.slice(0, tag.indexOf(">") + 1),
  );
  for (const [, tag = "", attributes = ""] of markup.matchAll(ATTRIBUTE)) {
    const rel = /\srel\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
    const relValue = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase();
    for (const m of attributes.matchAll(URL_ATTRIBUTE)) {
      const attribute = m[1] as FoundLink["attribute"];
      const raw = unescapeAttribute(m[2] ?? m[3] ?? "").trim();
      const urls =
        attribute === "srcset" ? raw.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [raw];
      for (const url of urls) {
        if (url) links.push({ tag: tag.toLowerCase(), rel: relValue, attribute, url });
      }
    }
  }
  return links;
}

/** The ids (and legacy `<a name>`) a page can be linked to with `#…`. */
export function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    ids.add(unescapeAttribute(m[1] ?? m[2] ?? ""));
  }
  return ids;
}

/** True for URLs that leave the site: another origin or a protocol-relative URL. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

/** <link rel> values that make the browser fetch the URL by itself. */
const FETCHING_RELS =
  /\b(?:stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|mask-icon)\b/;

/**
 * An asset is something the browser loads by itself: any src, or a <link>
 * that fetches (stylesheet, icon…). A canonical or alternate <link> is just a name.
 */
function isAsset(link: FoundLink): boolean {
  if (link.attribute !== "href") return true;
  return link.tag === "link" && FETCHING_RELS.test(link.rel);
}

/** Where a relative or absolute URL on `page` points, as a URL path and fragment. */
export function resolveLink(page: string, url: string): { path: string; hash: string } {
  const resolved = new URL(url, `http://site.invalid${page}`);
  let path: string;
  try {
    path = decodeURIComponent(resolved.pathname);
  } catch {
    path = resolved.pathname;
  }
  return { path, hash: resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : "" };
}

/** What checking one page's links needs to know about the rest of the site. */
export interface SiteLookup {
  hasPage(path: string): boolean;
  hasFile(path: string): boolean;
  /** The ids a page can be linked to with `#…`. */
  anchors(page: string): ReadonlySet<string>;
}

/** The page or file a URL path names, allowing `/x` for `/x/` and `/x/index.html`. */
function findTarget(site: SiteLookup, path: string): string | undefined {
  const candidates = [path, `${path}/`, path.replace(/index\.html$/, "")];
  return candidates.find((p) => site.hasPage(p) || site.hasFile(p));
}

/**
 * A link of one page as checking it needs it: settled by the page alone
 * (`[url, problem]`: an asset from another origin, a path outside the
 * base), or `[url, path, fragment]` with the path under the base, without
 * it, to look up in the site. Links to other sites from <a href> are left
 * out: allowed and not fetched. Tuples, because a build keeps every page's
 * links (src/lib/dist/site-check.ts): 100,000 of them at 1,000 entries.
 */
export type PageLink =
  | [url: string, problem: LinkProblemKind]
  | [url: string, path: string, hash: string];

/**
 * The links of one page (`page` is its path without the base, e.g.
 * `/courses/`), resolved: what `judgeLinks` checks against the site. They
 * depend on the page and the base only, so they can be kept for an
 * unchanged page.
 */
export function pageLinks(page: string, html: string, base = "/"): PageLink[] {
  const root = base.replace(/\/?$/, "/");
  const links: PageLink[] = [];
  const pageUrl = `${root}${page.slice(1)}`;
  for (const link of extractLinks(html)) {
    const { url } = link;
    if (isExternal(url)) {
      if (isAsset(link) && !url.startsWith("data:")) links.push([url, "external-asset"]);
      continue;
    }
    const { path, hash } = resolveLink(pageUrl, url);
    if (!path.startsWith(root)) links.push([url, "outside-base"]);
    else links.push([url, `/${path.slice(root.length)}`, hash]);
  }
  return links;
}

/**
 * The problems of one page's links (`pageLinks`): internal links must name an
 * existing page or file, and `#anchors` must exist on the target page.
 * `memo` keeps what a path and fragment came to, for the site's other pages.
 */
export function judgeLinks(
  page: string,
  links: readonly PageLink[],
  site: SiteLookup,
  memo = new Map<string, LinkProblemKind | undefined>(),
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const link of links) {
    const [url, pathOrProblem, hash] = link;
    let problem: LinkProblemKind | undefined;
    if (hash === undefined) problem = pathOrProblem as LinkProblemKind;
    else {
      const key = `${pathOrProblem}#${hash}`;
      if (memo.has(key)) problem = memo.get(key);
      else {
        problem = linkProblem(site, pathOrProblem, hash);
        memo.set(key, problem);
      }
    }
    if (problem) problems.push({ page, url, problem });
  }
  return problems;
}

/** What is wrong with a link to `path` (under the base) and `hash`, if anything. */
function linkProblem(site: SiteLookup, path: string, hash: string): LinkProblemKind | undefined {
  const target = findTarget(site, path);
  if (!target) return "missing-page";
  if (hash && site.hasPage(target) && !site.anchors(target).has(hash)) return "missing-anchor";
  return undefined;
}

/**
 * Checks the links of one page (`page` is its path without the base, e.g.
 * `/courses/`): internal links must name an existing page or file under `base`,
 * `#anchors` must exist on the target page, and assets (src=, srcset=,
 * <link href>) must not come from another origin. Links to other sites from
 * <a href> are allowed and not fetched.
 */
export function checkPageLinks(
  page: string,
  html: string,
  site: SiteLookup,
  base = "/",
): LinkProblem[] {
  return judgeLinks(page, pageLinks(page, html, base), site);
}

/** Checks every link of every page of a site held in memory (see `checkPageLinks`). */
export function checkLinks(site: BuiltSite, options: { base?: string } = {}): LinkProblem[] {
  const anchorCache = new Map<string, Set<string>>();
  const lookup: SiteLookup = {
    hasPage: (path) => site.pages.has(path),
    hasFile: (path) => site.files.has(path),
    anchors: (page) => {
      let ids = anchorCache.get(page);
      if (!ids) {
        ids = anchorsOf(site.pages.get(page) ?? "");
        anchorCache.set(page, ids);
      }
      return ids;
    },
  };
  return [...site.pages].flatMap(([page, html]) =>
    checkPageLinks(page, html, lookup, options.base),
  );
}
