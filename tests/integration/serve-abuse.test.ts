/**
 * Server-abuse suite: hostile and broken requests against the two servers a union actually
 * runs — `npm run serve` (scripts/serve.ts) and the offline copy's `serve.mjs` — each started
 * as a child process on a random port. A child, not an in-process server, so that a request
 * that kills the process shows up as a failed case instead of taking Vitest down with it.
 *
 * Run as root (as here and in CI) the servers run as `nobody`, so a root-only file is really
 * unreadable for them, as for a systemd `User=` service; otherwise the file is `chmod 000`.
 * Files named `vanish-*` are deleted by a preloaded hook at the moment the server opens them
 * (tests/helpers/vanish-on-open.mjs): a file removed between lookup and open.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reply, send } from "../helpers/http.ts";

const REPO = resolve(import.meta.dirname, "../..");
const NODE = join(REPO, "node_modules/.bin/node");
const VANISH_HOOK = join(REPO, "tests/helpers/vanish-on-open.mjs");
const SECRET = "TOP-SECRET-OUTSIDE-ROOT";
const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;
const DATA = Buffer.from(Array.from({ length: 100 }, (_, i) => i));

/**
 * Bytes written straight to the socket, for requests Node's client refuses to send. The
 * requests ask the server to close the connection after its answer, which ends the reply.
 */
function sendRaw(port: number, bytes: Buffer | string): Promise<Reply> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy());
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", fail);
    socket.on("close", () => {
      const text = Buffer.concat(chunks);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text.toString("latin1"))?.[1] ?? 0);
      done({ status, headers: {}, body: text });
    });
  });
}

function write(root: string, rel: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** A small built site with every kind of file a hostile request could aim at. */
function makeSite(root: string, release: string): void {
  write(root, "index.html", `<!doctype html><h1>${release}</h1>${"<p>职工教育</p>".repeat(120)}`);
  write(root, "404.html", "<!doctype html><h1>Page not found</h1>");
  write(root, "guide/index.html", "<!doctype html><h1>Guide</h1>");
  write(root, "_astro/app.abc123.css", "body{color:#111}");
  write(root, "data.bin", DATA);
  write(root, ".env", SECRET);
  write(root, ".git/config", SECRET);
  write(root, "guide/.hidden.html", SECRET);
  write(root, ".well-known/security.txt", "Contact: mailto:it@union.example");
  write(root, "locked.html", SECRET);
  chmodSync(join(root, "locked.html"), AS_ROOT ? 0o600 : 0o000);
  mkdirSync(join(root, "locked-dir"));
  write(root, "locked-dir/index.html", SECRET);
  chmodSync(join(root, "locked-dir"), AS_ROOT ? 0o700 : 0o000);
  // The server's user must be able to delete the vanishing files (the hook runs as that user).
  mkdirSync(join(root, "vanishing"));
  chmodSync(join(root, "vanishing"), 0o777);
  symlinkSync(join(root, "../../secret.html"), join(root, "link-out.html"));
  symlinkSync(join(root, "../.."), join(root, "linkdir"));
  symlinkSync(join(root, ".env"), join(root, "dot-alias.txt"));
}

/** Gives the test's own user its access back (only needed when not running as root). */
function unlock(root: string): void {
  chmodSync(join(root, "locked-dir"), 0o700);
}

/** (Re)creates the vanishing file the next request will see disappear. */
function armVanish(root: string): void {
  writeFileSync(join(root, "vanishing/vanish-page.html"), "<!doctype html><p>soon gone</p>");
}

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** Starts a server child and waits for the URL it prints. */
async function startChild(args: string[], cwd: string): Promise<Running> {
  const child = spawn(NODE, ["--import", VANISH_HOOK, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
    ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 15_000);
    const look = (): void => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match?.[1] && /Ctrl\+C/.test(output)) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    };
    child.stdout?.on("data", look);
    child.on("exit", (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, port, output: () => output };
}

let tmp: string;
let etag = "";
let lastModified = "";
const servers: Record<"serve" | "offline", Running | undefined> = {
  serve: undefined,
  offline: undefined,
};

function running(name: keyof typeof servers): Running {
  const server = servers[name];
  if (!server) throw new Error(`${name} did not start`);
  return server;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "union-kb-abuse-"));
  chmodSync(tmp, 0o755);
  write(tmp, "secret.html", SECRET);
  // npm run serve --root current, with current -> releases/v1 (the documented symlink switch).
  makeSite(join(tmp, "releases/v1"), "release one");
  symlinkSync(join(tmp, "releases/v1"), join(tmp, "current"));
  // The offline copy: serve.mjs next to its site/ folder, as the zip unpacks.
  mkdirSync(join(tmp, "offline"));
  copyFileSync(join(REPO, "src/lib/offline/bundle/serve.mjs"), join(tmp, "offline/serve.mjs"));
  makeSite(join(tmp, "offline/site"), "offline copy");
  armVanish(join(tmp, "releases/v1"));
  armVanish(join(tmp, "offline/site"));
  [servers.serve, servers.offline] = await Promise.all([
    startChild(
      [
        join(REPO, "scripts/serve.ts"),
        "--root",
        join(tmp, "current"),
        "--port",
        "0",
        "--base",
        "/",
      ],
      REPO,
    ),
    startChild([join(tmp, "offline/serve.mjs"), "--port", "0"], tmp),
  ]);
  const first = await send(running("serve").port, "/data.bin");
  etag = String(first.headers.etag);
  lastModified = String(first.headers["last-modified"]);
});

