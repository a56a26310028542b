import { afterEach, describe, expect, it, vi } from "vitest";
import { listPerBuild, perBuild } from "../../../src/data/per-build.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("answers kept for one build (src/data/per-build.ts)", () => {
  it("computes an answer once per build and shares it", async () => {
    vi.stubEnv("DEV", false);
    const compute = vi.fn(async () => ({ name: "site" }));
    const [a, b] = await Promise.all([perBuild("t1", compute), perBuild("t1", compute)]);
    expect(await perBuild("t1", compute)).toBe(a);
    expect(b).toBe(a);
    expect(compute).toHaveBeenCalledTimes(1);
    // Another key is another answer.
    await perBuild("t2", compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("gives each caller its own copy of a list, with the same entries", async () => {
    vi.stubEnv("DEV", false);
    const entry = { id: "a" };
    const compute = vi.fn(async () => [entry, { id: "b" }]);
    const first = await listPerBuild("t3", compute);
    first.reverse();
    const second = await listPerBuild("t3", compute);
    expect(second.map((e) => e.id)).toEqual(["a", "b"]);
    expect(second[0]).toBe(entry);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("computes again on every request in astro dev, so an edit shows at once", async () => {
    vi.stubEnv("DEV", true);
    let n = 0;
    const compute = async () => ++n;
    expect(await perBuild("t4", compute)).toBe(1);
    expect(await perBuild("t4", compute)).toBe(2);
  });
});
