#!/usr/bin/env node
/**
 * `npm run handouts -- [course [lesson]]`: prints the handout views of a built
 * site to PDF with headless Chromium, into dist-handouts/. PDFs whose print page
 * has not changed since the last run are skipped unless --force.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import {
  HANDOUT_INDEX,
  type HandoutIndex,
  handoutHash,
  isUpToDate,
  MANIFEST_FILE,
  parseHandoutIndex,
  parseManifest,
  selectHandouts,
} from "../src/lib/handouts/jobs.ts";
import { isPaper, type Paper } from "../src/lib/handouts/page-css.ts";
import { createSiteServer } from "../src/lib/serve/index.ts";
import { joinBase } from "../src/lib/site/routes.ts";

const HELP = `Usage: npm run handouts -- [course [lesson]] [options]

Prints lecture handouts (the /print/ views of the built site) to PDF.
With no course, every course and every lesson is printed; with a course,
that course's handout and each of its lessons; with a lesson, just that lesson.

Options:
  --dist <dir>     the built site (default: dist; run npm run build first)
  --out <dir>      where to write the PDFs (default: dist-handouts)
  --paper <size>   A4 or Letter (default: what each lesson asks for, usually A4)
  --force          print again even when a PDF is up to date
  -h, --help       show this help

Exit codes: 0 done, 1 missing site or Chromium failure, 2 usage error.`;

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  {
    dist: { type: "string" },
    out: { type: "string" },
    paper: { type: "string" },
    force: { type: "boolean" },
  },
  HELP,
  true,
);

function usage(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(EXIT.usage);
}

if (positionals.length > 2) usage(`Too many arguments: ${positionals.join(" ")}`);
if (values.paper !== undefined && !isPaper(values.paper))
  usage(`--paper must be A4 or Letter, not "${values.paper}".`);
const paperOverride = values.paper as Paper | undefined;
const [courseArg, lessonArg] = positionals;
const dist = resolve(values.dist ?? "dist");
const out = resolve(values.out ?? "dist-handouts");

const indexFile = join(dist, HANDOUT_INDEX);
if (!existsSync(indexFile)) {
  console.error(
    existsSync(dist)
      ? `${dist} has no ${HANDOUT_INDEX}: it is not a Union KB site, or was built before handouts existed. Run npm run build first.`
      : `The built site ${dist} does not exist. Run npm run build first (or pass --dist <dir>).`,
  );
  process.exit(EXIT.content);
}

let index: HandoutIndex;
try {
  index = parseHandoutIndex(readFileSync(indexFile, "utf8"));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(EXIT.content);
}
const selection = selectHandouts(index, courseArg, lessonArg);
if (!selection.ok) usage(selection.message);
const { handouts } = selection;

const server = createSiteServer({ root: dist, base: index.base });
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

let browser: Browser | undefined;
const manifestFile = join(out, MANIFEST_FILE);
const manifest = parseManifest(
  existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : undefined,
);
const started = performance.now();
let printed = 0;
let skipped = 0;

try {
  mkdirSync(out, { recursive: true });
  for (const [i, handout] of handouts.entries()) {
    const paper = paperOverride ?? handout.paper;
    const progress = `[${i + 1}/${handouts.length}] ${handout.pdf}`;
    const html = readFileSync(join(dist, handout.path, "index.html"), "utf8");
    const hash = handoutHash(html, paper);
    const target = join(out, handout.pdf);
    if (!values.force && isUpToDate(manifest, handout.pdf, hash, existsSync(target))) {
      console.log(`${progress} skipped (unchanged)`);
      skipped++;
      continue;
    }
    // Loaded only when something must be printed: a run that skips everything stays quick.
    browser ??= await (await import("../src/lib/browser/launch.ts")).launchChromium();
    const pdf = await printPage(browser, `${origin}${joinBase(index.base, handout.path)}`, paper);
    mkdirSync(dirname(target), { recursive: true });
    // Written beside the target and renamed, so a crash never leaves half a PDF behind.
    const partial = `${target}.partial`;
    writeFileSync(partial, pdf);
    renameSync(partial, target);
    manifest[handout.pdf] = { hash, paper };
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`${progress} (${Math.round(pdf.byteLength / 1024)} KB)`);
    printed++;
  }
} catch (error) {
  console.error(`\nHandouts failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT.content;
} finally {
  await browser?.close();
  server.close();
}

if (!process.exitCode) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Printed ${printed}, skipped ${skipped} unchanged, into ${out} in ${seconds} s.`);
}

/**
 * Opens one print view and prints it. Requests leaving the local server are
 * refused: a handout must print the same on a machine with no network.
 */
async function printPage(browser: Browser, url: string, paper: Paper): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.route(
      (requested) => requested.origin !== origin,
      (route) => route.abort(),
    );
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
    // --paper overrides the size the content asked for; the later @page rule wins.
    if (paperOverride) await page.addStyleTag({ content: `@page { size: ${paper} portrait; }` });
    // Font subsets load per character used in the body; the page-number words live only in
    // @page margin boxes, so load their glyphs explicitly or they fall back to another font.
    await page.evaluate(async () => {
      await Promise.all([
        document.fonts.load('400 16px "Noto Sans SC"', "第页共0123456789/ Pageof"),
        document.fonts.load('700 16px "Noto Sans SC"', "第页共0123456789"),
      ]);
      await document.fonts.ready;
    });
    return await page.pdf({
      preferCSSPageSize: true,
      format: paper,
      printBackground: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await page.close();
  }
}
