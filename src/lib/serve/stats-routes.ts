import { timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";
import { MAX_BEACON_BYTES, parseBeacon } from "../stats/events.ts";
import { escapeHtml, renderStatsPage } from "../stats/page.ts";
import { StatsRecorder } from "../stats/recorder.ts";
import { type ReportRange, readReport, reportCsv } from "../stats/report.ts";
import { isDay } from "../stats/run-stats.ts";
import { negotiateEncoding } from "./encoding.ts";
import { redirect, sendText } from "./responses.ts";
import { etagFor, type OpenedFile } from "./send-file.ts";

/** Options for {@link openServerStats}. */
export interface ServerStatsOptions {
  /** The `--stats <dir>` folder. */
  dir: string;
  /** `stats.password` from site.yaml: the `/stats/` page asks for it (HTTP Basic). */
  password?: string | undefined;
  /** Language of the `/stats/` page (the site's default locale). */
  locale: Locale;
  log: (line: string) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Usage counting of a running server; created by {@link openServerStats}. */
export interface ServerStats {
  recorder: StatsRecorder;
  password: string | undefined;
  locale: Locale;
  /** The beacon script (src/lib/stats/client/stats-beacon.js). */
  beacon: Buffer;
  /** Per connection: tokens left and when they were last topped up. */
  buckets: WeakMap<Socket, { tokens: number; at: number }>;
}

/** Beacons a connection may send at once, and per second after that. */
export const BEACON_BURST = 30;
export const BEACONS_PER_SECOND = 10;
/** Bigger HTML files are served as they are, without the beacon (no built page comes near). */
const MAX_INJECT_BYTES = 2 * 1024 * 1024;
/** A beacon body must arrive within this time. */
const BODY_TIMEOUT_MS = 5000;
const BEACON_SCRIPT = new URL("../stats/client/stats-beacon.js", import.meta.url);

/**
 * Opens the usage database for the server.
 * @throws Error when the folder or database cannot be used.
 */
export function openServerStats(options: ServerStatsOptions): ServerStats {
  const recorder = StatsRecorder.open(options.dir, {
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    recorder,
    password: options.password,
    locale: options.locale,
    beacon: readFileSync(BEACON_SCRIPT),
    buckets: new WeakMap(),
  };
}

/**
 * Answers the server's own usage routes, below the base path: `__stats/event` (POST, the
 * beacons), `__stats/beacon.js`, and `stats/` with `stats/usage.csv` (the report, behind the
 * password when site.yaml sets one). Returns false for every other path.
 */
export async function handleStatsRoute(
  stats: ServerStats,
  base: string,
  rel: string,
  query: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (rel === "__stats/event") {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      sendText(res, 405, "Method Not Allowed");
    } else await receiveBeacon(stats, req, res);
    return true;
  }
  if (req.method === "POST") return false;
  if (rel === "__stats/beacon.js") {
    res.setHeader("Content-Type", "text/javascript; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Content-Length", stats.beacon.byteLength);
    res.end(req.method === "HEAD" ? undefined : stats.beacon);
    return true;
  }
  if (rel.startsWith("__stats/")) {
    sendText(res, 404, "Not Found");
    return true;
  }
  if (rel === "stats") {
    redirect(res, `${base}stats/${query}`);
    return true;
  }
  if (rel !== "stats/" && rel !== "stats/usage.csv") return false;
  if (!authorised(stats, req)) {
    // Wrong passwords share the beacons' per-connection budget, so guessing is slow.
    if (req.headers.authorization !== undefined && !takeToken(stats, req.socket)) {
      res.setHeader("Retry-After", "1");
      sendText(res, 429, "Too Many Requests");
      return true;
    }
    res.setHeader("WWW-Authenticate", 'Basic realm="Union KB usage statistics", charset="UTF-8"');
    sendText(res, 401, "Unauthorized: the usage statistics need the password from site.yaml.");
    return true;
  }
  const range = parseRange(query);
  if (!range) {
    sendText(res, 400, "from and to must be dates like 2026-03-01.");
    return true;
  }
  stats.recorder.flush();
  res.setHeader("Cache-Control", "no-store");
  if (rel === "stats/usage.csv") {
    const body = Buffer.from(reportCsv(stats.recorder.store, range));
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="usage-${range.from ?? "start"}-${range.to ?? "end"}.csv"`,
    );
    res.setHeader("Content-Length", body.byteLength);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
  const search = new URLSearchParams();
  if (range.from) search.set("from", range.from);
  if (range.to) search.set("to", range.to);
  const csv = `${base}stats/usage.csv${search.size ? `?${search}` : ""}`;
  const page = renderStatsPage(readReport(stats.recorder.store, range), stats.locale, {
    csv,
    icon: `${base}favicon.svg`,
  });
  const body = Buffer.from(page.html);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", page.csp);
  res.setHeader("Content-Length", body.byteLength);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** `?from=2026-03-01&to=2026-03-31` (either may be missing or empty); undefined when malformed. */
export function parseRange(query: string): ReportRange | undefined {
  const params = new URLSearchParams(query);
  const range: ReportRange = {};
  for (const key of ["from", "to"] as const) {
    const value = params.get(key);
    if (!value) continue;
    if (!isDay(value)) return undefined;
    range[key] = value;
  }
  return range;
}

/** HTTP Basic with any user name and the password from site.yaml, compared in constant time. */
function authorised(stats: ServerStats, req: IncomingMessage): boolean {
  if (stats.password === undefined) return true;
  const header = req.headers.authorization ?? "";
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,1024})$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const given = Buffer.from(decoded.slice(decoded.indexOf(":") + 1));
  const wanted = Buffer.from(stats.password);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Takes one token from the connection's bucket; false when it is empty. */
function takeToken(stats: ServerStats, socket: Socket): boolean {
  const now = Date.now();
  const bucket = stats.buckets.get(socket) ?? { tokens: BEACON_BURST, at: now };
  bucket.tokens = Math.min(
    BEACON_BURST,
    bucket.tokens + ((now - bucket.at) / 1000) * BEACONS_PER_SECOND,
  );
  bucket.at = now;
  stats.buckets.set(socket, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * One beacon: from this site only (a page elsewhere cannot post into the counts), at most
 * {@link BEACON_BURST} at once and {@link BEACONS_PER_SECOND} a second per connection, at most
 * {@link MAX_BEACON_BYTES}, and one of the known event shapes. Answers 204 when counted.
 */
async function receiveBeacon(
  stats: ServerStats,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const origin = req.headers.origin;
  if (origin !== undefined && !sameHost(origin, req.headers.host)) {
    res.setHeader("Connection", "close");
    return sendText(res, 403, "Forbidden");
  }
  if (!takeToken(stats, req.socket)) {
    stats.recorder.refused("beacon-limited");
    // The connection stays open: closing it would hand the sender a fresh bucket.
    res.setHeader("Retry-After", "1");
    return sendText(res, 429, "Too Many Requests");
  }
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (!Number.isInteger(declared) || declared > MAX_BEACON_BYTES) {
    stats.recorder.refused("beacon-invalid");
    res.setHeader("Connection", "close");
    return sendText(res, Number.isNaN(declared) ? 411 : 413, "Refused");
  }
  const body = await readBody(req, MAX_BEACON_BYTES);
  const event = body === undefined ? undefined : parseBeacon(body);
  if (!event) {
    stats.recorder.refused("beacon-invalid");
    if (body === undefined) res.setHeader("Connection", "close");
    return sendText(res, 400, "Bad Request");
  }
  stats.recorder.event(event);
  res.statusCode = 204;
  res.setHeader("Cache-Control", "no-store");
  res.end();
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The body as UTF-8 text, or undefined when it is longer than `limit`, broken or too slow. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(undefined), BODY_TIMEOUT_MS);
    const finish = (value: string | undefined) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      done(value);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) finish(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const text = new TextDecoder("utf-8", { fatal: true });
      try {
        finish(text.decode(Buffer.concat(chunks)));
      } catch {
        finish(undefined);
      }
    });
    req.on("error", () => finish(undefined));
  });
}

/**
 * Counts a GET of a file of the site: a print view or a PDF is a handout download (a PDF
 * viewer's later range requests are not counted again), another HTML page a page view.
 * 404 pages, HEAD requests and every other file count nothing.
 */
export function countRequest(stats: ServerStats, base: string, rel: string, req: IncomingMessage) {
  if (req.method !== "GET") return;
  if (/\.pdf$/i.test(rel)) {
    const range = req.headers.range;
    if (range === undefined || /^bytes=0-/i.test(range.trim())) stats.recorder.handout(base + rel);
    return;
  }
  if (!/\.html$/i.test(rel) || /(^|\/)404(\.html|\/index\.html)$/.test(rel)) return;
  const path = base + rel.replace(/(^|\/)index\.html$/, "$1");
  if (rel.startsWith("print/")) stats.recorder.handout(path);
  else stats.recorder.pageView(path);
}

/**
 * A built page with the beacon script before `</body>` and the privacy note at the end of
 * its footer (in the page's language). The site's own files stay as built; the script is
 * same-origin, which the pages' CSP (`script-src 'self'`) allows.
 */
export function injectStats(html: string, base: string): string {
  const lang: Locale = /<html[^>]*\slang="en"/i.test(html.slice(0, 1024)) ? "en" : "zh-CN";
  const note = `<div class="site-footer-inner"><p data-stats-note>${escapeHtml(t(lang, "stats.note"))}</p></div>`;
  const script = `<script defer src="${base}__stats/beacon.js"></script>`;
  let out = html;
  const footerEnd = out.lastIndexOf("</footer>");
  if (footerEnd !== -1) out = out.slice(0, footerEnd) + note + out.slice(footerEnd);
  const bodyEnd = out.lastIndexOf("</body>");
  return bodyEnd === -1 ? out + script : out.slice(0, bodyEnd) + script + out.slice(bodyEnd);
}

/** Whether a page is small enough to get the beacon. */
export function canInject(file: OpenedFile): boolean {
  return file.stats.size <= MAX_INJECT_BYTES;
}

/**
 * Sends a built HTML page with {@link injectStats} applied: its own ETag (the page's, marked),
 * so a copy cached before stats were switched on is not reused, and 304 when current.
 * Content-Type and Cache-Control are already set. Closes the file.
 */
export async function sendInjectedHtml(
  req: IncomingMessage,
  res: ServerResponse,
  file: OpenedFile,
  base: string,
): Promise<void> {
  const etag = etagFor(file.stats).replace(/"$/, '-stats"');
  res.setHeader("ETag", etag);
  const tags = req.headers["if-none-match"];
  const opaque = (tag: string) => tag.replace(/^W\//, "");
  const current =
    tags !== undefined &&
    (tags.trim() === "*" ||
      (tags.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === opaque(etag)));
  if (current) {
    await file.handle.close().catch(() => undefined);
    res.statusCode = 304;
    res.end();
    return;
  }
  let html: string;
  try {
    html = (await file.handle.readFile()).toString("utf8");
  } finally {
    await file.handle.close().catch(() => undefined);
  }
  const plain = Buffer.from(injectStats(html, base));
  const encoding = negotiateEncoding(req.headers["accept-encoding"]);
  const body =
    encoding === "br"
      ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === "gzip"
        ? gzipSync(plain)
        : plain;
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.byteLength);
  res.statusCode = 200;
  res.end(req.method === "HEAD" ? undefined : body);
}
