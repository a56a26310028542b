import { readdirSync } from "node:fs";

/**
 * From this many MDX entries on, Astro's process runs with V8's
 * `--optimize-for-size`. A big site's build is limited by memory rather than
 * time: measured at 5,000 entries (10,150 pages), Astro's peak falls from
 * ~2.65 GB to ~1.8 GB and its step takes ~45 % longer. At 1,000 entries the
 * peak is ~1.1 GB without it, so smaller sites keep the faster build.
 */
export const LOW_MEMORY_ENTRIES = 3000;

/**
 * UNION_KB_LOW_MEMORY: "1" always optimises Astro's process for size, "0"
 * never, unset decides by the size of the site.
 */
export function lowMemoryFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  const raw = env.UNION_KB_LOW_MEMORY;
  if (raw === undefined || raw === "") return undefined;
  if (raw === "1") return true;
  if (raw === "0") return false;
  throw new Error(`UNION_KB_LOW_MEMORY must be 1 (on) or 0 (off), or unset; got "${raw}".`);
}

/** The MDX entries (lessons, cases, policies) under a content folder. */
export function countEntries(contentDir: string): number {
  return readdirSync(contentDir, { recursive: true, encoding: "utf8" }).filter((name) =>
    name.endsWith(".mdx"),
  ).length;
}

/** Node flags for Astro's child process. */
export function astroNodeFlags(entries: number, lowMemory?: boolean): string[] {
  return (lowMemory ?? entries >= LOW_MEMORY_ENTRIES) ? ["--optimize-for-size"] : [];
}
