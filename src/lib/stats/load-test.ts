import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { readReport, type UsageReport } from "./report.ts";
import { DB_FILE, StatsStore } from "./store.ts";

/** Options for {@link runStatsLoad}. */
export interface StatsLoadOptions {
  /** Simultaneous clients, each on its own keep-alive connection (default 200). */
  clients?: number;
  /** How long they browse (default 30). */
  seconds?: number;
  /** Pause of each client between two steps, in milliseconds (default 100). */
  pauseMs?: number;
}

/** What a load run sent, what the server counted, and how fast it answered. */
export interface StatsLoadResult {
  clients: number;
  seconds: number;
  /** Requests of the readers, and of the flooding connection. */
  requests: number;
  flooded: number;
  requestsPerSecond: number;
  /** Latency percentiles of the readers' requests, in milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Failed requests (connection errors, unexpected statuses). */
  errors: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Counts the clients were told were accepted, and the counts in the database. */
  expected: Counts;
  counted: Counts;
  exact: boolean;
  dbBytes: number;
  /** Peak memory of the server process (VmHWM), in MB, where Linux tells it. */
  serverPeakMb: number | undefined;
  /** CPU seconds the server used (user + system, sampled every 0.5 s), where Linux tells it. */
  serverCpuSeconds: number | undefined;
}

/** The counts compared after a run. */
export interface Counts {
  views: Record<string, number>;
  handouts: Record<string, number>;
  searches: Record<string, number>;
  noResult: Record<string, number>;
  opened: Record<string, number>;
  kioskResets: number;
  invalid: number;
  limited: number;
}

const REPO = resolve(import.meta.dirname, "../../..");
const PAGES = Array.from({ length: 20 }, (_, i) => `/page-${i + 1}/`);
const QUERIES = ["培训", "职业教育法", "工会", "费用", "学徒", "夜校", "没有这个词", "xyz"];
const GARBAGE = ["{", "[]", '{"type":"search"}', '{"type":"nope"}', "x".repeat(1500)];

