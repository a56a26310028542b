import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusalText } from "../../src/lib/cli/cli-error.ts";
import { createSiteServer, type SiteServerOptions } from "../../src/lib/serve/create-server.ts";
import { lanUrls } from "../../src/lib/serve/lan-urls.ts";
import { parseRange } from "../../src/lib/serve/range.ts";
import { openSiteFile, sendFile } from "../../src/lib/serve/send-file.ts";
import { serveSite } from "../../src/lib/serve/serve-site.ts";
import { captureOutput, refusalOf } from "../helpers/cli-output.ts";
import { send } from "../helpers/http.ts";

const REPO = resolve(import.meta.dirname, "../..");
const NODE = join(REPO, "node_modules/.bin/node");
const SECRET = "TOP-SECRET-OUTSIDE-ROOT";
// Over 1 KiB so the server compresses it; Chinese text checks UTF-8 round-trips.
const INDEX_HTML = `<!doctype html><html lang="zh-CN"><body>${"<p>职工教育知识库 Workers' education</p>\n".repeat(60)}</body></html>`;
const CSS = `body{color:#111}\n${".card{margin:0 auto;padding:1rem}\n".repeat(60)}`;
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x0b]);
const CSP = "default-src 'self'";

function write(root: string, rel: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** A small fake build plus a secret next to it (outside the root) and symlinks to it. */
function makeSite(dir: string, with404 = true): string {
  const root = join(dir, "site");
  write(dir, "secret.txt", SECRET);
  write(root, "index.html", INDEX_HTML);
  if (with404) write(root, "404.html", "<!doctype html><h1>Page not found</h1>");
  write(root, "_astro/app.abc123.css", CSS);
  write(root, "guide/intro/index.html", "<!doctype html><h1>Intro</h1>");
  write(root, "pagefind/pagefind.js", "export const search = 1;");
  write(root, "pagefind/pagefind-entry.json", '{"version":"1.4.0"}');
  write(root, "pagefind/wasm.zh.pagefind", Buffer.from([1, 2, 3, 4]));
  write(root, "pagefind/pagefind.zh_abc.pf_meta", Buffer.from([5, 6]));
  write(root, "pagefind/fragment/zh_abc.pf_fragment", Buffer.from([7, 8]));
  write(root, "pagefind/index/zh_abc.pf_index", Buffer.from([9]));
  write(root, "wasm/search.wasm", WASM);
  write(root, "fonts/noto.woff2", Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  write(root, "manifest.webmanifest", '{"name":"KB"}');
  write(root, "sitemap-index.xml", '<?xml version="1.0"?><sitemapindex/>');
  write(root, ".env", SECRET);
  symlinkSync(join(dir, "secret.txt"), join(root, "leak.txt"));
  symlinkSync(dir, join(root, "linkdir"));
  // A link that stays inside the root is fine (some deploy scripts alias a "latest" file).
  symlinkSync(join(root, "_astro/app.abc123.css"), join(root, "alias.css"));
  return root;
}

async function start(options: SiteServerOptions): Promise<{ server: Server; port: number }> {
  const server = createSiteServer(options);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, port: (server.address() as AddressInfo).port };
}

let tmp: string;
let root: string;
let server: Server;
let port: number;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "union-kb-serve-"));
  root = makeSite(tmp);
  ({ server, port } = await start({ root, csp: CSP }));
});

