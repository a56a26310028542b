/** Builds the sample knowledge base (content/) for the search-quality tests. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "../helpers/fixtures.ts";

const run = promisify(execFile);

/**
 * Builds content/ into `<temporary folder>/site` and returns that path;
 * retried once without Astro's shared content cache (see tests/helpers/e2e.ts).
 */
export async function buildSample(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), "union-kb-search-")), "site");
  for (let attempt = 1; ; attempt++) {
    try {
      await run(
        process.execPath,
        [join(ROOT, "scripts/build.ts"), "--content", join(ROOT, "content"), "--out", out],
        {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: "1" },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 600_000,
        },
      );
      return out;
    } catch (error) {
      if (attempt < 2) {
        rmSync(join(ROOT, "node_modules/.astro/data-store.json"), { force: true });
        continue;
      }
      const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
      throw new Error(`Building the sample site failed:\n${stdout}${stderr || String(error)}`);
    }
  }
}