/** A small site: 20 pages (`/page-N/`), a print view and a PDF; the load test and the server tests use it. */
export function makeLoadSite(root: string): void {
  const page = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${"<p>职工教育与职业培训。</p>".repeat(200)}</main><footer class="site-footer"><div class="site-footer-inner"><p>示例</p></div></footer></body></html>`;
  const write = (rel: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  };
  write("index.html", page("首页"));
  write("404.html", page("404"));
  for (const path of PAGES) write(`${path.slice(1)}index.html`, page(path));
  write("print/course/index.html", page("讲义"));
  write("handouts/course.pdf", Buffer.alloc(4096, 1));
}

function emptyCounts(): Counts {
  return {
    views: {},
    handouts: {},
    searches: {},
    noResult: {},
    opened: {},
    kioskResets: 0,
    invalid: 0,
    limited: 0,
  };
}

function add(map: Record<string, number>, key: string, n = 1): void {
  map[key] = (map[key] ?? 0) + n;
}

/** Starts `npm run serve -- --stats` as a child process and waits for its port. */
async function startServer(
  root: string,
  stats: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    join(REPO, "node_modules/.bin/node"),
    [
      join(REPO, "scripts/serve.ts"),
      "--root",
      root,
      "--port",
      "0",
      "--base",
      "/",
      "--stats",
      stats,
    ],
    { cwd: REPO, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const { port } = await servePort(child);
  return { child, port };
}

interface Reply {
  status: number;
  ms: number;
}

function send(agent: Agent, port: number, path: string, body?: string): Promise<Reply> {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        agent,
        method: body === undefined ? "GET" : "POST",
        headers:
          body === undefined
            ? { "accept-encoding": "gzip" }
            : { "content-type": "text/plain;charset=UTF-8", origin: `http://127.0.0.1:${port}` },
      },
      (res) => {
        res.resume();
        res.on("end", () => done({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on("error", () => done({ status: 0, ms: performance.now() - started }));
      },
    );
    req.on("error", () => done({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/**
 * Load test of usage counting: `clients` readers on their own keep-alive connections browse a
 * small site on 127.0.0.1 for `seconds` (pages, print views, PDFs, search beacons with and
 * without results, opened results, kiosk resets, some garbage), while one more connection
 * floods beacons as fast as it can. Every answer the clients get is tallied; after the server
 * has stopped (writing what it holds), the database must hold exactly those counts.
 */
export async function runStatsLoad(options: StatsLoadOptions = {}): Promise<StatsLoadResult> {
  const clients = options.clients ?? 200;
  const seconds = options.seconds ?? 30;
  const pauseMs = options.pauseMs ?? 100;
  const tmp = mkdtempSync(join(tmpdir(), "union-kb-stats-load-"));
  const root = join(tmp, "site");
  const statsDir = join(tmp, "stats");
  makeLoadSite(root);
  const { child, port } = await startServer(root, statsDir).catch((error: unknown) => {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  });
  const expected = emptyCounts();
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let errors = 0;
  let peakKb: number | undefined;
  let cpuTicks: number | undefined;
  const deadline = performance.now() + seconds * 1000;
  const memory = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+)/.exec(status)?.[1];
      if (hwm) peakKb = Number(hwm);
      // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
      if (fields) cpuTicks = Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not Linux, or the server has gone.
    }
  }, 500);

  let flooded = 0;
  /** Tallies an answer; the readers' latencies only (a pipelined flood has no latency of its own). */
  const record = (reply: Reply, ok: number[], reader = true): boolean => {
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    if (reader) latencies.push(reply.ms);
    else flooded++;
    if (!ok.includes(reply.status)) errors++;
    return reply.status === ok[0];
  };

  const client = async (id: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let step = id;
    try {
      while (performance.now() < deadline) {
        step++;
        const page = PAGES[step % PAGES.length] as string;
        if (record(await send(agent, port, page), [200])) add(expected.views, page);
        const query = QUERIES[(step * 7 + id) % QUERIES.length] as string;
        const results = query.startsWith("没有") || query === "xyz" ? 0 : (step % 5) + 1;
        const opened = results > 0 && step % 3 === 0;
        const beacon = JSON.stringify({ type: "search", query, results, opened });
        if (record(await send(agent, port, "/__stats/event", beacon), [204])) {
          add(expected.searches, query);
          if (results === 0) add(expected.noResult, query);
          if (opened) add(expected.opened, query);
        }
        if (step % 10 === 0) {
          const path = step % 20 === 0 ? "/print/course/" : "/handouts/course.pdf";
          if (record(await send(agent, port, path), [200])) add(expected.handouts, path);
        }
        if (step % 25 === 0) {
          const reset = JSON.stringify({ type: "kiosk-reset" });
          if (record(await send(agent, port, "/__stats/event", reset), [204]))
            expected.kioskResets++;
        }
        if (step % 40 === 0) {
          const junk = GARBAGE[step % GARBAGE.length] as string;
          // Garbage must be refused (400) and counted as refused, never as a search.
          if (record(await send(agent, port, "/__stats/event", junk), [400])) expected.invalid++;
        }
        await new Promise((done) => setTimeout(done, pauseMs));
      }
    } finally {
      agent.destroy();
    }
  };

  // One connection sends beacons as fast as it can, 50 pipelined at a time: most must be
  // refused (429), none lost, and the counted ones counted exactly.
  const flooder = async () => {
    const beacon = JSON.stringify({ type: "search", query: "flood", results: 1, opened: false });
    const request = `POST /__stats/event HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(beacon)}\r\n\r\n${beacon}`;
    const socket = connect(port, "127.0.0.1");
    let buffered = "";
    let waiting: (() => void) | undefined;
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("latin1");
      waiting?.();
    });
    socket.on("error", () => waiting?.());
    socket.on("close", () => waiting?.());
    try {
      while (performance.now() < deadline && !socket.destroyed) {
        socket.write(request.repeat(50));
        const statuses = await new Promise<number[]>((done) => {
          waiting = () => {
            const found = [...buffered.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
            if (found.length >= 50 || socket.destroyed) {
              buffered = "";
              done(found);
            }
          };
        });
        for (const status of statuses) {
          if (record({ status, ms: 0 }, [204, 429], false)) add(expected.searches, "flood");
          else if (status === 429) expected.limited++;
        }
        if (statuses.length < 50) errors += 50 - statuses.length;
      }
    } finally {
      socket.destroy();
    }
  };

  const started = performance.now();
  try {
    await Promise.all([...Array.from({ length: clients }, (_, i) => client(i)), flooder()]);
  } finally {
    clearInterval(memory);
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
  const elapsed = (performance.now() - started) / 1000;
  const store = StatsStore.open(statsDir, { write: false });
  let report: UsageReport;
  const counted = emptyCounts();
  try {
    report = readReport(store);
    for (const row of store.db
      .prepare("SELECT path, sum(views) v FROM page_views GROUP BY path")
      .all())
      add(counted.views, String(row.path), Number(row.v));
    for (const row of store.db
      .prepare("SELECT path, sum(downloads) d FROM handouts GROUP BY path")
      .all())
      add(counted.handouts, String(row.path), Number(row.d));
    for (const row of store.db
      .prepare(
        "SELECT query, sum(searches) s, sum(no_result) n, sum(opened) o FROM searches GROUP BY query",
      )
      .all()) {
      const query = String(row.query);
      add(counted.searches, query, Number(row.s));
      if (Number(row.n)) add(counted.noResult, query, Number(row.n));
      if (Number(row.o)) add(counted.opened, query, Number(row.o));
    }
    counted.kioskResets = report.total.kioskResets;
    counted.invalid = report.refused.invalid;
    counted.limited = report.refused.limited;
  } finally {
    store.db.close();
  }
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 10) / 10;
  const result: StatsLoadResult = {
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests: latencies.length,
    flooded,
    requestsPerSecond: Math.round((latencies.length + flooded) / elapsed),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    errors,
    statuses,
    expected,
    counted,
    exact: JSON.stringify(sortKeys(expected)) === JSON.stringify(sortKeys(counted)),
    dbBytes: statSync(join(statsDir, DB_FILE)).size,
    serverPeakMb: peakKb === undefined ? undefined : Math.round(peakKb / 1024),
    serverCpuSeconds: cpuTicks === undefined ? undefined : cpuTicks / 100,
  };
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

function sortKeys(counts: Counts): unknown {
  const sorted = (map: Record<string, number>) =>
    Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    ...counts,
    views: sorted(counts.views),
    handouts: sorted(counts.handouts),
    searches: sorted(counts.searches),
    noResult: sorted(counts.noResult),
    opened: sorted(counts.opened),
  };
}

