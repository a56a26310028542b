import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { contentFromEnv } from "../env.ts";

/**
 * The knowledge base to build or check: `content/` unless UNION_KB_CONTENT
 * points elsewhere (tests and `npm run bench` build other folders).
 */
export function contentDir(cwd = process.cwd()): string {
  return resolve(cwd, contentFromEnv() ?? "content");
}

/**
 * Astro's cache folder for a knowledge base: one per content folder, so that
 * switching between the sample and a test fixture does not throw away the
 * other's Content Layer data, incremental-build pages and search index.
 */
export function cacheDirFor(content: string, cwd = process.cwd()): string {
  return resolve(
    cwd,
    "node_modules/.astro",
    `kb-${createHash("sha256").update(content).digest("hex").slice(0, 12)}`,
  );
}
