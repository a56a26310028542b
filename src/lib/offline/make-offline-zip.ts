import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { contentDir, defaultSiteDir, knowledgeBaseLine } from "../kb/content-dir.ts";
import { mediaFiles } from "../media/files.ts";
import { normalizeBase } from "../serve/request-path.ts";
import { createOfflineZip, offlineZipName } from "./offline-zip.ts";
import { README_NAME } from "./readme.ts";

/** `npm run offline-zip`'s options, as typed on the command line. */
export interface MakeOfflineZipOptions {
  /** The built site folder (default: the knowledge base's dist/, or dist for the sample). */
  root?: string | undefined;
  /** The zip to write (default union-kb-site-YYYY-MM-DD.zip in the current folder). */
  out?: string | undefined;
  /** The content folder whose site.yaml gives the name and base path. */
  content?: string | undefined;
  /** URL path the site was built for (default: `base` in site.yaml, else /). */
  base?: string | undefined;
  /** The day the copy is made (default now). */
  date?: Date | undefined;
}

/**
 * Packs the built site into one zip for a USB stick (see createOfflineZip),
 * printing progress for big sites and what was written. Returns 0, or 1 when
 * the zip could not be written.
 * @throws CliError 1 when there is no built site or the zip's folder is missing,
 * 2 for a bad base path or a zip that is not a .zip or would lie inside the site.
 */
export function makeOfflineZip(
  options: MakeOfflineZipOptions,
  output: CliOutput = console,
): number {
  const content = contentDir(process.cwd(), options.content);
  output.log(knowledgeBaseLine(content));
  const root = resolve(options.root ?? defaultSiteDir(content));
  if (!existsSync(join(root, "index.html")) || !statSync(root).isDirectory()) {
    throw new CliError(
      1,
      `No built site in ${root}.`,
      "Run npm run build first, or point --root at the built folder.",
    );
  }
  const settings = siteSettings(content);
  let base: string;
  try {
    base = normalizeBase(options.base ?? settings.base);
  } catch (error) {
    throw new CliError(2, (error as Error).message);
  }
  const date = options.date ?? new Date();
  const out = resolve(options.out ?? offlineZipName(date));
  if (!out.toLowerCase().endsWith(".zip")) {
    throw new CliError(2, `--out must name a .zip file, not "${options.out}".`);
  }
  if (!existsSync(dirname(out)))
    throw new CliError(1, `The folder ${dirname(out)} does not exist.`);
  if (out.startsWith(`${root}/`) || out.startsWith(`${root}\\`)) {
    throw new CliError(
      2,
      `Write the zip outside the site folder ${root}, or it would contain itself.`,
      undefined,
      { help: false },
    );
  }

  const started = performance.now();
  let shown = 0;
  try {
    const result = createOfflineZip({
      root,
      out,
      base,
      siteName: settings.name,
      date,
      onProgress(done, total) {
        const step = Math.floor((done / total) * 10);
        if (step > shown && total > 500) {
          shown = step;
          output.log(`  ${step * 10}% (${done} of ${total} files)`);
        }
      },
    });
    const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    output.log(
      `Wrote ${result.file} (${megabytes} MB, ${result.entries.length} files) in ${seconds} s.\n` +
        `Copy it to a USB stick; ${README_NAME} inside explains how to open it without internet.`,
    );
    const warning = sizeWarning(result.bytes, root, settings.zipMaxMB);
    if (warning) output.error(warning);
    return EXIT.ok;
  } catch (error) {
    output.error(`Could not write ${out}: ${(error as Error).message}`);
    return EXIT.content;
  }
}

/** The default of site.yaml's `media.offlineZipMaxMB`: what fits a 4 GB USB stick with room to spare. */
export const DEFAULT_ZIP_MAX_MB = 3500;

/**
 * A warning when the zip is larger than site.yaml's `media.offlineZipMaxMB`,
 * saying how much of it the media/ folder (videos, audio, documents) takes.
 */
export function sizeWarning(zipBytes: number, siteRoot: string, maxMB: number): string | undefined {
  if (zipBytes <= maxMB * 1024 * 1024) return undefined;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const media = mediaFiles(siteRoot).reduce((sum, file) => sum + file.size, 0);
  return (
    `Warning: the zip is ${mb(zipBytes)} MB, more than the ${maxMB} MB set in site.yaml (media.offlineZipMaxMB); ` +
    `the media/ folder (video, audio, documents) takes ${mb(media)} MB of it.\n` +
    "  Make large videos smaller (e.g. ffmpeg -i in.mp4 -vf scale=-2:720 -crf 28 out.mp4), or raise media.offlineZipMaxMB if the USB stick is larger."
  );
}

/** Site name, base path and zip size limit from site.yaml; a missing or broken file falls back to defaults. */
function siteSettings(dir: string): { name: string; base: string; zipMaxMB: number } {
  try {
    const data = parseYaml(readFileSync(join(dir, "site.yaml"), "utf8")) as {
      name?: unknown;
      base?: unknown;
      media?: { offlineZipMaxMB?: unknown } | null;
    } | null;
    const zipMaxMB = data?.media?.offlineZipMaxMB;
    return {
      name: typeof data?.name === "string" ? data.name : "Union KB",
      base: typeof data?.base === "string" ? data.base : "/",
      zipMaxMB: typeof zipMaxMB === "number" && zipMaxMB > 0 ? zipMaxMB : DEFAULT_ZIP_MAX_MB,
    };
  } catch {
    return { name: "Union KB", base: "/", zipMaxMB: DEFAULT_ZIP_MAX_MB };
  }
}
