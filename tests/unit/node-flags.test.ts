/** V8 flags and the compile cache for Astro's process (src/lib/build/node-flags.ts, compile-cache.ts). */
import { getCompileCacheDir } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCompileCache } from "../../src/lib/build/compile-cache.ts";
import { astroNodeFlags } from "../../src/lib/build/node-flags.ts";
import { lowMemoryFromEnv } from "../../src/lib/env.ts";

describe("V8 flags for Astro's process", () => {
  it("lets the heap grow by 30 % at a time, and optimises for size on request", () => {
    expect(astroNodeFlags()).toEqual(["--heap-growing-percent=30"]);
    expect(astroNodeFlags(true)).toEqual(["--optimize-for-size"]);
  });

  it("reads UNION_KB_LOW_MEMORY as 1, 0 or unset and rejects anything else", () => {
    expect(lowMemoryFromEnv({})).toBe(false);
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "" })).toBe(false);
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "0" })).toBe(false);
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "1" })).toBe(true);
    expect(() => lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "yes" })).toThrow(
      'UNION_KB_LOW_MEMORY must be 1 (on) or 0 (off), or unset; got "yes".',
    );
  });

  it("are flags this Node accepts", async () => {
    const { spawnSync } = await import("node:child_process");
    for (const flags of [astroNodeFlags(), astroNodeFlags(true)]) {
      const run = spawnSync(process.execPath, [...flags, "-e", "process.exit(0)"], {
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
  });
});

describe("useCompileCache (npm run build)", () => {
  it("hands Node's default compile cache folder to the processes the build starts, or the one given", () => {
    const env: NodeJS.ProcessEnv = {};
    useCompileCache(env);
    expect(env.NODE_COMPILE_CACHE).toBe(join(tmpdir(), "node-compile-cache"));
    // Enabled in this process too (by this call, or before it by the test runner).
    expect(getCompileCacheDir()).toBeTruthy();
    const given: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: "/var/cache/union-kb-node" };
    useCompileCache(given);
    expect(given.NODE_COMPILE_CACHE).toBe("/var/cache/union-kb-node");
  });
});
