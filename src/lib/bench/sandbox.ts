import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/** What a project needs to build; content comes from the generated folder. */
const PROJECT_FILES = [
  "astro.config.ts",
  "package.json",
  "tsconfig.json",
  "src",
  "scripts",
  "public",
];
/** Caches that must not be shared with builds running in the real checkout. */
const PRIVATE_CACHES = new Set([".astro", ".vite", ".cache"]);

/**
 * Copies the project (sources, not content) into `dir` and links each package
 * of node_modules, so the bench builds with the same code but its own `.astro/`
 * (prerender chunks, content data store) and `node_modules/.astro`. Two builds
 * in one checkout share those folders and break each other, and the bench must
 * not disturb, or be disturbed by, a developer's build.
 */
export function createSandbox(projectRoot: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) {
    const from = join(projectRoot, name);
    if (existsSync(from)) cpSync(from, join(dir, name), { recursive: true });
  }
  linkNodeModules(projectRoot, dir);
  return dir;
}

/**
 * Links each package of `projectRoot/node_modules` into `dir/node_modules`
 * (created), leaving out the caches a build writes there, so that a project in
 * `dir` builds with the same installed packages but keeps its caches to itself.
 */
export function linkNodeModules(projectRoot: string, dir: string): void {
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  const modules = join(projectRoot, "node_modules");
  for (const name of readdirSync(modules)) {
    if (PRIVATE_CACHES.has(name)) continue;
    symlinkSync(join(modules, name), join(dir, "node_modules", name));
  }
}
