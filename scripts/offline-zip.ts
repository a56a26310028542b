#!/usr/bin/env node
/** `npm run offline-zip`: pack the built site (dist/) into one zip for a USB stick. */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { makeOfflineZip } from "../src/lib/offline/make-offline-zip.ts";
import { README_NAME } from "../src/lib/offline/readme.ts";

const HELP = `Usage: npm run offline-zip -- [options]

Packs the built site (run npm run build first) into one zip file that can be
copied to a USB stick and opened on a computer without internet. The zip holds
${README_NAME} (how to open it on Windows with one double-click, or with Python
or Node), small start helpers and the site itself.

Options:
  --root <dir>     the built site folder (default: the knowledge base's dist/,
                   or dist for the sample content/)
  --out <file>     the zip to write (default union-kb-site-YYYY-MM-DD.zip in the current folder)
  --content <dir>  the knowledge base whose site.yaml gives the name and base
                   path (default: as for npm run build)
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

await exitWith(() => makeOfflineZip(values), HELP);
