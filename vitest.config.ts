import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/fixtures/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Integration and browser tests build sites; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
