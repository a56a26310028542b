import { extname } from "node:path";

/**
 * Content types for the files an Astro + Pagefind build produces. Kept as an explicit table
 * (rather than a generic MIME database) so the server's behaviour is reviewable in one place
 * and does not depend on a transitive dependency's version.
 */
const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".xsl": "text/xsl",
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".csv": "text/csv",
  ".vtt": "text/vtt",
  ".ics": "text/calendar",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".epub": "application/epub+zip",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  // Pagefind's index chunks are gzipped binary blobs that its JS decompresses itself; serving
  // them as opaque bytes stops browsers and proxies from trying to interpret or re-encode them.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/** Types that are text even though they are not `text/*`; they get `charset=utf-8`. */
const TEXTUAL = new Set([
  "application/json",
  "application/manifest+json",
  "application/xml",
  "image/svg+xml",
]);

/** Types worth compressing on the fly; everything else is already compressed or tiny. */
const COMPRESSIBLE = new Set([
  "text/html",
  "text/css",
  "text/javascript",
  "text/plain",
  "text/markdown",
  "text/csv",
  "text/calendar",
  "text/xsl",
  "application/json",
  "application/manifest+json",
  "application/xml",
  "image/svg+xml",
]);

/** Bare MIME type (no parameters) for a file name; unknown extensions are opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return TYPES[extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Value for the Content-Type header: the MIME type plus `charset=utf-8` for text, because
 * Astro always writes UTF-8 and Chinese pages would otherwise be mis-decoded by some browsers.
 */
export function contentTypeFor(filePath: string): string {
  const type = mimeTypeFor(filePath);
  return type.startsWith("text/") || TEXTUAL.has(type) ? `${type}; charset=utf-8` : type;
}

/** Whether the file's type benefits from gzip/brotli (text formats only). */
export function isCompressible(filePath: string): boolean {
  return COMPRESSIBLE.has(mimeTypeFor(filePath));
}

/** Whether the file is an HTML document (gets the Content-Security-Policy header). */
export function isHtml(filePath: string): boolean {
  return mimeTypeFor(filePath) === "text/html";
}
