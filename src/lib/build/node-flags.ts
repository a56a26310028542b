/**
 * V8 flags for Astro's child process. Measured at 5,000 entries (10,150
 * pages) on 2 cores, Astro's peak memory and the time of its step:
 *
 * | flags                       | peak         | time   |
 * |-----------------------------|--------------|--------|
 * | none                        | 2.39–2.77 GB | ~97 s  |
 * | --heap-growing-percent=30   | ~2.07 GB     | ~103 s |
 * | --optimize-for-size         | 1.8–1.9 GB   | ~145 s |
 *
 * V8 normally lets its heap grow up to four times past what survived the
 * last full collection; 30 % growth collects sooner for little extra time,
 * so it is always on. `--optimize-for-size` (UNION_KB_LOW_MEMORY=1) saves a
 * little more but makes the step half as slow again, so it is for machines
 * short of memory.
 */
export function astroNodeFlags(lowMemory = false): string[] {
  return lowMemory ? ["--optimize-for-size"] : ["--heap-growing-percent=30"];
}
