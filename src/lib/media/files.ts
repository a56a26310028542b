import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/**
 * The knowledge base's media folder: videos, audio, captions and posters that
 * lessons and materials use. `/media/<path>` in MDX names `<content>/media/<path>`;
 * the build copies the folder to the site's `/media/` (src/pages/media/[...file].ts).
 */
export const MEDIA_FOLDER = "media";
/** The URL prefix of media files, before the site's base path. */
export const MEDIA_PREFIX = "/media/";

/** A media file of the knowledge base. */
export interface MediaFile {
  /** Path under media/, with forward slashes: `lessons/intro.mp4`. */
  path: string;
  /** Absolute path on disk. */
  abs: string;
  size: number;
}

/**
 * Every file under `<content>/media/`, sorted, hidden files and folders left
 * out (as everywhere in the knowledge base); [] when there is no such folder.
 */
export function mediaFiles(contentDir: string): MediaFile[] {
  const root = resolve(contentDir, MEDIA_FOLDER);
  const found: MediaFile[] = [];
  const walk = (folder: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const abs = join(folder, name);
      let stats: ReturnType<typeof statSync>;
      try {
        stats = statSync(abs);
      } catch {
        continue;
      }
      if (stats.isDirectory() && depth < 8) walk(abs, depth + 1);
      else if (stats.isFile())
        found.push({ path: relative(root, abs).replaceAll("\\", "/"), abs, size: stats.size });
    }
  };
  walk(root, 0);
  return found;
}

/**
 * The file on disk a `/media/…` URL names, or undefined when the URL is not
 * under /media/ or climbs out of the folder.
 */
export function mediaPath(contentDir: string, url: string): string | undefined {
  if (!url.startsWith(MEDIA_PREFIX)) return undefined;
  let rest = url.slice(MEDIA_PREFIX.length).replace(/[?#].*$/s, "");
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  const root = resolve(contentDir, MEDIA_FOLDER);
  const abs = resolve(root, rest);
  const rel = relative(root, abs);
  if (!rel || rel.startsWith("..") || resolve(root, rel) !== abs) return undefined;
  return abs;
}

/** A size for people: 1.4 MB, 320 KB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