afterAll(() => {
  for (const server of Object.values(servers)) server?.child.kill();
  if (!tmp) return;
  for (const root of ["releases/v1", "releases/v2", "offline/site"]) {
    if (existsSync(join(tmp, root))) unlock(join(tmp, root));
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** One abuse case: the request, the statuses allowed, and what must never be in the reply. */
interface Case {
  name: string;
  path?: string;
  /** Raw request bytes instead of `path` (for requests Node's client refuses). */
  raw?: string | Buffer;
  method?: string;
  headers?: () => Record<string, string>;
  status: number | readonly number[];
  /** Extra checks on the reply. */
  check?: (reply: Reply) => void;
  /** Re-create the file the vanish hook deletes on open before sending. */
  vanish?: true;
}

const REFUSED = [400, 404] as const;
/** A redirect that keeps the visitor on this server: never `//host` or `/\host`. */
const safeLocation = (reply: Reply): void => {
  const location = reply.headers.location;
  if (location !== undefined) expect(location).not.toMatch(/^\s*[/\\]{2}/);
};
const noSecret = (reply: Reply): void => {
  expect(reply.body.toString("latin1")).not.toContain(SECRET);
};

const TRAVERSAL: Case[] = [
  "/../secret.html",
  "/%2e%2e/secret.html",
  "/%2E%2e/secret.html",
  "/..%2fsecret.html",
  "/%2e%2e%2fsecret.html",
  "/%252e%252e%252fsecret.html",
  "/..%252fsecret.html",
  "/..\\secret.html",
  "/%5c..%5csecret.html",
  "/guide/..%5c..%5c..%5csecret.html",
  "/secret.html%00.html",
  "/%00",
  "/%c0%ae%c0%ae/secret.html",
  "/%e0%80%ae%e0%80%ae/secret.html",
  "/%c0%af../secret.html",
  "/..;/secret.html",
  "/guide/..;/..;/secret.html",
  "/guide/../../secret.html",
  "/./index.html",
  "/....//secret.html",
  "/%u002e%u002e/secret.html",
  "/link-out.html",
  "/linkdir/secret.html",
  "/linkdir/current/.env",
].map((path) => ({ name: `traversal ${path}`, path, status: REFUSED, check: noSecret }));

const RAW_TRAVERSAL: Case[] = [
  {
    name: "raw NUL in the path",
    raw: "GET /secret.html\0.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  },
  {
    name: "raw overlong UTF-8 bytes",
    raw: Buffer.concat([
      Buffer.from("GET /"),
      Buffer.from([0xc0, 0xae, 0xc0, 0xae]),
      Buffer.from("/secret.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ]),
  },
  {
    name: "absolute-form target",
    raw: "GET http://x/../secret.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  },
  { name: "asterisk target", raw: "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" },
].map((item) => ({ ...item, status: REFUSED, check: noSecret }));

const REDIRECTS: Case[] = [
  { name: "//guide stays on this server", path: "//guide" },
  { name: "///guide stays on this server", path: "///guide" },
  { name: "//x//guide stays on this server", path: "//x//guide" },
  { name: "/\\guide is refused", path: "/\\guide" },
  { name: "/%5cguide is refused", path: "/%5cguide" },
  { name: "/%2f/guide is refused", path: "/%2f/guide" },
].map((item) => ({ ...item, status: [301, 302, 400, 404], check: safeLocation }));

const DOTFILES: Case[] = [
  "/.env",
  "/.git/config",
  "/guide/.hidden.html",
  "/%2eenv",
  "/%2Egit/config",
  "/dot-alias.txt",
].map((path) => ({ name: `dotfile ${path}`, path, status: 404, check: noSecret }));

const METHODS: Case[] = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"].map(
  (method) => ({
    name: `${method} is not allowed`,
    path: "/",
    method,
    status: 405,
    check: (reply: Reply) => expect(reply.headers.allow).toBe("GET, HEAD"),
  }),
);

const ODD_HEADERS: Case[] = [
  { name: "a 20 KB header", headers: () => ({ "x-big": "a".repeat(20_000) }), status: 431 },
  {
    name: "200 small headers",
    headers: () => Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, "1"])),
    status: 200,
  },
  { name: "latin-1 bytes in a header", headers: () => ({ "x-odd": "\xff\xfe" }), status: 200 },
  {
    name: "a 4 KB Accept-Encoding",
    headers: () => ({ "accept-encoding": "x;q=0.1, ".repeat(400) }),
    status: 200,
  },
  {
    name: "nonsense q-values",
    headers: () => ({ "accept-encoding": "br;q=abc, gzip;q=-1" }),
    status: 200,
  },
].map((item) => ({ ...item, path: "/" }));

const RAW_HEADERS: Case[] = [
  { name: "HTTP/1.0 without Host", raw: "GET / HTTP/1.0\r\n\r\n", status: 200 },
  {
    name: "a header line with no colon",
    raw: "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nnonsense\r\n\r\n",
    status: 400,
  },
  {
    name: "a bare LF request",
    raw: "GET / HTTP/1.1\nHost: x\nConnection: close\n\n",
    status: [200, 400],
  },
];

const LONG_URLS: Case[] = [
  { name: "an 8,000-character path", path: `/${"a".repeat(8000)}`, status: [404, 414] },
  { name: "a 20,000-character path", path: `/${"a".repeat(20_000)}`, status: [414, 431] },
  { name: "2,000 path segments", path: "/a".repeat(2000), status: [404, 414] },
  { name: "a 5,000-character query", path: `/?q=${"x".repeat(5000)}`, status: 200 },
];

const FILE_ERRORS: Case[] = [
  { name: "a file the server may not read", path: "/locked.html", status: 500, check: noSecret },
  {
    name: "HEAD of a file the server may not read",
    path: "/locked.html",
    method: "HEAD",
    status: 500,
  },
  { name: "a folder the server may not enter", path: "/locked-dir/", status: 404, check: noSecret },
  {
    name: "a file removed between lookup and open",
    path: "/vanishing/vanish-page.html",
    status: 404,
    vanish: true,
  },
];

const SHARED: Case[] = [
  ...TRAVERSAL,
  ...RAW_TRAVERSAL,
  ...REDIRECTS,
  ...DOTFILES,
  ...METHODS,
  ...ODD_HEADERS,
  ...RAW_HEADERS,
  ...LONG_URLS,
  ...FILE_ERRORS,
  { name: "the one allowed dot folder", path: "/.well-known/security.txt", status: 200 },
  { name: "HEAD of a missing page", path: "/missing/", method: "HEAD", status: 404 },
];

const RANGE = (range: string) => () => ({ range });
/** Byte ranges, conditional requests and HEAD: npm run serve only (serve.mjs is minimal). */
const SERVE_ONLY: Case[] = [
  { name: "multiple ranges get the whole file", headers: RANGE("bytes=0-1,5-6"), status: 200 },
  { name: "a reversed range is ignored", headers: RANGE("bytes=5-2"), status: 200 },
  { name: "a range beyond the size", headers: RANGE("bytes=1000-"), status: 416 },
  { name: "bytes=-0", headers: RANGE("bytes=-0"), status: 416 },
  { name: "a suffix longer than the file", headers: RANGE("bytes=-1000"), status: 206 },
  { name: "a garbage range", headers: RANGE("bytes=abc"), status: 200 },
  { name: "another unit", headers: RANGE("items=0-1"), status: 200 },
  { name: "a 20-digit end", headers: RANGE("bytes=0-99999999999999999999"), status: 206 },
  { name: "a 20-digit start", headers: RANGE("bytes=99999999999999999999-"), status: 416 },
  { name: "HEAD with a range", headers: RANGE("bytes=0-9"), method: "HEAD", status: 206 },
  { name: "If-None-Match: the ETag", headers: () => ({ "if-none-match": etag }), status: 304 },
  {
    name: "If-None-Match: a list holding the ETag",
    headers: () => ({ "if-none-match": `"other", ${etag}` }),
    status: 304,
  },
  { name: "If-None-Match: *", headers: () => ({ "if-none-match": "*" }), status: 304 },
  {
    name: "If-None-Match: another tag",
    headers: () => ({ "if-none-match": '"other"' }),
    status: 200,
  },
  {
    name: "If-Modified-Since: Last-Modified",
    headers: () => ({ "if-modified-since": lastModified }),
    status: 304,
  },
  {
    name: "If-Modified-Since: long ago",
    headers: () => ({ "if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT" }),
    status: 200,
  },
  {
    name: "If-Modified-Since: garbage",
    headers: () => ({ "if-modified-since": "soon" }),
    status: 200,
  },
  {
    name: "If-None-Match wins over If-Modified-Since",
    headers: () => ({ "if-none-match": '"other"', "if-modified-since": lastModified }),
    status: 200,
  },
  {
    name: "If-Range with a weak ETag sends the whole file",
    headers: () => ({ range: "bytes=0-9", "if-range": etag }),
    status: 200,
    check: (reply: Reply) => expect(reply.body.equals(DATA)).toBe(true),
  },
  {
    name: "If-Range with the Last-Modified date sends the part",
    headers: () => ({ range: "bytes=0-9", "if-range": lastModified }),
    status: 206,
    check: (reply: Reply) => expect(reply.body.equals(DATA.subarray(0, 10))).toBe(true),
  },
  {
    name: "If-Range with an older date sends the whole file",
    headers: () => ({ range: "bytes=0-9", "if-range": "Mon, 01 Jan 2001 00:00:00 GMT" }),
    status: 200,
  },
  {
    name: "a current copy with a Range is not modified",
    headers: () => ({ range: "bytes=0-9", "if-none-match": etag }),
    status: 304,
  },
].map((item) => ({ path: "/data.bin", ...item }));

async function run(name: keyof typeof servers, item: Case): Promise<Reply> {
  const { port } = running(name);
  if (item.vanish) armVanish(join(tmp, name === "serve" ? "current" : "offline/site"));
  return item.raw !== undefined
    ? sendRaw(port, item.raw)
    : send(port, item.path ?? "/", item.headers?.() ?? {}, item.method);
}

function expectCase(name: keyof typeof servers, item: Case, reply: Reply): void {
  const allowed = typeof item.status === "number" ? [item.status] : item.status;
  expect(allowed, `status ${reply.status}`).toContain(reply.status);
  item.check?.(reply);
  const { child } = running(name);
  expect(child.exitCode, running(name).output()).toBeNull();
}

describe("npm run serve under abuse", () => {
  it.each([...SHARED, ...SERVE_ONLY].map((item) => [item.name, item] as const))(
    "%s",
    async (_, item) => {
      expectCase("serve", item, await run("serve", item));
    },
  );

  it("logs one line for the unreadable file and the vanished one", () => {
    const log = running("serve").output();
    expect(log).toMatch(/locked\.html.*EACCES/);
    expect(log).toMatch(/vanish-page\.html.*ENOENT/);
  });

  it("HEAD and GET of a page agree on the headers, HEAD has no body", async () => {
    const { port } = running("serve");
    const get = await send(port, "/data.bin");
    const head = await send(port, "/data.bin", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(get.headers["content-length"]);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it("redirects //guide to /guide/, not to a host called guide", async () => {
    const reply = await send(running("serve").port, "//guide?x=1");
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/guide/?x=1");
  });

  it("stays up while files vanish under 200 concurrent requests", async () => {
    const { port } = running("serve");
    const file = join(tmp, "current/vanishing/race.html");
    let racing = true;
    const churn = (async () => {
      while (racing) {
        writeFileSync(file, "<!doctype html><p>race</p>");
        await new Promise((done) => setImmediate(done));
        rmSync(file, { force: true });
        await new Promise((done) => setImmediate(done));
      }
    })();
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => send(port, "/vanishing/race.html")),
    ).finally(() => {
      racing = false;
    });
    await churn;
    for (const reply of replies) expect([200, 404]).toContain(reply.status);
  });

  it("follows an atomic symlink switch, and keeps serving once the old folder is deleted", async () => {
    const { port } = running("serve");
    makeSite(join(tmp, "releases/v2"), "release two");
    symlinkSync(join(tmp, "releases/v2"), join(tmp, "current.new"));
    renameSync(join(tmp, "current.new"), join(tmp, "current"));
    expect((await send(port, "/")).body.toString()).toContain("release two");
    unlock(join(tmp, "releases/v1"));
    rmSync(join(tmp, "releases/v1"), { recursive: true, force: true });
    const home = await send(port, "/");
    expect(home.status).toBe(200);
    expect(home.body.toString()).toContain("release two");
    expect((await send(port, "/guide/")).status).toBe(200);
    expect((await send(port, "/no-such-page/")).body.toString()).toContain("Page not found");
    expect(statSync(join(tmp, "current")).isDirectory()).toBe(true);
  });

  it("still answers 200 for / after all of it", async () => {
    expect((await send(running("serve").port, "/")).status).toBe(200);
  });
});

describe("the offline copy's serve.mjs under abuse", () => {
  it.each(SHARED.map((item) => [item.name, item] as const))("%s", async (_, item) => {
    expectCase("offline", item, await run("offline", item));
  });

  it("logs one line for the unreadable file and the vanished one", () => {
    const log = running("offline").output();
    expect(log).toMatch(/locked\.html.*EACCES/);
    expect(log).toMatch(/vanish-page\.html.*ENOENT/);
  });

  it("still answers 200 for / after all of it", async () => {
    expect((await send(running("offline").port, "/")).status).toBe(200);
  });
});