afterAll(() => {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("createSiteServer: content types", () => {
  it.each([
    ["/", "text/html; charset=utf-8"],
    ["/_astro/app.abc123.css", "text/css; charset=utf-8"],
    ["/pagefind/pagefind.js", "text/javascript; charset=utf-8"],
    ["/pagefind/pagefind-entry.json", "application/json; charset=utf-8"],
    ["/pagefind/wasm.zh.pagefind", "application/octet-stream"],
    ["/pagefind/pagefind.zh_abc.pf_meta", "application/octet-stream"],
    ["/pagefind/fragment/zh_abc.pf_fragment", "application/octet-stream"],
    ["/pagefind/index/zh_abc.pf_index", "application/octet-stream"],
    ["/wasm/search.wasm", "application/wasm"],
    ["/fonts/noto.woff2", "font/woff2"],
    ["/manifest.webmanifest", "application/manifest+json; charset=utf-8"],
    ["/sitemap-index.xml", "application/xml; charset=utf-8"],
  ])("%s is %s", async (path, type) => {
    const reply = await send(port, path);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(type);
  });

  it("serves binary files byte for byte", async () => {
    expect((await send(port, "/wasm/search.wasm")).body.equals(WASM)).toBe(true);
  });

  it("adds security headers, and CSP on HTML only", async () => {
    const html = await send(port, "/");
    expect(html.headers["x-content-type-options"]).toBe("nosniff");
    expect(html.headers["referrer-policy"]).toBe("no-referrer");
    expect(html.headers["content-security-policy"]).toBe(CSP);
    const css = await send(port, "/_astro/app.abc123.css");
    expect(css.headers["x-content-type-options"]).toBe("nosniff");
    expect(css.headers["content-security-policy"]).toBeUndefined();
  });
});

describe("createSiteServer: compression", () => {
  it("sends gzip when asked, with the original bytes inside", async () => {
    const reply = await send(port, "/", { "accept-encoding": "gzip" });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(reply.body).toString("utf8")).toBe(INDEX_HTML);
  });

  it("prefers brotli when the client accepts both", async () => {
    const reply = await send(port, "/_astro/app.abc123.css", { "accept-encoding": "gzip, br" });
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.headers.vary).toBe("Accept-Encoding");
    expect(brotliDecompressSync(reply.body).toString("utf8")).toBe(CSS);
  });

  it("respects q=0 and sends identity without Accept-Encoding", async () => {
    const refused = await send(port, "/", { "accept-encoding": "br;q=0, gzip" });
    expect(refused.headers["content-encoding"]).toBe("gzip");
    const plain = await send(port, "/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(plain.body.toString("utf8")).toBe(INDEX_HTML);
  });

  it("does not compress binary files", async () => {
    const reply = await send(port, "/wasm/search.wasm", { "accept-encoding": "gzip, br" });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body.equals(WASM)).toBe(true);
  });
});

