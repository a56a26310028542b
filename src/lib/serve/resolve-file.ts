import type { Stats } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** A file that exists inside the site root (after resolving symlinks). */
export interface SiteFile {
  /** Real absolute path on disk (symlinks resolved). */
  abs: string;
  /** Logical path relative to the site root, `/`-separated, e.g. `guide/index.html`. */
  rel: string;
  stats: Stats;
}

/** Outcome of mapping a URL path to a file. */
export type Resolution =
  | { kind: "file"; file: SiteFile }
  | { kind: "add-slash" }
  | { kind: "missing" };

/** Whether `candidate` is `root` itself or lies below it (both already real paths). */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Dot-files (`.env`, `.git/`) are never part of a built site; `.well-known` is the exception.
 * `rel` is `/`-separated or uses the platform separator.
 */
function isHidden(rel: string): boolean {
  return rel.split(/[\\/]/).some((segment) => segment.startsWith(".") && segment !== ".well-known");
}

/**
 * Looks up one root-relative path. Resolving with realpath before the containment check means
 * a symlink inside the build that points elsewhere on the disk is treated as missing rather
 * than followed; so is one that points at a dot-file inside it.
 */
export async function findInside(rootReal: string, rel: string): Promise<SiteFile | undefined> {
  let real: string;
  try {
    real = await realpath(join(rootReal, ...rel.split("/")));
  } catch {
    return undefined;
  }
  if (!isInside(rootReal, real) || isHidden(relative(rootReal, real))) return undefined;
  const stats = await stat(real).catch(() => undefined);
  return stats?.isFile() ? { abs: real, rel, stats } : undefined;
}

/**
 * Maps a root-relative URL path (already validated, no leading slash) to a file the way Astro
 * lays out its output: `dir/` → `dir/index.html`, `page` → `page` or `page.html`
 * (`build.format: "file"`), and `dir` without a slash → redirect to `dir/` so relative links
 * inside that page resolve correctly.
 */
export async function resolveFile(rootReal: string, rel: string): Promise<Resolution> {
  if (isHidden(rel)) return { kind: "missing" };
  const candidates = rel === "" || rel.endsWith("/") ? [`${rel}index.html`] : [rel, `${rel}.html`];
  for (const candidate of candidates) {
    const file = await findInside(rootReal, candidate);
    if (file) return { kind: "file", file };
  }
  if (candidates.length === 2 && (await findInside(rootReal, `${rel}/index.html`))) {
    return { kind: "add-slash" };
  }
  return { kind: "missing" };
}
