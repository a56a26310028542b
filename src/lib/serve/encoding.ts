import type { Transform } from "node:stream";
import { constants, createBrotliCompress, createGzip } from "node:zlib";

/** Content codings this server produces on the fly. */
export type Encoding = "br" | "gzip";

/** Server preference: brotli is smaller for HTML/JS, gzip is the universal fallback. */
const PREFERENCE: readonly Encoding[] = ["br", "gzip"];

/** Parses `Accept-Encoding` into coding → q-value (lower-cased, `x-gzip` folded into gzip). */
function qualities(header: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of header.split(",")) {
    const [rawName = "", ...params] = part.trim().toLowerCase().split(";");
    const name = rawName.trim() === "x-gzip" ? "gzip" : rawName.trim();
    if (name === "") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    result.set(name, Number.isNaN(q) ? 0 : q);
  }
  return result;
}

/**
 * Picks the coding for a response from the client's `Accept-Encoding`: br, then gzip, skipping
 * any the client refuses with `q=0`. `undefined` means send the bytes as they are.
 */
export function negotiateEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = qualities(header);
  return PREFERENCE.find((coding) => (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0);
}

/**
 * Creates the compression stream. Brotli runs at quality 5 rather than the default 11: on a
 * small LAN box quality 11 is slow enough to stall pages, while 5 is still smaller than gzip.
 */
export function createCompressor(encoding: Encoding): Transform {
  if (encoding === "gzip") return createGzip({ level: 6 });
  return createBrotliCompress({
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}
