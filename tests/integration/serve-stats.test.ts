/**
 * `npm run serve -- --stats` as a child process on a small generated site (makeLoadSite):
 * what it adds to pages, the beacons it accepts and refuses, the rate limit, the password of
 * /stats/, `npm run stats` on what it counted, and the load test (200 clients for 5 s here;
 * `npm run stats-load` runs the full 30 s). The same server without --stats adds nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type Agent, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BEACON_BURST } from "../../src/lib/serve/stats-routes.ts";
import {
  formatLoadResult,
  makeLoadSite,
  runStatsLoad,
  servePort,
} from "../../src/lib/stats/load-test.ts";
import { ROOT, runScript } from "../helpers/fixtures.ts";
import { type Reply, send } from "../helpers/http.ts";

const NODE = join(ROOT, "node_modules/.bin/node");
const PASSWORD = "palace-secret-2026";

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startServer(args: string[], content: string): Promise<Running> {
  const child = spawn(
    NODE,
    [join(ROOT, "scripts/serve.ts"), "--port", "0", "--base", "/", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", UNION_KB_CONTENT: content },
    },
  );
  // Killed in afterAll even when the other server fails to start.
  children.push(child);
  const { port, output } = await servePort(child);
  return { child, port, output };
}

/** A POST with a body (or raw options), on its own connection unless an agent is given. */
function post(
  port: number,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: "POST", headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

const children: ChildProcess[] = [];
/**
 * Writes `count` copies of a raw request at once on one connection (HTTP pipelining, so they
 * arrive faster than any rate limit refills) and gives the status of each answer.
 */
function pipelined(port: number, raw: string, count: number): Promise<number[]> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(raw.repeat(count)));
    let text = "";
    const statuses = () => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    socket.setTimeout(30_000, () => socket.destroy(new Error(`timeout after:\n${text}`)));
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (statuses().length >= count) {
        socket.destroy();
        done(statuses());
      }
    });
    socket.on("error", fail);
  });
}

let tmp: string;
let site: string;
let statsDir: string;
let content: string;
let counting: Running;
let plain: Running;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "union-kb-serve-stats-"));
  site = join(tmp, "site");
  statsDir = join(tmp, "stats");
  content = join(tmp, "content");
  makeLoadSite(site);
  mkdirSync(content);
  writeFileSync(join(content, "site.yaml"), `base: /\nstats:\n  password: "${PASSWORD}"\n`);
  [counting, plain] = await Promise.all([
    startServer(["--root", site, "--stats", statsDir], content),
    startServer(["--root", site], content),
  ]);
});

