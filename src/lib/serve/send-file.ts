import { constants, type Stats } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { createCompressor, type Encoding } from "./encoding.ts";

/** How `sendFile` should shape the body. */
export interface SendPlan {
  /** Compress the whole body with this coding. Ignored when `range` is set. */
  encoding?: Encoding | undefined;
  /** Send only these bytes (inclusive) as 206 Partial Content. */
  range?: { start: number; end: number } | undefined;
}

/** A file opened for one response, with the stats of exactly the bytes that will be sent. */
export interface OpenedFile {
  handle: FileHandle;
  stats: Stats;
}

/** Why a file found by the lookup could not be opened. */
export interface OpenFailure {
  /** 404 when the file went away (a rebuild under way), 500 when the server may not read it. */
  status: 404 | 500;
  /** The system error code, e.g. `EACCES`, for the log. */
  code: string;
}

// Opening a FIFO that a rebuild put where a file was would block a libuv thread until a
// writer appears; O_NONBLOCK makes that open return at once (no effect on regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Codes meaning the path no longer leads to a file: the file was removed or replaced. */
const GONE = new Set(["ENOENT", "ENOTDIR", "ELOOP"]);

/**
 * Opens a file that the lookup found, before any header is sent. The open is where a file the
 * server's user may not read, or one removed since the lookup, shows up; answering it here (404
 * or 500) instead of in the middle of a stream keeps one request from stopping the server. Once
 * open, the file can be deleted or replaced by a rebuild and the response still completes.
 */
export async function openSiteFile(abs: string): Promise<OpenedFile | OpenFailure> {
  let handle: FileHandle;
  try {
    handle = await open(abs, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    return { status: GONE.has(code) ? 404 : 500, code };
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile()) return { handle, stats };
    await handle.close();
    return { status: 404, code: "ENOTFILE" };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return { status: 500, code: (error as NodeJS.ErrnoException).code ?? "EIO" };
  }
}

/**
 * Weak validator in the `W/"size-mtime"` format (the one sirv and many static servers use), so
 * a no-cache revalidation ends in a cheap 304. Weak because compressed and identity bodies
 * share it (they are semantically equal), which is also why it never satisfies If-Range.
 */
export function etagFor(stats: Stats): string {
  return `W/"${stats.size}-${stats.mtime.getTime()}"`;
}

/** Entity tags in an If-None-Match value (`"a", W/"b"`), without their weakness markers. */
function opaqueTags(header: string): string[] {
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).map((tag) => tag.replace(/^W\//, ""));
}

/**
 * Whether the client's cached copy is still current (RFC 9110 §13.1.2, §13.1.3): If-None-Match
 * with `*` or a list of tags compared weakly; only without it, If-Modified-Since against the
 * modification time at whole-second precision (the precision of HTTP dates).
 */
export function isNotModified(req: IncomingMessage, stats: Stats): boolean {
  const tags = req.headers["if-none-match"];
  if (tags !== undefined) {
    if (tags.trim() === "*") return true;
    const current = opaqueTags(etagFor(stats))[0];
    return opaqueTags(tags).some((tag) => tag === current);
  }
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  // A date in the future is no evidence about the client's copy (RFC 9110 §13.1.3).
  if (Number.isNaN(since) || since > Date.now()) return false;
  return Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

/**
 * Whether a Range request may be honoured: with If-Range the client only wants the part if its
 * copy is the same, byte for byte. That takes a strong validator (RFC 9110 §13.1.5): our ETags
 * are weak, so only an exact Last-Modified date counts; otherwise the whole file is sent.
 */
export function rangeStillValid(req: IncomingMessage, stats: Stats): boolean {
  const ifRange = req.headers["if-range"];
  if (ifRange === undefined) return true;
  return typeof ifRange === "string" && ifRange.trim() === stats.mtime.toUTCString();
}

/** Sets the validators that let the client revalidate its copy (also sent with a 304). */
export function setValidators(res: ServerResponse, stats: Stats): void {
  res.setHeader("ETag", etagFor(stats));
  res.setHeader("Last-Modified", stats.mtime.toUTCString());
}

/**
 * Streams an opened file (whole, compressed or a byte range) and closes it. Content-Type,
 * Cache-Control and the validators are expected to be set on `res` already. HEAD requests get
 * the headers only. `onError` hears of read errors other than the client going away.
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: OpenedFile,
  plan: SendPlan,
  onError: (error: Error) => void,
): void {
  const { size } = file.stats;
  res.setHeader("Accept-Ranges", "bytes");
  if (plan.range) {
    const { start, end } = plan.range;
    res.statusCode = 206;
    res.setHeader("Content-Range", `bytes ${start}-${end}/${size}`);
    res.setHeader("Content-Length", end - start + 1);
  } else if (plan.encoding) {
    // Length of the compressed body is unknown up front, so it goes out chunked.
    res.setHeader("Content-Encoding", plan.encoding);
  } else {
    res.setHeader("Content-Length", size);
  }
  if (req.method === "HEAD" || size === 0) {
    res.end();
    void file.handle.close().catch(() => undefined);
    return;
  }
  // The stream owns the handle from here and closes it when done or failed. It reads no more
  // than the bytes counted when the file was opened: a file that grows meanwhile (a rebuild
  // writing it in place) would otherwise send more bytes than its Content-Length.
  const source = file.handle.createReadStream(plan.range ?? { start: 0, end: size - 1 });
  const done = (error: NodeJS.ErrnoException | null): void => {
    if (!error) return;
    // A client that went away mid-transfer is routine; anything else is worth a log line.
    if (error.code !== "ERR_STREAM_PREMATURE_CLOSE" && error.code !== "ECONNRESET") onError(error);
    res.destroy();
  };
  if (plan.encoding && !plan.range) {
    pipeline(source, createCompressor(plan.encoding), res, done);
  } else {
    pipeline(source, res, done);
  }
}
