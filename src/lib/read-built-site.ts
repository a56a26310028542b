import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { BuiltSite } from "./link-check.ts";

/**
 * Reads a built site folder (dist/) into the shape `checkLinks()` takes:
 * `dist/courses/index.html` becomes the page `/courses/`.
 */
export function readBuiltSite(dir: string): BuiltSite {
  const pages = new Map<string, string>();
  const files = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = `/${relative(dir, full).split(sep).join("/")}`;
    if (path.endsWith(".html"))
      pages.set(path.replace(/(^|\/)index\.html$/, "$1"), readFileSync(full, "utf8"));
    else files.add(path);
  }
  return { pages, files };
}
