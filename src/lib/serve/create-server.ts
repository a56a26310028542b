import { realpathSync, statSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { cacheControlFor, REVALIDATE } from "./cache-policy.ts";
import { negotiateEncoding } from "./encoding.ts";
import { contentTypeFor, isCompressible, isHtml } from "./mime.ts";
import { notFoundPages } from "./not-found.ts";
import { parseRange } from "./range.ts";
import { normalizeBase, parseRequestTarget, routeBase } from "./request-path.ts";
import { findInside, resolveFile, type SiteFile } from "./resolve-file.ts";
import { redirect, sendText, setSecurityHeaders } from "./responses.ts";
import {
  isNotModified,
  type OpenedFile,
  openSiteFile,
  rangeStillValid,
  sendFile,
  setValidators,
} from "./send-file.ts";
import {
  canInject,
  countRequest,
  handleStatsRoute,
  type ServerStats,
  sendInjectedHtml,
} from "./stats-routes.ts";

/** Options for {@link createSiteServer}. */
export interface SiteServerOptions {
  /** Built site folder (usually `dist`), or a symlink to it. Must exist at start. */
  root: string;
  /** URL prefix the site was built for (Astro `base`), e.g. `/kb/`. Defaults to `/`. */
  base?: string | undefined;
  /** Content-Security-Policy value added to HTML responses, if given. */
  csp?: string | undefined;
  /** Where one-line problem reports go (default `console.error`). */
  log?: ((line: string) => void) | undefined;
  /** Usage counting (`npm run serve -- --stats`): off when not given. */
  stats?: ServerStats | undefined;
}

interface Context {
  /** The root as given (not resolved): a symlink switch must be seen on the next request. */
  root: string;
  base: string;
  csp: string | undefined;
  log: (line: string) => void;
  /** Set while the root is missing, so a gap in a non-atomic switch is logged once. */
  rootMissing: boolean;
  stats: ServerStats | undefined;
}

/** Below this size compression saves less than the extra round of CPU and headers costs. */
const MIN_COMPRESS_BYTES = 1024;
/** Longer request targets are refused with 414; no page of a built site comes near it. */
const MAX_URL_LENGTH = 8192;

/**
 * Creates (but does not start) an HTTP server for a built Union KB site, hardened for hosting on
 * a LAN: only GET/HEAD, no path traversal, symlink escapes or dot-files, gzip/brotli for text,
 * long caching for hashed assets, conditional requests, the site's own 404 page, and Range
 * support for PDFs and media. The root is resolved again on every request, so a rebuilt
 * `dist/` or a switched `current -> releases/…` symlink is served without a restart. A request
 * that fails (a file it may not read, one removed under it) gets 500/404 and a log line; the
 * server stays up.
 * @throws Error when `root` is not an existing directory or `base` is not a valid path prefix.
 */
export function createSiteServer(options: SiteServerOptions): Server {
  const root = resolve(options.root);
  if (!statSync(realpathSync(root)).isDirectory()) throw new Error(`Not a directory: ${root}`);
  const ctx: Context = {
    root,
    base: normalizeBase(options.base ?? "/"),
    csp: options.csp,
    log: options.log ?? ((line) => console.error(line)),
    rootMissing: false,
    stats: options.stats,
  };
  return createServer((req, res) => {
    handleRequest(ctx, req, res).catch((error: unknown) => fail(ctx, req, res, error));
  });
}

async function handleRequest(ctx: Context, req: IncomingMessage, res: ServerResponse) {
  setSecurityHeaders(res);
  // With usage counting on, the beacons are POSTed to <base>__stats/event; nothing else is.
  const beacon = ctx.stats !== undefined && req.method === "POST";
  if (req.method !== "GET" && req.method !== "HEAD" && !beacon) return notAllowed(res);
  const url = req.url ?? "";
  if (url.length > MAX_URL_LENGTH) return sendText(res, 414, "URI Too Long");
  const target = parseRequestTarget(url);
  if (!target) return sendText(res, 400, "Bad Request");
  const route = routeBase(target, ctx.base);
  if (ctx.stats && route.kind === "inside") {
    const { stats } = ctx;
    if (await handleStatsRoute(stats, ctx.base, route.rel, target.query, req, res)) return;
  }
  if (beacon) return notAllowed(res);
  if (route.kind === "redirect") return redirect(res, route.location);
  const rootReal = await currentRoot(ctx);
  if (rootReal === undefined) {
    res.setHeader("Retry-After", "5");
    return sendText(res, 503, "Service Unavailable");
  }
  if (route.kind === "outside") return sendNotFound(ctx, rootReal, req, res);
  const found = await resolveFile(rootReal, route.rel);
  if (found.kind === "missing") return sendNotFound(ctx, rootReal, req, res, route.rel);
  if (found.kind === "add-slash") return redirect(res, `${target.rawPath}/${target.query}`);
  return serveFile(ctx, rootReal, req, res, found.file);
}

/**
 * The site folder's real path for this request. One realpath per request is a few
 * microseconds and is what makes an atomic symlink switch take effect at once (and keeps
 * working after the old folder is deleted). `undefined` while the folder is missing.
 */
async function currentRoot(ctx: Context): Promise<string | undefined> {
  try {
    const real = await realpath(ctx.root);
    if (ctx.rootMissing) ctx.log(`serve: the site folder ${ctx.root} is back; serving again.`);
    ctx.rootMissing = false;
    return real;
  } catch (error) {
    if (!ctx.rootMissing) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      ctx.log(
        `serve: 503 the site folder ${ctx.root} is missing (${code}); answering 503 until it is back. ` +
          "Hint: switch releases with a symlink and mv, which never leaves a gap.",
      );
    }
    ctx.rootMissing = true;
    return undefined;
  }
}

