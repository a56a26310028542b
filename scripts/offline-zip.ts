#!/usr/bin/env node
/** `npm run offline-zip`: pack the built site (dist/) into one zip for a USB stick. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { contentDir } from "../src/lib/kb/content-dir.ts";
import { createOfflineZip, offlineZipName } from "../src/lib/offline/offline-zip.ts";
import { README_NAME } from "../src/lib/offline/readme.ts";
import { normalizeBase } from "../src/lib/serve/request-path.ts";

const HELP = `Usage: npm run offline-zip -- [options]

Packs the built site (run npm run build first) into one zip file that can be
copied to a USB stick and opened on a computer without internet. The zip holds
${README_NAME} (how to open it on Windows with one double-click, or with Python
or Node), small start helpers and the site itself.

Options:
  --root <dir>     the built site folder (default dist)
  --out <file>     the zip to write (default union-kb-site-YYYY-MM-DD.zip in the current folder)
  --content <dir>  the content folder whose site.yaml gives the name and base path
                   (default: content, or $UNION_KB_CONTENT)
  --base <path>    URL path the site was built for (default: "base" in site.yaml, else /)
  -h, --help       show this help

Exit codes: 0 written, 1 no built site or cannot write, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  {
    root: { type: "string" },
    out: { type: "string" },
    content: { type: "string" },
    base: { type: "string" },
  },
  HELP,
);

/** Site name and base path from site.yaml; a missing or broken file falls back to defaults. */
function siteSettings(dir: string): { name: string; base: string } {
  try {
    const data = parseYaml(readFileSync(join(dir, "site.yaml"), "utf8")) as {
      name?: unknown;
      base?: unknown;
    } | null;
    return {
      name: typeof data?.name === "string" ? data.name : "Union KB",
      base: typeof data?.base === "string" ? data.base : "/",
    };
  } catch {
    return { name: "Union KB", base: "/" };
  }
}

const root = resolve(values.root ?? "dist");
if (!existsSync(join(root, "index.html")) || !statSync(root).isDirectory()) {
  console.error(
    `No built site in ${root}.\nRun npm run build first, or point --root at the built folder.`,
  );
  process.exit(EXIT.content);
}
const settings = siteSettings(values.content ? resolve(values.content) : contentDir());
let base: string;
try {
  base = normalizeBase(values.base ?? settings.base);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(EXIT.usage);
}
const date = new Date();
const out = resolve(values.out ?? offlineZipName(date));
if (!out.toLowerCase().endsWith(".zip")) {
  console.error(`--out must name a .zip file, not "${values.out}".\n\n${HELP}`);
  process.exit(EXIT.usage);
}
if (!existsSync(dirname(out))) {
  console.error(`The folder ${dirname(out)} does not exist.`);
  process.exit(EXIT.content);
}
if (out.startsWith(`${root}/`) || out.startsWith(`${root}\\`)) {
  console.error(`Write the zip outside the site folder ${root}, or it would contain itself.`);
  process.exit(EXIT.usage);
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
        console.log(`  ${step * 10}% (${done} of ${total} files)`);
      }
    },
  });
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote ${result.file} (${megabytes} MB, ${result.entries.length} files) in ${seconds} s.\n` +
      `Copy it to a USB stick; ${README_NAME} inside explains how to open it without internet.`,
  );
} catch (error) {
  console.error(`Could not write ${out}: ${(error as Error).message}`);
  process.exit(EXIT.content);
}
