import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cacheDirFor } from "../../src/lib/kb/content-dir.ts";
import { buildFixtureSite, fixtureBuildLog } from "../helpers/e2e.ts";
import { fingerprint, fixtureContent, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-determinism-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it("builds the same content twice into identical bytes", async () => {
  // Two copies of the content: each build starts without caches (the cache
  // folder is per content folder), so both really render every page. The
  // events of extra/events are included: their pages and .ics files must not
  // depend on the day of the build (what is past is decided in the browser).
  // The first build is the one tests/helpers/e2e.ts made of extra/events for
  // the events tests (a build like this one, from its own copy of the content,
  // maybe hours ago); the second is made here.
  const cached = await buildFixtureSite("events");
  expect(await fixtureBuildLog("events")).toMatch(/Search: indexed/);
  const content = fixtureContent("events", "extra");
  const out = join(temp, "b");
  const result = runScript("build.ts", ["--content", content, "--out", out]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/Search: indexed/);
  rmSync(content, { recursive: true, force: true });
  rmSync(cacheDirFor(content), { recursive: true, force: true });
  const [first, second] = [fingerprint(cached), fingerprint(out)];
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  const differing = [...first]
    .filter(([path, hash]) => second.get(path) !== hash)
    .map(([path]) => path);
  // Nothing is excluded: no build timestamps or random ids may leak into the output.
  expect(differing).toEqual([]);
  expect(first.size).toBeGreaterThan(10);
}, 600_000);
