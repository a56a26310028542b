import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One run of `node scripts/build.ts` and what it printed. */
export interface BuildRun {
  ok: boolean;
  exitCode: number;
  /** When the build was started (ms since epoch), to compare with file times. */
  startedAt: number;
  /** Wall-clock seconds of the whole command (check + Astro + Pagefind + swap). */
  totalSeconds: number;
  /** Astro's own "N page(s) built in Xs", or the sum of its phase timings. */
  renderSeconds: number | undefined;
  pagefindSeconds: number | undefined;
  pagefindPages: number | undefined;
  /** Peak resident memory of the largest single process (Astro, Pagefind…), in bytes. */
  peakRssBytes: number | undefined;
  /** Peak of the memory of all build processes at the same moment (sampled every 100 ms). */
  peakTreeRssBytes: number | undefined;
  /** Peak memory (VmHWM) of each kind of build process; Pagefind's is its largest run. */
  peakRssByProcess: ProcessPeaks;
  log: string;
}

/** The processes of a build: build.ts, Astro's child process, Pagefind's binary (one per index part). */
export type BuildProcess = "build" | "astro" | "pagefind";
export type ProcessPeaks = Partial<Record<BuildProcess, number>>;

/**
 * Which build process a command line belongs to (undefined for /usr/bin/time
 * and others): Union KB's Astro child process or, in the plain-Astro baseline,
 * Astro's own CLI.
 */
export function processOf(cmdline: string): BuildProcess | undefined {
  if (cmdline.includes("astro-build.ts") || /astro[\\/]bin[\\/]astro\.mjs/.test(cmdline))
    return "astro";
  if (/pagefind/.test(cmdline)) return "pagefind";
  if (/scripts[\\/]build\.ts/.test(cmdline)) return "build";
  return undefined;
}

const TIME = "/usr/bin/time";

/** Seconds written as "12.3s", "12.3 s" or "850ms". */
function seconds(value: string, unit: string): number {
  return unit.startsWith("ms") ? Number(value) / 1000 : Number(value);
}

/** Parses Astro's and the search integration's timings out of a build log. */
export function parseBuildLog(
  log: string,
): Pick<BuildRun, "renderSeconds" | "pagefindSeconds" | "pagefindPages"> {
  const built = /(\d+) page\(s\) built in ([\d.]+)\s*(ms|s)/.exec(log);
  const generated = /Completed in ([\d.]+)\s*(ms|s)\.?\s*$/m.exec(log);
  const renderSeconds = built
    ? seconds(built[2] ?? "", built[3] ?? "s")
    : generated
      ? seconds(generated[1] ?? "", generated[2] ?? "s")
      : undefined;
  // The search integration prints e.g. "Search: indexed 1234 pages and 56
  // glossary terms in 5.6 s (…)"; older shapes name Pagefind instead.
  const pagefindLine = log
    .split("\n")
    .find((line) => /pagefind|search\b.*index/i.test(line) && /in [\d.]+\s*(ms|s)\b/.test(line));
  let pagefindSeconds: number | undefined;
  let pagefindPages: number | undefined;
  if (pagefindLine) {
    const time = /in ([\d.]+)\s*(ms|s)\b/.exec(pagefindLine);
    if (time) pagefindSeconds = seconds(time[1] ?? "", time[2] ?? "s");
    const pages = /(\d[\d,]*)\s+(?:pages|HTML files)/i.exec(pagefindLine);
    if (pages) pagefindPages = Number((pages[1] ?? "").replace(/,/g, ""));
  }
  return { renderSeconds, pagefindSeconds, pagefindPages };
}

/** Peak RSS from `/usr/bin/time -v` ("Maximum resident set size (kbytes): N"). */
function parseTimeOutput(log: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(log);
  return m ? Number(m[1]) * 1024 : undefined;
}

/**
 * Resident memory of a process and all its descendants right now, in bytes;
 * records in `peaks` the peak (VmHWM) of each kind of build process seen.
 */
function sampleTree(pid: number, peaks: ProcessPeaks): number {
  let total = 0;
  const visit = (p: number): void => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const kind = processOf(readFileSync(`/proc/${p}/cmdline`, "utf8").replaceAll("\0", " "));
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      if (kind) peaks[kind] = Math.max(peaks[kind] ?? 0, hwm);
      for (const task of readdirSync(`/proc/${p}/task`))
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8")
          .trim()
          .split(/\s+/))
          if (child) visit(Number(child));
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

/** One measured command: its exit, wall time, memory and output. */
export type MeasuredRun = Omit<BuildRun, "renderSeconds" | "pagefindSeconds" | "pagefindPages">;

/**
 * Runs the real build (`node scripts/build.ts --content … --out …`) in
 * `projectDir`, timing it and recording its peak memory. Extra Node flags
 * (e.g. --cpu-prof) go in `nodeFlags`, passed as NODE_OPTIONS so that every
 * Node process of the build gets them.
 */
export async function runBuild(options: {
  projectDir: string;
  contentDir: string;
  outDir: string;
  nodeFlags?: string[];
  onLine?: (line: string) => void;
}): Promise<BuildRun> {
  const script = join(options.projectDir, "scripts/build.ts");
  const run = await runMeasured({
    cwd: options.projectDir,
    nodeArgs: [script, "--content", options.contentDir, "--out", options.outDir],
    env: options.nodeFlags?.length ? { NODE_OPTIONS: options.nodeFlags.join(" ") } : {},
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  return { ...run, ...parseBuildLog(run.log) };
}

/**
 * Runs `node <nodeArgs>` (this Node) in `cwd` under `/usr/bin/time -v` when
 * there is one, timing it and sampling the memory of its process tree every
 * 100 ms. `env` is added to this process's environment (NODE_OPTIONS there
 * reaches every Node child process too, e.g. --cpu-prof).
 */
export function runMeasured(options: {
  cwd: string;
  nodeArgs: string[];
  env?: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
}): Promise<MeasuredRun> {
  const { nodeArgs } = options;
  const useTime = existsSync(TIME);
  const [command, args] = useTime
    ? [TIME, ["-v", process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = performance.now();
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    });
    let log = "";
    let sampled = 0;
    const peaks: ProcessPeaks = {};
    const sampler = setInterval(() => {
      if (child.pid) sampled = Math.max(sampled, sampleTree(child.pid, peaks));
    }, 100);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log += text;
      for (const line of text.split("\n")) if (line.trim() && options.onLine) options.onLine(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("close", (code) => {
      clearInterval(sampler);
      const totalSeconds = (performance.now() - started) / 1000;
      resolve({
        ok: code === 0,
        exitCode: code ?? 1,
        startedAt,
        totalSeconds,
        peakRssBytes: useTime ? parseTimeOutput(log) : undefined,
        peakTreeRssBytes: sampled || undefined,
        peakRssByProcess: peaks,
        // What the build printed, without /usr/bin/time's report.
        log: log.replace(/^\s*Command being timed:[\s\S]*$/m, ""),
      });
    });
  });
}
