import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cacheDirFor } from "../../src/lib/kb/content-dir.ts";
import { fingerprint, fixtureContent, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-determinism-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it("builds the same content twice into identical bytes", () => {
  // Two copies of the content: each build starts without caches (the cache
  // folder is per content folder), so both really render every page. The
  // events of extra/events are included: their pages and .ics files must not
  // depend on the day of the build (what is past is decided in the browser).
  const outputs = ["a", "b"].map((name) => {
    const content = fixtureContent("events", "extra");
    const out = join(temp, name);
    const result = runScript("build.ts", ["--content", content, "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Search: indexed/);
    rmSync(content, { recursive: true, force: true });
    rmSync(cacheDirFor(content), { recursive: true, force: true });
    return fingerprint(out);
  });
  const [first, second] = outputs as [Map<string, string>, Map<string, string>];
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  const differing = [...first]
    .filter(([path, hash]) => second.get(path) !== hash)
    .map(([path]) => path);
  // Nothing is excluded: no build timestamps or random ids may leak into the output.
  expect(differing).toEqual([]);
  expect(first.size).toBeGreaterThan(10);
});
