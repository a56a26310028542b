import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { totalmem } from "node:os";
import { join } from "node:path";

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/**
 * Peak memory of a build, all its processes at once, by entries (courses +
 * lessons + policies + cases). A straight line through the measured peaks
 * (docs/performance.md, session 3; issue 18; docs/operating.md "Memory"):
 * 100 entries 0.78 GB, 1,000 1.10-1.18 GB, 5,000 2.26 GB, 20,000 5.5 GB.
 * The line gives 0.92, 1.13, 2.07 and 5.59 GB; a site with many long law
 * texts needs more.
 */
const BASE_BYTES = 0.9 * GB;
const BYTES_PER_ENTRY = 0.24 * MB;
/** UNION_KB_LOW_MEMORY=1: ~0.3 GB less at 5,000 entries (src/lib/build/node-flags.ts). */
const LOW_MEMORY_FACTOR = 0.87;
/**
 * The build is refused only when the machine has clearly too little: less
 * than this share of the estimate. Between it and the estimate the build may
 * get by (swap, a smaller site than the line assumes), or be stopped with a
 * message that says why.
 */
const REFUSE_BELOW = 0.8;

/** Estimated peak memory (bytes) of building `entries` entries. */
export function estimateBuildMemory(entries: number, lowMemory = false): number {
  const bytes = BASE_BYTES + entries * BYTES_PER_ENTRY;
  return Math.round(lowMemory ? bytes * LOW_MEMORY_FACTOR : bytes);
}

/**
 * Peak memory, all processes at once, when the search index is begun while
 * Astro renders (src/lib/search/early-index.ts): Pagefind's process then
 * runs beside Astro's instead of after it. Measured (docs/performance.md,
 * session 8): 1,000 entries 1.58 GB, 5,000 2.48 GB, which the line gives.
 * The largest single process is not larger.
 */
export function estimateOverlapMemory(entries: number): number {
  return Math.round(1.355 * GB + entries * 0.231 * MB);
}

/**
 * Whether the search index may be begun while Astro renders: only with the
 * memory for both at once (the estimate in full, not just the share that
 * lets a build start), and not with UNION_KB_LOW_MEMORY.
 */
export function mayOverlapSearch(
  entries: number,
  limit: { bytes: number },
  lowMemory: boolean,
): boolean {
  return !lowMemory && limit.bytes >= estimateOverlapMemory(entries);
}

/** Where the memory limit was read from; replaced in tests. */
export interface MemorySources {
  totalmem(): number;
  readFile(path: string): string | undefined;
}

const systemSources: MemorySources = {
  totalmem,
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
};

/** The memory this build may use: the machine's, or a container's lower limit (cgroup v2 or v1). */
export function memoryLimit(sources: MemorySources = systemSources): {
  bytes: number;
  source: "machine" | "container";
} {
  const machine = sources.totalmem();
  const limits = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]
    .map((path) => Number.parseInt(sources.readFile(path)?.trim() ?? "", 10))
    // "max" (no limit) parses as NaN; cgroup v1 says "no limit" with a huge number.
    .filter((bytes) => Number.isFinite(bytes) && bytes > 0 && bytes < machine);
  return limits.length
    ? { bytes: Math.min(...limits), source: "container" }
    : { bytes: machine, source: "machine" };
}

function count(dir: string, keep: (name: string) => boolean, depth = 1): number {
  let total = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && depth > 1) total += count(join(dir, entry.name), keep, depth - 1);
    else if (entry.isFile() && keep(entry.name)) total += 1;
  }
  return total;
}

/**
 * Counts the entries of a content folder from file names alone (no parsing,
 * so it costs nothing before the build): course.yaml and lesson files,
 * policies' index.mdx, cases.
 */
export function countEntries(contentDir: string): number {
  return (
    count(join(contentDir, "courses"), (n) => n === "course.yaml" || n.endsWith(".mdx"), 2) +
    count(join(contentDir, "policies"), (n) => n === "index.mdx", 2) +
    count(join(contentDir, "cases"), (n) => n.endsWith(".mdx"), 8)
  );
}

const gb = (bytes: number) => `${(bytes / GB).toFixed(1)} GB`;

/**
 * Refuses a build that would run out of memory part-way: undefined when
 * `limit` is enough (or not clearly too little) for `entries`, else the message.
 */
export function memoryProblem(
  entries: number,
  limit: { bytes: number; source: "machine" | "container" },
  lowMemory: boolean,
): string | undefined {
  const needed = estimateBuildMemory(entries, lowMemory);
  if (limit.bytes >= needed * REFUSE_BELOW) return undefined;
  const where = limit.source === "container" ? "this container is limited to" : "this machine has";
  const lowNeeded = estimateBuildMemory(entries, true);
  const lowHint =
    !lowMemory && limit.bytes >= lowNeeded * REFUSE_BELOW
      ? `build with less memory, more slowly: UNION_KB_LOW_MEMORY=1 npm run build (about ${gb(lowNeeded)}); or `
      : "";
  return (
    `Not enough memory to build ${entries.toLocaleString("en")} entries: ${where} ${gb(limit.bytes)}, ` +
    `the build needs about ${gb(needed)} at its peak${lowMemory ? " (with UNION_KB_LOW_MEMORY=1)" : ""} ` +
    "and would most likely be stopped part-way.\n" +
    `Expected: at least ${gb(needed * REFUSE_BELOW)} of memory (docs/operating.md, "Memory").\n` +
    `Hint: ${lowHint}build on a machine${limit.source === "container" ? " or container" : ""} with more memory. ` +
    "UNION_KB_SKIP_MEMORY_CHECK=1 builds anyway."
  );
}
