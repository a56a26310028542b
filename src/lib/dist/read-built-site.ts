import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { BuiltSite } from "./link-check.ts";

/**
 * The files of a built site folder (dist/) by URL path: HTML pages
 * (`dist/courses/index.html` is the page `/courses/`) with their file paths,
 * and every other file (`/_astro/index.css`). `skip` names a top-level
 * folder to leave out.
 */
export function listBuiltSite(
  dir: string,
  skip?: string,
): { pages: Map<string, string>; files: Set<string> } {
  const pages = new Map<string, string>();
  const files = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory() && !(folder === dir && entry.name === skip)) walk(full);
      if (entry.isFile()) add(full);
    }
  };
  const add = (full: string): void => {
    const path = `/${relative(dir, full).split(sep).join("/")}`;
    if (path.endsWith(".html")) pages.set(path.replace(/(^|\/)index\.html$/, "$1"), full);
    else files.add(path);
  };
  walk(dir);
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
