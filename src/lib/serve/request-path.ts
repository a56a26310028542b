/** A request target that passed validation. */
export interface RequestTarget {
  /** Path exactly as the client sent it (still percent-encoded), for building redirects. */
  rawPath: string;
  /** Query string including its leading `?`, or empty. */
  query: string;
  /** Percent-decoded path; always starts with `/` and has no `.`/`..` segments. */
  pathname: string;
}

/** Where a validated path falls relative to the site's base path. */
export type BaseRoute =
  | { kind: "redirect"; location: string }
  | { kind: "outside" }
  | { kind: "inside"; rel: string };

// Encoded slashes/backslashes and NUL bytes have no legitimate use in a static site's URLs and
// are the usual ingredients of traversal tricks, so they are refused before any decoding.
const FORBIDDEN_RAW = /\\|%5c|%2f|%00|\0|#/i;
// Control characters cannot appear in Astro's file names; refusing them avoids log injection
// and odd file-system behaviour.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Validates a raw request target (`req.url`) and decodes its path. Returns `undefined` for
 * anything that is not a plain origin-form path: malformed percent-encoding, encoded
 * separators, backslashes, NUL/control bytes, or any `.` / `..` segment (raw or encoded).
 * Callers answer `undefined` with 400.
 */
export function parseRequestTarget(url: string): RequestTarget | undefined {
  if (!url.startsWith("/")) return undefined;
  const queryAt = url.indexOf("?");
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  // Only the path is checked: a search query like `?q=a%2Fb` is legitimate.
  if (FORBIDDEN_RAW.test(rawPath)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (CONTROL_CHARS.test(pathname)) return undefined;
  // Checked after decoding so `%2e%2e` is caught exactly like a literal `..`.
  if (pathname.split("/").some((segment) => segment === "." || segment === "..")) {
    return undefined;
  }
  return { rawPath, query, pathname };
}

/**
 * Normalises a base path to `/segment/.../` form (`kb` → `/kb/`, `` → `/`).
 * @throws Error when the base contains characters or segments that cannot be a URL prefix.
 */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  const segments = trimmed.split("/");
  const invalid = segments.some(
    (segment) => segment === "" || segment === "." || segment === ".." || /[\\?#%]/.test(segment),
  );
  if (invalid) throw new Error(`Invalid base path "${base}": use something like /kb/`);
  return `/${segments.join("/")}/`;
}

/**
 * Places a decoded path relative to the base: the bare host root and the base without its
 * trailing slash redirect to the base (so `http://box:4321/` still works for a site built
 * with `base: /kb/`), other paths outside the base are not part of the site.
 * `rel` is relative to the site root with no leading slash (`guide/` for `/kb/guide/`).
 */
export function routeBase(target: RequestTarget, base: string): BaseRoute {
  const { pathname, query } = target;
  if (pathname.startsWith(base)) return { kind: "inside", rel: pathname.slice(base.length) };
  if (pathname === "/" || pathname === base.slice(0, -1)) {
    return { kind: "redirect", location: encodeURI(base) + query };
  }
  return { kind: "outside" };
}