/** The figures of a run, for the terminal and docs/operating.md. */
export function formatLoadResult(result: StatsLoadResult): string {
  const total = (map: Record<string, number>) => Object.values(map).reduce((a, b) => a + b, 0);
  const { expected, counted } = result;
  return [
    `${result.clients} clients + 1 flooding connection for ${result.seconds} s on 127.0.0.1`,
    `  requests: ${result.requests} from the readers + ${result.flooded} flooded = ${result.requestsPerSecond}/s; readers' latency p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms`,
    `  answers: ${Object.entries(result.statuses)
      .map(([status, n]) => `${status}×${n}`)
      .join(", ")}; unexpected: ${result.errors}`,
    `  counted / sent: page views ${total(counted.views)}/${total(expected.views)}, searches ${total(counted.searches)}/${total(expected.searches)}, no result ${total(counted.noResult)}/${total(expected.noResult)}, opened ${total(counted.opened)}/${total(expected.opened)}, handouts ${total(counted.handouts)}/${total(expected.handouts)}, kiosk ${counted.kioskResets}/${expected.kioskResets}, refused malformed ${counted.invalid}/${expected.invalid}, refused over the limit ${counted.limited}/${expected.limited}`,
    `  counts exact: ${result.exact ? "yes" : "NO"}; database ${Math.round(result.dbBytes / 1024)} KB; server peak memory ${result.serverPeakMb ?? "?"} MB`,
    result.serverCpuSeconds === undefined
      ? "  server CPU: not measured here"
      : `  server CPU: ${result.serverCpuSeconds} s for ${result.requests + result.flooded} requests (${Math.round((result.serverCpuSeconds * 1e6) / Math.max(1, result.requests + result.flooded))} µs each)`,
  ].join("\n");
}

/**
 * `npm run stats-load`: runs {@link runStatsLoad} and prints the figures. Exit code 0 when
 * every count is exact and no answer was unexpected, 1 otherwise.
 * @throws CliError 2 for a bad --clients or --seconds.
 */
export async function runStatsLoadCli(
  values: { clients?: string | undefined; seconds?: string | undefined },
  output: CliOutput = console,
): Promise<number> {
  const number = (name: "clients" | "seconds", fallback: number, max: number) => {
    const given = values[name];
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new CliError(2, `--${name} must be a whole number from 1 to ${max}, not "${given}".`);
    return n;
  };
  const clients = number("clients", 200, 2000);
  const seconds = number("seconds", 30, 3600);
  output.error(`Load test: ${clients} clients for ${seconds} s…`);
  const result = await runStatsLoad({ clients, seconds });
  output.log(formatLoadResult(result));
  return result.exact && result.errors === 0 ? 0 : 1;
}

/**
 * The port `npm run serve -- --port 0` picked, read from its banner; the
 * server is killed when it has not started within a minute.
 */
export function servePort(child: ChildProcess): Promise<{ port: number; output: () => string }> {
  let output = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`the server did not start:\n${output}`));
    }, 60_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match?.[1] && output.includes("Ctrl+C")) {
        clearTimeout(timer);
        done({ port: Number(match[1]), output: () => output });
      }
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.on("exit", (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });
}
