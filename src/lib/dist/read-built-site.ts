import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { BuiltSite } from "./link-check.ts";

/**
 * The files of a built site folder (dist/) by URL path: HTML pages
 * (`dist/courses/index.html` is the page `/courses/`) with their file paths,
 * and every other file (`/_astro/index.css`).
 */
export function listBuiltSite(dir: string): { pages: Map<string, string>; files: Set<string> } {
  const pages = new Map<string, string>();
  const files = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = `/${relative(dir, full).split(sep).join("/")}`;
    if (path.endsWith(".html")) pages.set(path.replace(/(^|\/)index\.html$/, "$1"), full);
    else files.add(path);
  }
  return { pages, files };
}

/** Reads a built site folder into the shape `checkLinks()` takes, every page in memory. */
export function readBuiltSite(dir: string): BuiltSite {
  const { pages, files } = listBuiltSite(dir);
  return {
    pages: new Map([...pages].map(([path, file]) => [path, readFileSync(file, "utf8")])),
    files,
  };
}