afterAll(() => {
  for (const child of children) child.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const beacon = (event: object) => JSON.stringify(event);

describe("npm run serve -- --stats", () => {
  it("prints where it counts and where the report is", () => {
    expect(counting.output()).toContain(join(statsDir, "union-kb-stats.sqlite"));
    expect(counting.output()).toMatch(/Report: http:\/\/127\.0\.0\.1:\d+\/stats\/ \(password/);
  });

  it("adds the beacon script and the privacy note to pages, with its own ETag", async () => {
    const page = await send(counting.port, "/page-1/");
    const html = page.body.toString();
    expect(html).toContain('<script defer src="/__stats/beacon.js"></script></body>');
    expect(html).toMatch(
      /<p data-stats-note>本站服务器统计.*不记录 IP 地址.*<\/p><\/div><\/footer>/,
    );
    const same = await send(counting.port, "/page-1/", {
      "if-none-match": String(page.headers.etag),
    });
    expect(same.status).toBe(304);
    const original = await send(plain.port, "/page-1/");
    expect(page.headers.etag).not.toBe(original.headers.etag);
    const script = await send(counting.port, "/__stats/beacon.js");
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.body.toString()).toContain("navigator.sendBeacon");
  });

  it("without --stats adds nothing and has no stats routes", async () => {
    const html = (await send(plain.port, "/page-1/")).body.toString();
    expect(html).not.toMatch(/__stats|data-stats-note/);
    expect((await send(plain.port, "/__stats/beacon.js")).status).toBe(404);
    expect((await send(plain.port, "/stats/")).status).toBe(404);
    const refused = await post(plain.port, "/__stats/event", beacon({ type: "kiosk-reset" }));
    expect(refused.status).toBe(405);
  });

  it.each([
    ["garbage", "not json at all", {}, 400],
    ["an unknown event", beacon({ type: "purchase", amount: 3 }), {}, 400],
    ["a search without a count", beacon({ type: "search", query: "x" }), {}, 400],
    ["broken UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), {}, 400],
    ["a body over 2 KB", "x".repeat(5000), {}, 413],
    ["a 1 MB body", Buffer.alloc(1024 * 1024, 0x61), {}, 413],
    [
      "a beacon from another site",
      beacon({ type: "kiosk-reset" }),
      { origin: "http://evil.example" },
      403,
    ],
    ["a malformed Origin", beacon({ type: "kiosk-reset" }), { origin: "::::" }, 403],
  ])("refuses %s", async (_, body, headers, status) => {
    const reply = await post(counting.port, "/__stats/event", body, headers);
    expect(reply.status).toBe(status);
    expect(counting.child.exitCode).toBeNull();
  });

  it("refuses a chunked body of unknown length, GET on the endpoint and POST elsewhere", async () => {
    const chunked = await post(counting.port, "/__stats/event", "{}", {
      "transfer-encoding": "chunked",
    });
    expect(chunked.status).toBe(411);
    const get = await send(counting.port, "/__stats/event");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
    const elsewhere = await post(counting.port, "/page-1/", "{}");
    expect(elsewhere.status).toBe(405);
    expect(elsewhere.headers.allow).toBe("GET, HEAD");
    expect((await post(counting.port, "/stats/", "{}")).status).toBe(405);
  });

  it("cuts a huge search text to 100 characters", async () => {
    const query = `长${"很".repeat(600)}`;
    const reply = await post(
      counting.port,
      "/__stats/event",
      beacon({ type: "search", query, results: 0 }),
    );
    expect(reply.status).toBe(204);
  });

  it(`accepts ${BEACON_BURST} beacons at once on one connection, then answers 429`, async () => {
    const body = beacon({ type: "quiz-complete" });
    const statuses = await pipelined(
      counting.port,
      `POST /__stats/event HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      BEACON_BURST + 20,
    );
    const accepted = statuses.filter((s) => s === 204).length;
    expect(accepted).toBeGreaterThanOrEqual(BEACON_BURST);
    // The bucket refills at 10 a second while the batch is answered (a few milliseconds).
    expect(accepted).toBeLessThan(BEACON_BURST + 10);
    expect(statuses.filter((s) => s === 429).length).toBe(BEACON_BURST + 20 - accepted);
    counts.quizzes = accepted;
    counts.limited = BEACON_BURST + 20 - accepted;
  });

  it("asks for the password of site.yaml before showing /stats/", async () => {
    const none = await send(counting.port, "/stats/");
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Basic realm=/);
    const auth = (password: string) => ({
      authorization: `Basic ${Buffer.from(`anyone:${password}`).toString("base64")}`,
    });
    expect((await send(counting.port, "/stats/", auth("wrong"))).status).toBe(401);
    // Guessing on one connection runs into the same limit as the beacons.
    const guess = `GET /stats/ HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth("guess").authorization}\r\n\r\n`;
    const guesses = await pipelined(counting.port, guess, BEACON_BURST + 20);
    expect(guesses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(guesses.every((status) => status === 401 || status === 429)).toBe(true);
    const page = await send(counting.port, "/stats/?from=2000-01-01", auth(PASSWORD));
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(
      /default-src 'none'; style-src 'sha256-/,
    );
    expect(page.body.toString()).toContain("<svg");
    expect((await send(counting.port, "/stats/?from=2026-02-30", auth(PASSWORD))).status).toBe(400);
    const csv = await send(counting.port, "/stats/usage.csv", auth(PASSWORD));
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.body.toString()).toContain("period,kind,item,count");
  });

  it("counts exactly what it accepted; npm run stats prints it and writes the CSV", async () => {
    for (const path of [
      "/page-2/",
      "/page-2/",
      "/page-3/",
      "/print/course/",
      "/handouts/course.pdf",
    ])
      expect((await send(counting.port, path)).status).toBe(200);
    await send(counting.port, "/page-2/", {}, "HEAD");
    await send(counting.port, "/handouts/course.pdf", { range: "bytes=100-200" });
    await send(counting.port, "/no-such-page/");
    for (const event of [
      { type: "search", query: "培训", results: 4, opened: true },
      { type: "search", query: "培训", results: 4 },
      { type: "open", query: "培训" },
      { type: "search", query: "ＸＹＺ 没有", results: 0 },
      { type: "kiosk-reset" },
    ])
      expect((await post(counting.port, "/__stats/event", beacon(event))).status).toBe(204);
    // Readable while the server runs: the counts are written within a second.
    await new Promise((done) => setTimeout(done, 1500));
    const live = runScript("stats.ts", ["--stats", statsDir]);
    expect(live.status).toBe(0);
    expect(live.stdout).toMatch(/ {6}2 {2}\/page-2\//);
    // SIGTERM: the server writes what it holds and closes the database.
    const exited = new Promise((done) => counting.child.once("exit", done));
    counting.child.kill("SIGTERM");
    await exited;

    const csvFile = join(tmp, "month.csv");
    const result = runScript("stats.ts", ["--stats", statsDir, "--csv", csvFile]);
    expect(result.stderr).toContain(`Wrote ${csvFile}`);
    expect(result.status).toBe(0);
    const report = result.stdout;
    // page-1 twice in the ETag test (200 and 304), page-2 twice, page-3 once.
    expect(report).toMatch(/ {6}2 {2}\/page-1\//);
    expect(report).toMatch(/ {6}2 {2}\/page-2\//);
    expect(report).toMatch(/Top searches\n.*\n {9}2 {8}4 {7}2 {2}培训\n/);
    expect(report).toMatch(/Top searches with no result\n.*\n {9}1 {2}xyz 没有\n {9}1 {2}长很很/);
    expect(report).toContain(
      // 4 × 400, 2 × 413 and the 411 above; the 403s are not counted.
      `Refused reports: 7 malformed, ${counts.limited} over the rate limit.`,
    );
    const csv = readFileSync(csvFile, "utf8");
    expect(csv).toMatch(/,handout,\/print\/course\/,1\r\n/);
    expect(csv).toMatch(/,handout,\/handouts\/course\.pdf,1\r\n/);
    expect(csv).toMatch(/,kiosk_reset,,1\r\n/);
    expect(csv).toMatch(new RegExp(`,quiz_complete,,${counts.quizzes}\\r\\n`));
    expect(csv).not.toContain("no-such-page");
    const long = /,search_no_result,(长很+),1/.exec(csv)?.[1] ?? "";
    expect(Array.from(long).length).toBe(100);
  });

  it("npm run stats refuses bad input with exit 2 and a folder without a database with 1", () => {
    const usage = runScript("stats.ts", ["--stats", statsDir, "--from", "2026-13-01"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--from must be a day like 2026-03-01, not "2026-13-01".');
    expect(runScript("stats.ts", []).status).toBe(2);
    const missing = runScript("stats.ts", ["--stats", join(tmp, "nowhere")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No usage database");
    expect(existsSync(join(tmp, "nowhere"))).toBe(false);
  });
});

const counts = { quizzes: 0, limited: 0 };

describe("load", () => {
  it("200 clients for 5 s and a flooding connection: every count exact", async () => {
    const result = await runStatsLoad({ clients: 200, seconds: 5 });
    console.log(formatLoadResult(result));
    expect(result.errors).toBe(0);
    expect(result.counted).toEqual(result.expected);
    // The flood is pipelined 50 at a time, past the burst of 30: some are always refused.
    expect(result.expected.limited).toBeGreaterThan(0);
    // Every reader got through at least one page and one beacon, however busy the machine.
    expect(result.requests).toBeGreaterThanOrEqual(400);
  }, 150_000);
});
