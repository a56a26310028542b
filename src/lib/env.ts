/**
 * Every `UNION_KB_*` environment variable, read and checked in one place.
 *
 * Two kinds: settings an operator may give (`UNION_KB_CONTENT`, `…_OUT`,
 * `…_LOW_MEMORY` …), and the hand-over from `npm run build` to the Astro
 * process it starts (`astroChildEnv` writes them, `astroChildSettings` reads
 * them). Nothing else in the code reads `process.env.UNION_KB_*`.
 */

type Env = NodeJS.ProcessEnv;

/** A variable with a value the build cannot use: exit 2 with this message. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** What each operator setting does, for `--help` texts and docs/operating.md. */
export const OPERATOR_VARIABLES = {
  UNION_KB_CONTENT: "the content folder (default: content)",
  UNION_KB_OUT: "where `npm run build` writes the site (default: dist)",
  UNION_KB_SEARCH_PART_CHARS:
    "characters of text per search-index part (default 6000000; lower it where memory is short)",
  UNION_KB_LOW_MEMORY: "1: build with less memory, more slowly",
  UNION_KB_SKIP_MEMORY_CHECK: "1: build even where memory looks too small",
  UNION_KB_LOCK_TIMEOUT: "seconds to wait for another build of this project (default 1800)",
  UNION_KB_TIMINGS: "1: `npm run build` prints the seconds of each step",
  UNION_KB_LOG_LEVEL: "debug: Astro's own messages in full",
} as const;

/**
 * Pagefind holds everything it indexes in memory until the index is written,
 * and Chinese text costs it ~200–250 bytes per character at its peak
 * (measured with Pagefind 1.6.0: 1,000 lesson-sized pages of ~2,500
 * characters need ~550 MB). A site with 5,000 entries would need 3.3 GB in
 * one run. So a big site is indexed in parts of at most this many
 * characters, one Pagefind process after the other, and the search page
 * searches the parts as one (src/components/search/index-parts.ts; the list
 * of parts: src/lib/search/manifest.ts). 6 million characters keep each run
 * near 1.2 GB, well below Astro's process, and give a site of up to ~2,000
 * entries one part; every further part costs the reader ~100 KB more on the
 * first search (Pagefind's script, worker and WebAssembly).
 */

export const DEFAULT_PART_CHARS = 6_000_000;

const set = (value: string | undefined): value is string => value !== undefined && value !== "";

/** UNION_KB_CONTENT, when given. */
export function contentFromEnv(env: Env = process.env): string | undefined {
  return set(env.UNION_KB_CONTENT) ? env.UNION_KB_CONTENT : undefined;
}

/**
 * Hands the knowledge base to Astro in this process (`npm run dev`):
 * astro.config.ts reads it with contentDir().
 */
export function setContentForAstro(content: string, env: Env = process.env): void {
  env.UNION_KB_CONTENT = content;
}

/**
 * The folder the user ran the command in: `npm run` starts scripts in the
 * tool's folder and passes the caller's folder as INIT_CWD.
 */
export function callerCwd(env: Env = process.env): string {
  return set(env.INIT_CWD) ? env.INIT_CWD : process.cwd();
}

/** UNION_KB_OUT, when given (an empty value means the default). */
export function outFromEnv(env: Env = process.env): string | undefined {
  return set(env.UNION_KB_OUT) ? env.UNION_KB_OUT : undefined;
}

/** UNION_KB_SEARCH_PART_CHARS, or the default. */
export function partSizeFromEnv(env: Env = process.env): number {
  const raw = env.UNION_KB_SEARCH_PART_CHARS;
  if (!set(raw)) return DEFAULT_PART_CHARS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new EnvError(
      `UNION_KB_SEARCH_PART_CHARS must be a whole number of characters, at least 1; got "${raw}".`,
    );
  return value;
}

/** UNION_KB_LOW_MEMORY: "1" builds with less memory and more slowly, "0" or unset does not. */
export function lowMemoryFromEnv(env: Env = process.env): boolean {
  const raw = env.UNION_KB_LOW_MEMORY;
  if (!set(raw) || raw === "0") return false;
  if (raw === "1") return true;
  throw new EnvError(`UNION_KB_LOW_MEMORY must be 1 (on) or 0 (off), or unset; got "${raw}".`);
}

/** The operator's settings for `npm run build`; throws EnvError on a value it cannot use. */
export interface BuildSettings {
  searchPartChars: number;
  lowMemory: boolean;
  skipMemoryCheck: boolean;
  lockTimeoutMs: number;
  timings: boolean;
}

export function buildSettings(env: Env = process.env): BuildSettings {
  const timeout = set(env.UNION_KB_LOCK_TIMEOUT) ? env.UNION_KB_LOCK_TIMEOUT : "1800";
  if (!/^\d+$/.test(timeout))
    throw new EnvError(`UNION_KB_LOCK_TIMEOUT must be a number of seconds; got "${timeout}".`);
  return {
    searchPartChars: partSizeFromEnv(env),
    lowMemory: lowMemoryFromEnv(env),
    skipMemoryCheck: env.UNION_KB_SKIP_MEMORY_CHECK === "1",
    lockTimeoutMs: Number(timeout) * 1000,
    timings: env.UNION_KB_TIMINGS === "1",
  };
}

/** What `npm run build` tells the Astro process it starts (scripts/astro-build.ts). */
export interface AstroChildSettings {
  content: string;
  /** The unfinished output folder. */
  out: string;
  /** Where Astro's process writes what the build needs afterwards (src/lib/build/astro-run.ts). */
  reportFile: string;
}

/**
 * Astro reports every build and dev session to telemetry.astro.build unless
 * told not to (and runs `git` to make an anonymous project id for it). A
 * union's build machine, often without internet, has no business calling
 * out: Union KB's Astro processes run with telemetry off.
 */
export const NO_ASTRO_TELEMETRY = { ASTRO_TELEMETRY_DISABLED: "1" } as const;

/**
 * The environment for Astro's process: it checks the content itself before
 * Astro starts (so the integration does not check again), and the search
 * index is built after it has ended (its memory is freed first).
 */
export function astroChildEnv(settings: AstroChildSettings, env: Env = process.env): Env {
  return {
    ...env,
    ...NO_ASTRO_TELEMETRY,
    UNION_KB_CONTENT: settings.content,
    UNION_KB_OUT: settings.out,
    UNION_KB_SKIP_CHECK: "1",
    UNION_KB_INDEX_LATER: "1",
    UNION_KB_REPORT_FILE: settings.reportFile,
  };
}

/** Marks a child's environment with the PID of the process that started it (see exitWithParent). */
export function withParentPid(env: Env, pid: number): Env {
  return { ...env, UNION_KB_BUILD_PID: String(pid) };
}

/** In Astro's process: what the build handed over, with plain `astro build`/`dev` defaults. */
export function astroChildSettings(env: Env = process.env): {
  skipCheck: boolean;
  indexLater: boolean;
  reportFile: string | undefined;
  buildPid: number | undefined;
  debug: boolean;
} {
  return {
    skipCheck: env.UNION_KB_SKIP_CHECK === "1",
    indexLater: env.UNION_KB_INDEX_LATER === "1",
    reportFile: set(env.UNION_KB_REPORT_FILE) ? env.UNION_KB_REPORT_FILE : undefined,
    buildPid: Number(env.UNION_KB_BUILD_PID) || undefined,
    debug: env.UNION_KB_LOG_LEVEL === "debug",
  };
}
