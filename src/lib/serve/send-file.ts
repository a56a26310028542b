import { createReadStream, type Stats } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { createCompressor, type Encoding } from "./encoding.ts";
import type { SiteFile } from "./resolve-file.ts";

/** How `sendFile` should shape the body. */
export interface SendPlan {
  /** Compress the whole body with this coding. Ignored when `range` is set. */
  encoding?: Encoding | undefined;
  /** Send only these bytes (inclusive) as 206 Partial Content. */
  range?: { start: number; end: number } | undefined;
}

/**
 * Weak validator in the same format sirv uses (`W/"size-mtime"`), so a client gets the same
 * ETag whichever code path served it and a no-cache revalidation ends in a cheap 304.
 * Weak because compressed and identity bodies share it (they are semantically equal).
 */
export function etagFor(stats: Stats): string {
  return `W/"${stats.size}-${stats.mtime.getTime()}"`;
}

/** Whether the client's cached copy (If-None-Match) is still current. */
export function isNotModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header === "*" || header.split(",").some((tag) => tag.trim() === etag);
}

/**
 * Whether a Range request may be honoured: with If-Range the client only wants the part if
 * its copy is still current, otherwise it needs the whole new file.
 */
export function rangeStillValid(req: IncomingMessage, stats: Stats): boolean {
  const ifRange = req.headers["if-range"];
  return !ifRange || ifRange === etagFor(stats) || ifRange === stats.mtime.toUTCString();
}

/**
 * Streams a file (whole, compressed or a byte range) with validators. Content-Type,
 * Cache-Control and similar headers are expected to be set on `res` already. HEAD requests get
 * the headers only, without touching the disk again.
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: SiteFile,
  plan: SendPlan,
): void {
  const { size } = file.stats;
  res.setHeader("ETag", etagFor(file.stats));
  res.setHeader("Last-Modified", file.stats.mtime.toUTCString());
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
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const source = createReadStream(file.abs, plan.range ?? {});
  const done = (error: Error | null): void => {
    // Typically the client went away mid-transfer; nothing useful can be sent any more.
    if (error) res.destroy();
  };
  if (plan.encoding && !plan.range) {
    pipeline(source, createCompressor(plan.encoding), res, done);
  } else {
    pipeline(source, res, done);
  }
}