describe("createSiteServer: caching", () => {
  const IMMUTABLE = "public, max-age=31536000, immutable";
  it.each([
    ["/_astro/app.abc123.css", IMMUTABLE],
    ["/pagefind/fragment/zh_abc.pf_fragment", IMMUTABLE],
    ["/pagefind/index/zh_abc.pf_index", IMMUTABLE],
    ["/pagefind/pagefind.zh_abc.pf_meta", IMMUTABLE],
    ["/pagefind/pagefind.js", "no-cache"],
    ["/pagefind/pagefind-entry.json", "no-cache"],
    ["/pagefind/wasm.zh.pagefind", "no-cache"],
    ["/", "no-cache"],
    ["/guide/intro/", "no-cache"],
  ])("%s → %s", async (path, cacheControl) => {
    expect((await send(port, path)).headers["cache-control"]).toBe(cacheControl);
  });

  it("answers a matching If-None-Match with 304, plain and compressed", async () => {
    for (const encoding of ["identity", "gzip"]) {
      const first = await send(port, "/", { "accept-encoding": encoding });
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"/);
      const again = await send(port, "/", { "accept-encoding": encoding, "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });
});

describe("createSiteServer: pages and errors", () => {
  it("serves nested pages and redirects a folder without its slash", async () => {
    expect((await send(port, "/guide/intro/")).body.toString()).toContain("Intro");
    const redirect = await send(port, "/guide/intro?x=1");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe("/guide/intro/?x=1");
  });

  it("serves 404.html with status 404", async () => {
    const reply = await send(port, "/no/such/page/");
    expect(reply.status).toBe(404);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["content-security-policy"]).toBe(CSP);
    expect(reply.body.toString()).toContain("Page not found");
  });

  it("falls back to a plain-text 404 when the build has no 404.html", async () => {
    const bare = await start({ root: makeSite(mkdtempSync(join(tmp, "bare-")), false) });
    try {
      const reply = await send(bare.port, "/missing");
      expect(reply.status).toBe(404);
      expect(reply.headers["content-type"]).toBe("text/plain; charset=utf-8");
    } finally {
      bare.server.close();
    }
  });

  it("answers POST with 405 and an Allow header", async () => {
    const reply = await send(port, "/", {}, "POST");
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
  });
});

describe("createSiteServer: path traversal", () => {
  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..\\secret.txt",
    "/%2e%2e%5csecret.txt",
    "/guide/../../secret.txt",
    "/guide/%2e%2e/%2e%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "/secret.txt%00.html",
    "/leak.txt",
    "/linkdir/secret.txt",
    "/.env",
  ])("refuses %s", async (path) => {
    const reply = await send(port, path);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body.toString()).not.toContain(SECRET);
  });

  it("follows symlinks that stay inside the root", async () => {
    expect((await send(port, "/alias.css")).body.toString()).toBe(CSS);
  });

  it("stays up after malformed percent-encoding", async () => {
    expect((await send(port, "/%E0%A4%A")).status).toBe(400);
    expect((await send(port, "/")).status).toBe(200);
  });
});

describe("createSiteServer: HEAD and Range", () => {
  it("HEAD sends headers with the right length and no body", async () => {
    const reply = await send(port, "/", {}, "HEAD");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-length"]).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(reply.body.length).toBe(0);
  });

  it.each([
    ["bytes=2-5", 2, 5],
    ["bytes=0-0", 0, 0],
    ["bytes=4-", 4, WASM.length - 1],
    ["bytes=-3", WASM.length - 3, WASM.length - 1],
    ["bytes=6-9999", 6, WASM.length - 1],
  ])("%s → 206 with those bytes", async (range, start, end) => {
    const reply = await send(port, "/wasm/search.wasm", { range });
    expect(reply.status).toBe(206);
    expect(reply.headers["content-range"]).toBe(`bytes ${start}-${end}/${WASM.length}`);
    expect(reply.body.equals(WASM.subarray(start, end + 1))).toBe(true);
  });

  it("sends Range responses of text files uncompressed", async () => {
    const reply = await send(port, "/", { range: "bytes=0-14", "accept-encoding": "gzip, br" });
    expect(reply.status).toBe(206);
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body.toString()).toBe(INDEX_HTML.slice(0, 15));
  });

  it("answers an unsatisfiable range with 416 and ignores a reversed one", async () => {
    const beyond = await send(port, "/wasm/search.wasm", { range: "bytes=100-" });
    expect(beyond.status).toBe(416);
    expect(beyond.headers["content-range"]).toBe(`bytes */${WASM.length}`);
    const reversed = await send(port, "/wasm/search.wasm", { range: "bytes=5-2" });
    expect(reversed.status).toBe(200);
    expect(reversed.body.equals(WASM)).toBe(true);
  });

  it("parseRange follows RFC 9110 for edge cases", () => {
    expect(parseRange("bytes=0-1,4-5", 10)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 10)).toEqual({ kind: "full" });
    expect(parseRange("bytes=-0", 10)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-20", 10)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseRange("bytes=10-", 10)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });
});

describe("createSiteServer: base path", () => {
  let kb: { server: Server; port: number };
  beforeAll(async () => {
    kb = await start({ root, base: "/kb/" });
  });
  afterAll(() => kb.server.close());

  it.each(["/", "/kb"])("redirects %s to /kb/", async (path) => {
    const reply = await send(kb.port, path);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/kb/");
  });

  it("serves the site under /kb/ and nothing outside it", async () => {
    expect((await send(kb.port, "/kb/")).body.toString()).toBe(INDEX_HTML);
    expect((await send(kb.port, "/kb/guide/intro/")).status).toBe(200);
    expect((await send(kb.port, "/kb/_astro/app.abc123.css")).status).toBe(200);
    const outside = await send(kb.port, "/_astro/app.abc123.css");
    expect(outside.status).toBe(404);
    expect(outside.body.toString()).toContain("Page not found");
    expect((await send(kb.port, "/kbx/")).status).toBe(404);
  });
});

describe("createSiteServer: the site folder changes under it", () => {
  it("follows an atomic symlink switch and survives deleting the old folder", async () => {
    const dir = mkdtempSync(join(tmp, "switch-"));
    write(dir, "releases/a/index.html", "release A");
    write(dir, "releases/b/index.html", "release B");
    symlinkSync(join(dir, "releases/a"), join(dir, "current"));
    const lines: string[] = [];
    const live = await start({ root: join(dir, "current"), log: (line) => lines.push(line) });
    try {
      expect((await send(live.port, "/")).body.toString()).toBe("release A");
      symlinkSync(join(dir, "releases/b"), join(dir, "current.new"));
      renameSync(join(dir, "current.new"), join(dir, "current"));
      expect((await send(live.port, "/")).body.toString()).toBe("release B");
      rmSync(join(dir, "releases/a"), { recursive: true });
      expect((await send(live.port, "/")).status).toBe(200);
      // A non-atomic switch (rm, then ln) leaves a gap: 503 and one log line, not a crash.
      rmSync(join(dir, "current"));
      expect((await send(live.port, "/")).status).toBe(503);
      expect((await send(live.port, "/")).status).toBe(503);
      symlinkSync(join(dir, "releases/b"), join(dir, "current"));
      expect((await send(live.port, "/")).status).toBe(200);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain("is missing (ENOENT)");
    } finally {
      live.server.close();
    }
  });

  // A file written in place while a response is under way (seen as "Data after Connection:
  // close" in a client when the file was empty at the open and full when read).
  it.each([
    ["empty", ""],
    ["short", "abc"],
  ])("sends a file that grows after it was opened (%s) as it was at the open", async (_, first) => {
    const dir = mkdtempSync(join(tmp, "grow-"));
    const path = join(dir, "page.html");
    writeFileSync(path, first);
    const opened = await openSiteFile(path);
    if (!("handle" in opened)) throw new Error(`could not open: ${opened.code}`);
    appendFileSync(path, "<p>written after the open</p>");
    const server = createServer((req, res) =>
      sendFile(req, res, opened, {}, (e) => res.destroy(e)),
    );
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const reply = await send((server.address() as AddressInfo).port, "/page.html");
      expect(reply.headers["content-length"]).toBe(String(first.length));
      expect(reply.body.toString()).toBe(first);
    } finally {
      server.close();
    }
  });

  it("redirects //guide/intro to /guide/intro/, never to another host", async () => {
    const reply = await send(port, "//guide/intro");
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/guide/intro/");
  });
});

describe("createSiteServer: load", () => {
  it("answers 50 concurrent requests", async () => {
    const paths = ["/", "/_astro/app.abc123.css", "/guide/intro/", "/wasm/search.wasm"];
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(port, paths[i % paths.length] ?? "/", { "accept-encoding": i % 2 ? "br" : "gzip" }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
  });
});

describe("lanUrls", () => {
  it("lists non-internal IPv4 addresses only", () => {
    const base = { netmask: "", mac: "", cidr: null } as const;
    const urls = lanUrls(4321, "/kb/", {
      lo: [{ ...base, address: "127.0.0.1", family: "IPv4", internal: true }],
      eth0: [
        { ...base, address: "192.168.1.20", family: "IPv4", internal: false },
        { ...base, address: "fe80::1", family: "IPv6", internal: false, scopeid: 2 },
      ],
      wlan0: [{ ...base, address: "10.0.0.5", family: "IPv4", internal: false }],
    });
    expect(urls).toEqual(["http://192.168.1.20:4321/kb/", "http://10.0.0.5:4321/kb/"]);
  });
});

describe("serveSite (npm run serve)", () => {
  it("refuses with exit 1 and advice when the site is not built", async () => {
    const error = await refusalOf(() => serveSite({ root: join(tmp, "missing") }));
    expect(error.code).toBe(1);
    expect(refusalText(error, "")).toContain("npm run build");
  });

  it.each([["abc"], ["70000"]])("refuses --port %s with exit 2 and the help text", async (port) => {
    const error = await refusalOf(() => serveSite({ root, port }));
    expect(error.code).toBe(2);
    expect(error.showHelp).toBe(true);
    expect(error.message).toBe(`--port must be a number from 0 to 65535, not "${port}".`);
  });

  it("exits 1 with a clear message when the port is taken", async () => {
    const { output, stderr } = captureOutput();
    expect(await serveSite({ root, port: String(port) }, { output })).toBe(1);
    expect(stderr()).toContain(`Port ${port} is already in use`);
  });

  it("serves, prints the URL and stops when asked", async () => {
    const { output, waitFor, stdout } = captureOutput();
    const stop = new AbortController();
    const serving = serveSite({ root, port: 0, base: "/kb/" }, { output, stop: stop.signal });
    const [, url] = await waitFor(/Local:\s+(http:\/\/\S+)[\s\S]*Ctrl\+C/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\/$/);
    expect((await send(Number(new URL(url ?? "").port), "/kb/")).status).toBe(200);
    stop.abort();
    expect(await serving).toBe(0);
    expect(stdout()).toContain("--host 0.0.0.0");
    expect(stdout()).toContain("Stopping the server");
  });
});

/** The script itself, end to end: its help, a usage mistake and a real run stopped by a signal. */
describe("npm run serve (scripts/serve.ts)", () => {
  function run(args: string[]): ChildProcess & { output: Promise<[number | null, string]> } {
    const child = spawn(NODE, ["scripts/serve.ts", ...args], { cwd: REPO });
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    const output = new Promise<[number | null, string]>((done) =>
      child.on("close", (code) => done([code, text])),
    );
    return Object.assign(child, { output });
  }

  it.each([
    [["--help"], 0],
    [["--colour"], 2],
  ])("%j exits %i with the help text", async (args, status) => {
    const [code, text] = await run(args).output;
    expect(code).toBe(status);
    expect(text).toContain("Usage: npm run serve");
  });

  it("serves, prints the URL and stops cleanly on SIGTERM", async () => {
    const child = run(["--root", root, "--port", "0", "--base", "/kb/"]);
    const url = await new Promise<string>((done) => {
      let seen = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /Local:\s+(http:\/\/\S+)/.exec(seen);
        if (match?.[1] && seen.includes("Ctrl+C")) done(match[1]);
      });
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\/$/);
    const { port: cliPort } = new URL(url);
    expect((await send(Number(cliPort), "/kb/")).status).toBe(200);
    child.kill("SIGTERM");
    const [code, text] = await child.output;
    expect(code).toBe(0);
    expect(text).toContain("--host 0.0.0.0");
  });
});
