/**
 * The order Vitest starts test files in: longest first, so the two workers stay busy and
 * no long file starts last and runs on alone at the end.
 *
 * Vitest's own order does this from the durations of the previous run
 * (node_modules/.vite/vitest/…/results.json), but a fresh clone (CI) has none and Vitest
 * falls back to the biggest file first, which put a three-minute search test near the end.
 * Here a file without a previous duration gets an estimate: the figure measured for it
 * below, or one by its folder (a browser test takes longer than a unit test).
 * Files that failed last time still go first.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds measured for the slowest files (2 workers on 2 shared cores, December 2026).
 * package.test.ts counts its `npm install` (85 s, mostly waiting for the network and the
 * disk), so it starts beside the search test and not after it: every build of this checkout
 * waits for the one before (.astro/build.lock), and the install builds nothing here.
 */
const MEASURED: Record<string, number> = {
  "tests/search/field-quality.test.ts": 185,
  "tests/e2e/offline.test.ts": 108,
  "tests/e2e/kiosk.test.ts": 101,
  "tests/integration/incremental.test.ts": 97,
  "tests/e2e/screenshots.test.ts": 76,
  "tests/e2e/axe.test.ts": 71,
  "tests/integration/package.test.ts": 150,
};

/** Seconds guessed for a file never measured, by its folder. */
const BY_FOLDER: Record<string, number> = {
  search: 60,
  e2e: 40,
  integration: 20,
  unit: 2,
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const estimate = (spec: TestSpecification): number => {
      const known = cache.getTestSpecificationResult(spec);
      if (known) return known.duration;
      const path = relative(spec.project.config.root, spec.moduleId).split("\\").join("/");
      const measured = MEASURED[path];
      if (measured !== undefined) return measured * 1000;
      const folder = path.split("/")[1] ?? "";
      return (BY_FOLDER[folder] ?? 20) * 1000;
    };
    const failed = (spec: TestSpecification) =>
      cache.getTestSpecificationResult(spec)?.failed ? 1 : 0;
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        failed(b) - failed(a) ||
        estimate(b) - estimate(a) ||
        (a.moduleId < b.moduleId ? -1 : 1),
    );
  }
}
