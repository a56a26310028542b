import { realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { relative, resolve, sep } from "node:path";
import sirv, { type RequestHandler } from "sirv";
import { cacheControlFor, REVALIDATE } from "./cache-policy.ts";
import { negotiateEncoding } from "./encoding.ts";
import { contentTypeFor, isCompressible, isHtml } from "./mime.ts";
import { parseRange } from "./range.ts";
import { normalizeBase, parseRequestTarget, routeBase } from "./request-path.ts";
import { findInside, resolveFile, type SiteFile } from "./resolve-file.ts";
import { redirect, sendText, setSecurityHeaders } from "./responses.ts";
import { etagFor, isNotModified, rangeStillValid, sendFile } from "./send-file.ts";

/** Options for {@link createSiteServer}. */
export interface SiteServerOptions {
  /** Built site folder (usually `dist`). Must exist. */
  root: string;
  /** URL prefix the site was built for (Astro `base`), e.g. `/kb/`. Defaults to `/`. */
  base?: string | undefined;
  /** Content-Security-Policy value added to HTML responses, if given. */
  csp?: string | undefined;
}

interface Context {
  rootReal: string;
  base: string;
  csp: string | undefined;
  plain: RequestHandler;
}

/** Below this size compression saves less than the extra round of CPU and headers costs. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Creates (but does not start) an HTTP server for a built Union KB site, hardened for hosting on
 * a LAN: only GET/HEAD, no path traversal or symlink escapes, gzip/brotli for text, long caching
 * for hashed assets, the site's own 404 page, and Range support for PDFs and media.
 * @throws Error when `root` is not an existing directory or `base` is not a valid path prefix.
 */
export function createSiteServer(options: SiteServerOptions): Server {
  const rootReal = realpathSync(resolve(options.root));
  if (!statSync(rootReal).isDirectory()) throw new Error(`Not a directory: ${options.root}`);
  const context: Omit<Context, "plain"> = {
    rootReal,
    base: normalizeBase(options.base ?? "/"),
    csp: options.csp,
  };
  // sirv serves the plain whole-file responses (with its ETag/304 handling). dev mode looks files
  // up per request, so a rebuilt dist/ is picked up without restarting the server.
  const plain = sirv(rootReal, {
    dev: true,
    etag: true,
    extensions: [],
    dotfiles: true,
    onNoMatch: (req, res) => void sendNotFound(ctx, req, res).catch((e) => fail(res, e)),
  });
  const ctx: Context = { ...context, plain };
  return createServer((req, res) => {
    handleRequest(ctx, req, res).catch((error: unknown) => fail(res, error));
  });
}

async function handleRequest(ctx: Context, req: IncomingMessage, res: ServerResponse) {
  setSecurityHeaders(res);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return sendText(res, 405, "Method Not Allowed");
  }
  const target = parseRequestTarget(req.url ?? "");
  if (!target) return sendText(res, 400, "Bad Request");
  const route = routeBase(target, ctx.base);
  if (route.kind === "redirect") return redirect(res, route.location);
  if (route.kind === "outside") return sendNotFound(ctx, req, res);
  const found = await resolveFile(ctx.rootReal, route.rel);
  if (found.kind === "missing") return sendNotFound(ctx, req, res);
  if (found.kind === "add-slash") return redirect(res, `${target.rawPath}/${target.query}`);
  return serveFile(ctx, req, res, found.file);
}

/** Chooses between a byte range, an on-the-fly compressed body and sirv's plain response. */
function serveFile(ctx: Context, req: IncomingMessage, res: ServerResponse, file: SiteFile) {
  setContentHeaders(ctx, res, file.rel);
  const { size } = file.stats;
  const range = rangeStillValid(req, file.stats)
    ? parseRange(req.headers.range, size)
    : { kind: "full" as const };
  if (range.kind === "unsatisfiable") {
    res.setHeader("Content-Range", `bytes */${size}`);
    return sendText(res, 416, "Range Not Satisfiable");
  }
  if (range.kind === "partial") return sendFile(req, res, file, { range });
  const encoding =
    isCompressible(file.rel) && size >= MIN_COMPRESS_BYTES
      ? negotiateEncoding(req.headers["accept-encoding"])
      : undefined;
  const sirvUrl = toSirvUrl(ctx.rootReal, file.abs);
  if (encoding === undefined && sirvUrl !== undefined) {
    // The Range header (if any) was judged unusable above; sirv must not parse it again.
    delete req.headers.range;
    req.url = sirvUrl;
    return ctx.plain(req, res);
  }
  if (isNotModified(req, etagFor(file.stats))) {
    res.statusCode = 304;
    return res.end();
  }
  return sendFile(req, res, file, { encoding });
}

function setContentHeaders(ctx: Context, res: ServerResponse, rel: string): void {
  res.setHeader("Content-Type", contentTypeFor(rel));
  res.setHeader("Cache-Control", cacheControlFor(rel));
  // Set even when this response is not compressed, so shared caches key on the header.
  if (isCompressible(rel)) res.setHeader("Vary", "Accept-Encoding");
  if (ctx.csp && isHtml(rel)) res.setHeader("Content-Security-Policy", ctx.csp);
}

/**
 * URL that makes sirv open exactly `abs` (already verified to be inside the root). sirv decodes
 * with decodeURI, which cannot round-trip `?` or `#`; such rare names are served by our own code.
 */
function toSirvUrl(rootReal: string, abs: string): string | undefined {
  const rel = relative(rootReal, abs).split(sep).join("/");
  return /[?#]/.test(rel) ? undefined : `/${encodeURI(rel)}`;
}

/** The site's own 404.html (status 404) when the build has one, plain text otherwise. */
async function sendNotFound(ctx: Context, req: IncomingMessage, res: ServerResponse) {
  const page = await findInside(ctx.rootReal, "404.html");
  const body = page && (await readFile(page.abs).catch(() => undefined));
  if (!body) return sendText(res, 404, "Not Found");
  res.statusCode = 404;
  res.setHeader("Content-Type", contentTypeFor("404.html"));
  res.setHeader("Cache-Control", REVALIDATE);
  res.setHeader("Content-Length", body.byteLength);
  if (ctx.csp) res.setHeader("Content-Security-Policy", ctx.csp);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Last-resort handler: a bug or disk error must not take the whole server down. */
function fail(res: ServerResponse, error: unknown): void {
  console.error("serve: request failed:", error instanceof Error ? error.message : error);
  if (res.headersSent) res.destroy();
  else sendText(res, 500, "Internal Server Error");
}
