import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { contentFromEnv, outFromEnv } from "../env.ts";

/**
 * The tool's own folder (where its package.json, astro.config.ts and src/
 * are): the repository, or node_modules/union-kb in a knowledge base that
 * depends on the packed tool. Astro always builds from here; the knowledge
 * base may be anywhere.
 */
export function toolRoot(): string {
  return resolve(fileURLToPath(new URL("../../..", import.meta.url)));
}

/**
 * The knowledge base to build or check: `--content` when given, else
 * UNION_KB_CONTENT, else the current folder when it is a knowledge base of its
 * own (it has a site.yaml: `union-kb build` run inside one), else `content/`.
 */
export function contentDir(cwd = process.cwd(), given?: string): string {
  if (given) return resolve(cwd, given);
  const fromEnv = contentFromEnv();
  if (fromEnv) return resolve(cwd, fromEnv);
  return existsSync(join(cwd, "site.yaml")) ? resolve(cwd) : resolve(cwd, "content");
}

/**
 * Whether `content` is the tool repository's own sample (`content/` next to
 * the tool, or in the current folder), whose site goes to `dist/` in the
 * current folder as it always has; every other knowledge base keeps its site
 * in its own folder.
 */
function isToolSample(content: string, cwd: string): boolean {
  return content === resolve(toolRoot(), "content") || content === resolve(cwd, "content");
}

/**
 * Where a knowledge base's site is built and read from: `<content>/dist`
 * (the folder's .gitignore made by `init` ignores it), or `dist/` for the
 * tool's own sample. `npm run build` also takes --out and UNION_KB_OUT.
 */
export function defaultSiteDir(content: string, cwd = process.cwd()): string {
  return isToolSample(content, cwd) ? resolve(cwd, "dist") : join(content, "dist");
}

/** The build's output folder: --out, else UNION_KB_OUT, else defaultSiteDir(). */
export function buildOutDir(content: string, given?: string, cwd = process.cwd()): string {
  const out = given ?? outFromEnv();
  return out === undefined ? defaultSiteDir(content, cwd) : resolve(cwd, out);
}

/** Where `handouts` writes PDFs by default: next to the site, as dist-handouts/. */
export function defaultHandoutsDir(content: string, cwd = process.cwd()): string {
  return isToolSample(content, cwd)
    ? resolve(cwd, "dist-handouts")
    : join(content, "dist-handouts");
}

/**
 * The line every command prints first, so an author with two knowledge
 * bases always sees which one a command works on.
 */
export function knowledgeBaseLine(content: string): string {
  return `Knowledge base: ${content}`;
}

/**
 * Astro's cache folder for a knowledge base: one per content folder, so that
 * switching between the sample and a test fixture does not throw away the
 * other's Content Layer data, incremental-build pages and search index.
 * It lives in the tool's node_modules, never in the knowledge base.
 */
export function cacheDirFor(content: string, root = toolRoot()): string {
  return resolve(
    root,
    "node_modules/.astro",
    `kb-${createHash("sha256").update(content).digest("hex").slice(0, 12)}`,
  );
}
