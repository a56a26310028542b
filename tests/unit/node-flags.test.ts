/** V8 flags for Astro's process (src/lib/build/node-flags.ts). */
import { describe, expect, it } from "vitest";
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
