import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { offlineReadme, README_NAME } from "./readme.ts";

/** Files of the offline copy that are not part of the built site, next to its `site/` folder. */
const BUNDLE = join(import.meta.dirname, "bundle");
/** Helper files from ./bundle/, with the names they get in the zip. */
const HELPERS: ReadonlyArray<readonly [source: string, name: string]> = [
  ["start-windows.bat", "start-windows.bat"],
  ["serve.ps1", "serve.ps1"],
  ["serve.mjs", "serve.mjs"],
];
/** Already compressed formats: deflating them again costs time and saves nothing. */
const STORED = new Set([
  ".woff2",
  ".woff",
  ".png",
  ".jpg",
  ".jpeg",
  ".webp",
  ".avif",
  ".gif",
  ".pdf",
  ".zip",
  ".gz",
  ".br",
  ".pagefind",
  ".pf_fragment",
  ".pf_index",
  ".pf_meta",
]);

/** What to pack. */
export interface OfflineZipOptions {
  /** The built site (dist/). */
  root: string;
  /** The zip file to write; replaced only when the new one is complete. */
  out: string;
  /** Base path the site was built for (site.yaml `base`), e.g. `/` or `/kb/`. */
  base: string;
  /** Site name for the readme. */
  siteName: string;
  /** Date the copy was made, shown in the readme. */
  date: Date;
  /** Called after each file, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

/** What was written. */
export interface OfflineZipResult {
  file: string;
  /** Paths inside the zip, in the order written. */
  entries: string[];
  bytes: number;
}

/** `union-kb-site-2025-05-01.zip`: the date tells copies on different USB sticks apart. */
export function offlineZipName(date: Date): string {
  return `union-kb-site-${date.toISOString().slice(0, 10)}.zip`;
}

/**
 * Dot-files and dot-folders (`.env`, `.git/`, an editor's `.DS_Store`) are never part of a
 * built site and must not travel on a USB stick; `.well-known/` is the exception, as in
 * `npm run serve`.
 */
function isHidden(name: string): boolean {
  return name.startsWith(".") && name !== ".well-known";
}

/** Every file under `root` that belongs to the site (no dot-files), as sorted `/`-separated paths. */
export function listSiteFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isHidden(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return files.sort();
}

/** Windows tools (Notepad, cmd.exe) want CRLF line ends in text files. */
function crlf(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/\r?\n/g, "\r\n"));
}

/**
 * A page at the top of `site/` that sends visitors to the sub-folder the site was
 * built for, so every static server can serve `site/` as it is.
 */
function baseRedirect(base: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>union-kb</title><meta http-equiv="refresh" content="0; url=${base}"><p><a href="${base}">${base}</a></p></html>\n`;
}

/**
 * Packs the built site into one zip for a USB stick: a top folder named after the
 * zip, holding the readme, one-command start helpers and `site/` (with the base
 * path as sub-folders, so `/kb/` pages live in `site/kb/`). Written to a temporary
 * file first, so a failure never leaves half a zip behind.
 */
export function createOfflineZip(options: OfflineZipOptions): OfflineZipResult {
  const { root, out, base } = options;
  const top = basename(out).replace(/\.zip$/i, "");
  const sitePrefix = `${top}/site${base}`;
  const files = listSiteFiles(root);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const fd = openSync(temp, "w");
  const entries: string[] = [];
  let bytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else bytes += writeSync(fd, chunk);
  });
  const add = (name: string, data: Uint8Array, mtime: Date, store = false): void => {
    const entry = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(data, true);
    entries.push(name);
  };
  try {
    const readme = offlineReadme({ top, base, siteName: options.siteName, date: options.date });
    add(`${top}/${README_NAME}`, crlf(`\ufeff${readme}`), options.date);
    for (const [source, name] of HELPERS) {
      add(`${top}/${name}`, crlf(readFileSync(join(BUNDLE, source), "utf8")), options.date);
    }
    if (base !== "/") add(`${top}/site/index.html`, crlf(baseRedirect(base)), options.date);
    files.forEach((file, index) => {
      const path = join(root, file);
      const store = STORED.has(extname(file).toLowerCase());
      add(`${sitePrefix}${file}`, readFileSync(path), statSync(path).mtime, store);
      options.onProgress?.(index + 1, files.length);
    });
    zip.end();
    if (failure) throw failure;
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, out);
  return { file: out, entries, bytes };
}
