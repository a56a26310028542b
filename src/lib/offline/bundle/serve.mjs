#!/usr/bin/env node
// Serves the offline copy (the site/ folder next to this file) with nothing but Node.js 18+.
// Usage: node serve.mjs [--port 8080] [--host 127.0.0.1]   (--host 0.0.0.0 shares it on the LAN)
import { constants, realpathSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { createServer } from "node:http";
import { networkInterfaces } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "site");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const host = option("host", "127.0.0.1");
const port = Number(option("port", "8080"));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".webmanifest": "application/manifest+json",
  ".vtt": "text/vtt; charset=utf-8",
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".m4a": "audio/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".oga": "audio/ogg",
  ".opus": "audio/ogg",
};

/**
 * The one byte range of a `Range: bytes=a-b` header (what a browser sends to
 * seek in a video), or null to send the whole file. Several ranges, or one
 * that does not fit the file, are answered with the whole file, which RFC 9110
 * allows.
 */
function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const start = m[1] === "" ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === "" || m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

const MAX_URL_LENGTH = 8192;
// Opening a FIFO would block until a writer appears; O_NONBLOCK makes it return at once.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The real path of site/, looked up once (the copy does not move while it is served). */
let rootReal = root;
try {
  rootReal = realpathSync(root);
} catch {
  // Reported by the first request (404); the banner still shows where the site is expected.
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Dot-files and dot-folders (`.env`, `.git/`) are not part of a site; `.well-known/` is. */
function isHidden(path) {
  return path.split(/[\\/]/).some((part) => part.startsWith(".") && part !== ".well-known");
}

/**
 * The file for a raw URL path (still percent-encoded), or null: never anything outside site/,
 * no dot-files or dot-folders (`.env`, `.git/`; `.well-known/` is the exception), no `.`/`..`
 * segments, encoded slashes, backslashes or control characters.
 */
function findFile(rawPath) {
  if (/\\|%5c|%2f|%00/i.test(rawPath)) return null;
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (CONTROL_CHARS.test(path) || isHidden(path)) return null;
  let file = resolve(rootReal, `.${path}`);
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    // A symlink in the copy must not lead out of it.
    const real = realpathSync(file);
    if (!real.startsWith(rootReal + sep) || isHidden(relative(rootReal, real))) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Answers with a file, or with 404/500 and one log line when it cannot be opened. */
async function send(req, res, status, file) {
  let handle;
  let size;
  try {
    handle = await open(file, OPEN_FLAGS);
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
    size = stats.size;
  } catch (error) {
    await handle?.close().catch(() => {});
    const name = relative(rootReal, file);
    const code = error.code ?? "EIO";
    if (["ENOENT", "ENOTDIR", "ELOOP"].includes(code)) {
      console.error(`404 ${name}: the file went away before it could be opened (${code}).`);
      return status === 404 ? sendText(res, 404, "Not found") : sendNotFound(req, res);
    }
    console.error(`500 ${name}: cannot read the file (${code}). Check its permissions.`);
    return sendText(res, 500, "Internal server error");
  }
  const range = status === 200 ? byteRange(req.headers.range, size) : null;
  res.writeHead(range ? 206 : status, {
    "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": range ? range.end - range.start + 1 : size,
    "Accept-Ranges": "bytes",
    ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${size}` } : {}),
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD" || size === 0) {
    res.end();
    await handle.close().catch(() => {});
    return;
  }
  // No more than the bytes counted at the open: a file growing meanwhile (a copy being
  // rewritten in place) would otherwise send more than its Content-Length.
  const bytes = range ?? { start: 0, end: size - 1 };
  pipeline(handle.createReadStream(bytes), res, (error) => {
    if (error && error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
      console.error(
        `${relative(rootReal, file)}: reading failed (${error.code ?? error.message}).`,
      );
    }
  });
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers }).end(text);
}

/**
 * The site's own 404 page when it has one: under /en/ the English one
 * (en/404/index.html), else 404.html.
 */
function sendNotFound(req, res, rawPath = "") {
  const english = /^\/en\//.test(rawPath) ? findFile("/en/404/") : null;
  const page = english ?? findFile("/404.html");
  return page ? send(req, res, 404, page) : sendText(res, 404, "Not found");
}

async function answer(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendText(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
  }
  const url = req.url ?? "";
  if (url.length > MAX_URL_LENGTH) return sendText(res, 414, "URI too long");
  if (!url.startsWith("/")) return sendText(res, 400, "Bad request");
  const queryAt = url.indexOf("?");
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  const file = findFile(rawPath);
  if (
    file &&
    !rawPath.endsWith("/") &&
    file.endsWith(`${sep}index.html`) &&
    !rawPath.endsWith(".html")
  ) {
    // Leading slashes folded into one: `//courses/` would send the browser to a host "courses".
    const location = `/${rawPath.replace(/^\/+/, "")}/${query}`;
    return sendText(res, 301, location, { Location: location });
  }
  if (file) return send(req, res, 200, file);
  return sendNotFound(req, res, rawPath);
}

const server = createServer((req, res) => {
  answer(req, res).catch((error) => {
    console.error(`500 ${(req.url ?? "").slice(0, 200)}: ${error.message}`);
    if (res.headersSent) res.destroy();
    else sendText(res, 500, "Internal server error");
  });
});

server.on("error", (error) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is in use. Try: node serve.mjs --port ${port + 1}`
      : `Cannot start: ${error.message}`,
  );
  process.exit(1);
});

server.listen(port, host, () => {
  const actual = server.address().port;
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  console.log(`Serving ${root}\n  http://${shown}:${actual}/`);
  if (host === "0.0.0.0" || host === "::") {
    for (const list of Object.values(networkInterfaces())) {
      for (const net of list ?? []) {
        if (net.family === "IPv4" && !net.internal)
          console.log(`  http://${net.address}:${actual}/`);
      }
    }
  }
  console.log("Press Ctrl+C to stop.");
});