/** Answers 304, a byte range, a compressed body or the plain file. */
async function serveFile(
  ctx: Context,
  rootReal: string,
  req: IncomingMessage,
  res: ServerResponse,
  file: SiteFile,
) {
  const opened = await openSiteFile(file.abs);
  if (!("handle" in opened)) {
    ctx.log(
      opened.status === 404
        ? `serve: 404 ${file.rel}: the file went away before it could be opened (${opened.code}); was the site being rebuilt?`
        : `serve: 500 ${file.rel}: cannot read the file (${opened.code}). Hint: the user running the server needs read access to every file of the site (chmod -R a+rX on the site folder).`,
    );
    if (opened.status === 404) return sendNotFound(ctx, rootReal, req, res);
    return sendText(res, 500, "Internal Server Error");
  }
  try {
    if (ctx.stats) countRequest(ctx.stats, ctx.base, file.rel, req);
    if (ctx.stats && isHtml(file.rel) && canInject(opened)) {
      setContentHeaders(ctx, res, file.rel);
      res.setHeader("Last-Modified", opened.stats.mtime.toUTCString());
      await sendInjectedHtml(req, res, opened, ctx.base);
      return;
    }
    respondWithFile(ctx, req, res, file.rel, opened);
  } catch (error) {
    await opened.handle.close().catch(() => undefined);
    throw error;
  }
}

function respondWithFile(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  rel: string,
  file: OpenedFile,
): void {
  const { stats } = file;
  setContentHeaders(ctx, res, rel);
  setValidators(res, stats);
  // RFC 9110 §13.2.2: the cache validators are evaluated before Range.
  if (isNotModified(req, stats)) {
    void file.handle.close().catch(() => undefined);
    res.statusCode = 304;
    res.end();
    return;
  }
  const range = rangeStillValid(req, stats)
    ? parseRange(req.headers.range, stats.size)
    : { kind: "full" as const };
  if (range.kind === "unsatisfiable") {
    void file.handle.close().catch(() => undefined);
    res.setHeader("Content-Range", `bytes */${stats.size}`);
    sendText(res, 416, "Range Not Satisfiable");
    return;
  }
  const encoding =
    range.kind === "full" && isCompressible(rel) && stats.size >= MIN_COMPRESS_BYTES
      ? negotiateEncoding(req.headers["accept-encoding"])
      : undefined;
  sendFile(req, res, file, { encoding, range: range.kind === "partial" ? range : undefined }, (e) =>
    ctx.log(`serve: ${rel}: reading failed mid-transfer (${errorCode(e)}); the response was cut.`),
  );
}

function setContentHeaders(ctx: Context, res: ServerResponse, rel: string): void {
  res.setHeader("Content-Type", contentTypeFor(rel));
  res.setHeader("Cache-Control", cacheControlFor(rel));
  // Set even when this response is not compressed, so shared caches key on the header.
  if (isCompressible(rel)) res.setHeader("Vary", "Accept-Encoding");
  if (ctx.csp && isHtml(rel)) res.setHeader("Content-Security-Policy", ctx.csp);
}

/**
 * The site's own 404 page (status 404) when the build has one, in the language
 * of the missing address (en/404/ under /en/, else 404.html), plain text otherwise.
 */
async function sendNotFound(
  ctx: Context,
  rootReal: string,
  req: IncomingMessage,
  res: ServerResponse,
  rel?: string,
) {
  let body: Buffer | undefined;
  for (const candidate of notFoundPages(rel)) {
    const page = await findInside(rootReal, candidate);
    body = page && (await readFile(page.abs).catch(() => undefined));
    if (body) break;
  }
  if (!body) return sendText(res, 404, "Not Found");
  res.statusCode = 404;
  res.setHeader("Content-Type", contentTypeFor("404.html"));
  res.setHeader("Cache-Control", REVALIDATE);
  res.setHeader("Content-Length", body.byteLength);
  if (ctx.csp) res.setHeader("Content-Security-Policy", ctx.csp);
  res.end(req.method === "HEAD" ? undefined : body);
}

function notAllowed(res: ServerResponse): void {
  res.setHeader("Allow", "GET, HEAD");
  sendText(res, 405, "Method Not Allowed");
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/** Last-resort handler: a bug or disk error must not take the whole server down. */
function fail(ctx: Context, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ctx.log(`serve: 500 ${(req.url ?? "").slice(0, 200)}: ${message}`);
  if (res.headersSent) res.destroy();
  else sendText(res, 500, "Internal Server Error");
}
