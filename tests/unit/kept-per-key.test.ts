import { describe, expect, it } from "vitest";
import { keptPerKey } from "../../src/lib/kept-per-key.ts";

describe("keptPerKey", () => {
  it("computes each key once, and forgets everything past its bound", () => {
    const calls: string[] = [];
    const upper = keptPerKey(2, (key: string) => {
      calls.push(key);
      return key.toUpperCase();
    });
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
    upper("c"); // a third key: the two kept are forgotten
    upper("a");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("keeps a promise that succeeds, not one that fails", async () => {
    let calls = 0;
    const flaky = keptPerKey(10, async (key: string) => {
      calls++;
      if (calls === 1) throw new Error(`first try of ${key}`);
      return key;
    });
    await expect(flaky("x")).rejects.toThrow("first try of x");
    expect(await flaky("x")).toBe("x");
    expect(await flaky("x")).toBe("x");
    expect(calls).toBe(2);
  });
});
