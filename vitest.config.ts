import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./tests/sequencer.ts";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/fixtures/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Integration and browser tests build sites; two cores do not gain from more workers.
    maxWorkers: 2,
    // Longest files first, also in a fresh clone with no durations from a previous run.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
