import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const VALID_CONTENT = join(ROOT, "tests/fixtures/valid/content");

/**
 * Where an overlay on the valid fixture lives, by what `npm run check` says
 * about the result (tests/README.md): `invalid` is refused (exit 1), `extra`
 * passes (exit 0, warnings allowed). tests/unit/fixture-rule.test.ts keeps it so.
 */
export type FixtureGroup = "invalid" | "extra";

/**
 * A temporary knowledge base: the valid fixture with the files of
 * tests/fixtures/<group>/<scenario>/ laid over it (when a scenario is given).
 */
export function fixtureContent(scenario?: string, group: FixtureGroup = "invalid"): string {
  const dir = mkdtempSync(join(tmpdir(), `union-kb-${scenario ?? "valid"}-`));
  cpSync(VALID_CONTENT, dir, { recursive: true });
  if (scenario) cpSync(join(ROOT, "tests/fixtures", group, scenario), dir, { recursive: true });
  return dir;
}

/** Runs a script from scripts/ with the Node that runs the tests (Node 24). */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 300_000,
  });
}

/** Every file of a built site (path relative to `dir`) with the SHA-256 of its bytes. */
export function fingerprint(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
    f.isFile(),
  );
  return new Map(
    files.map((f) => {
      const path = join(f.parentPath, f.name);
      return [
        path.slice(dir.length + 1),
        createHash("sha256").update(readFileSync(path)).digest("hex"),
      ];
    }),
  );
}
