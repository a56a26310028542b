#!/usr/bin/env node
// Serves the offline copy (the site/ folder next to this file) with nothing but Node.js 18+.
// Usage: node serve.mjs [--port 8080] [--host 127.0.0.1]   (--host 0.0.0.0 shares it on the LAN)
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { networkInterfaces } from "node:os";
import { dirname, extname, join, resolve, sep } from "node:path";
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
};

/** The file for a URL path, or null; never anything outside site/. */
function findFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  let file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function send(res, status, file, method) {
  res.writeHead(status, {
    "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": statSync(file).size,
    "X-Content-Type-Options": "nosniff",
  });
  if (method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const file = findFile(url.pathname);
  if (
    file &&
    !url.pathname.endsWith("/") &&
    file.endsWith(`${sep}index.html`) &&
    !url.pathname.endsWith(".html")
  ) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  if (file) return send(res, 200, file, req.method);
  const notFound = findFile("/404.html");
  if (notFound) return send(res, 404, notFound, req.method);
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
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
