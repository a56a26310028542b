/** Astro's process runs with V8's --optimize-for-size for big sites (src/lib/astro/node-flags.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  astroNodeFlags,
  countEntries,
  LOW_MEMORY_ENTRIES,
  lowMemoryFromEnv,
} from "../../src/lib/astro/node-flags.ts";

const dir = mkdtempSync(join(tmpdir(), "union-kb-entries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Node flags for Astro's process", () => {
  it("optimises for size from LOW_MEMORY_ENTRIES entries on, unless told otherwise", () => {
    expect(astroNodeFlags(LOW_MEMORY_ENTRIES - 1)).toEqual([]);
    expect(astroNodeFlags(LOW_MEMORY_ENTRIES)).toEqual(["--optimize-for-size"]);
    expect(astroNodeFlags(10, true)).toEqual(["--optimize-for-size"]);
    expect(astroNodeFlags(10_000, false)).toEqual([]);
  });

  it("reads UNION_KB_LOW_MEMORY as 1, 0 or unset and rejects anything else", () => {
    expect(lowMemoryFromEnv({})).toBeUndefined();
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "" })).toBeUndefined();
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "1" })).toBe(true);
    expect(lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "0" })).toBe(false);
    expect(() => lowMemoryFromEnv({ UNION_KB_LOW_MEMORY: "yes" })).toThrow(
      'UNION_KB_LOW_MEMORY must be 1 (on) or 0 (off), or unset; got "yes".',
    );
  });

  it("counts the MDX entries of a content folder, in every sub-folder", () => {
    mkdirSync(join(dir, "courses/a"), { recursive: true });
    mkdirSync(join(dir, "policies/law"), { recursive: true });
    writeFileSync(join(dir, "courses/a/course.yaml"), "title: a");
    writeFileSync(join(dir, "courses/a/01-one.mdx"), "");
    writeFileSync(join(dir, "courses/a/02-two.mdx"), "");
    writeFileSync(join(dir, "policies/law/index.mdx"), "");
    writeFileSync(join(dir, "policies/law/text.md"), "");
    expect(countEntries(dir)).toBe(3);
  });
});
