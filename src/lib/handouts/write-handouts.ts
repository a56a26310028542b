import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import {
  contentDir,
  defaultHandoutsDir,
  defaultSiteDir,
  knowledgeBaseLine,
} from "../kb/content-dir.ts";
import { createSiteServer } from "../serve/index.ts";
import { joinBase } from "../site/routes.ts";
import {
  HANDOUT_INDEX,
  type HandoutIndex,
  handoutHash,
  isUpToDate,
  MANIFEST_FILE,
  parseHandoutIndex,
  parseManifest,
  selectHandouts,
} from "./jobs.ts";
import { isPaper, type Paper } from "./page-css.ts";
import { printPage } from "./print-page.ts";

/** `npm run handouts`' options, as typed on the command line. */
export interface WriteHandoutsOptions {
  /** Only this course's handout and its lessons (default: every course). */
  course?: string | undefined;
  /** Only this lesson of `course`. */
  lesson?: string | undefined;
  /** The knowledge base whose site is printed (default: as `npm run build`). */
  content?: string | undefined;
  /** The built site (default: the knowledge base's dist/, or dist for the sample). */
  dist?: string | undefined;
  /** Where the PDFs go (default: dist-handouts next to the site's default folder). */
  out?: string | undefined;
  /** A4 or Letter over what each lesson asks for. */
  paper?: string | undefined;
  /** Print again even when a PDF is up to date. */
  force?: boolean | undefined;
  /**
   * The address the QR codes and printed links point to, like site.yaml `url`
   * (e.g. http://192.168.1.20:8080 for a LAN server); default: the address the
   * site was built with.
   */
  url?: string | undefined;
  /** No note-taking space and no new page per lesson: a shorter course handout. */
  compact?: boolean | undefined;
}

/**
 * The address given with --url, checked: http or https, no query or fragment.
 * Returned without a trailing slash, as site.yaml `url` is used.
 * @throws CliError 2 for anything else.
 */
export function qrAddress(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    !/^https?:$/.test(parsed.protocol) ||
    parsed.search ||
    parsed.hash ||
    parsed.username
  ) {
    throw new CliError(
      2,
      `--url must be a web address such as http://192.168.1.20:8080 (http or https, no ?query or #fragment), not "${url}".`,
    );
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, "");
}

/**
 * Prints the handout views of a built site to PDF with headless Chromium, one
 * progress line per PDF. PDFs whose print page has not changed since the last
 * run are skipped unless `force`. Returns 0, or 1 when printing failed.
 * @throws CliError 2 for a bad paper size or an unknown course or lesson, 1 when
 * `dist` is not a built Union KB site.
 */
export async function writeHandouts(
  options: WriteHandoutsOptions,
  output: CliOutput = console,
): Promise<number> {
  if (options.paper !== undefined && !isPaper(options.paper)) {
    throw new CliError(2, `--paper must be A4 or Letter, not "${options.paper}".`);
  }
  const paperOverride = options.paper as Paper | undefined;
  const siteUrl = options.url === undefined ? undefined : qrAddress(options.url);
  const compact = options.compact === true;
  const content = contentDir(process.cwd(), options.content);
  output.log(knowledgeBaseLine(content));
  const dist = resolve(options.dist ?? defaultSiteDir(content));
  const out = resolve(options.out ?? defaultHandoutsDir(content));
  const index = readIndex(dist);
  const selection = selectHandouts(index, options.course, options.lesson);
  if (!selection.ok) throw new CliError(2, selection.message);

  const server = createSiteServer({ root: dist, base: index.base });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { handouts } = selection;
  let browser: Browser | undefined;
  const manifestFile = join(out, MANIFEST_FILE);
  const manifest = parseManifest(
    existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : undefined,
  );
  const builtWith = index.url?.replace(/\/+$/, "");
  output.log(
    siteUrl
      ? `QR codes and links point to ${siteUrl}${index.base} (--url).`
      : `QR codes and links point to ${builtWith ? `${builtWith}${index.base}` : "the address the site was built with"} (site.yaml url; change with --url).`,
  );
  if (compact)
    output.log("Compact: no note-taking space; lessons follow each other without a new page.");
  const started = performance.now();
  let printed = 0;
  let skipped = 0;
  try {
    mkdirSync(out, { recursive: true });
    for (const [i, handout] of handouts.entries()) {
      // A poster is laid out for its own paper (A3 or A4): --paper does not change it.
      const override = handout.kind === "poster" ? undefined : paperOverride;
      const paper = override ?? handout.paper;
      const progress = `[${i + 1}/${handouts.length}] ${handout.pdf}`;
      const html = readFileSync(join(dist, handout.path, "index.html"), "utf8");
      const hash = handoutHash(html, paper, { url: siteUrl, compact });
      const target = join(out, handout.pdf);
      if (!options.force && isUpToDate(manifest, handout.pdf, hash, existsSync(target))) {
        output.log(`${progress} skipped (unchanged)`);
        skipped++;
        continue;
      }
      // Loaded only when something must be printed: a run that skips everything stays quick.
      browser ??= await (await import("../browser/launch.ts")).launchChromium();
      const pdf = await printPage(browser, {
        url: `${origin}${joinBase(index.base, handout.path)}`,
        origin,
        paper,
        paperOverride: override !== undefined,
        landscape: handout.orientation === "landscape",
        siteUrl,
        compact,
      });
      writeAtomically(target, pdf);
      manifest[handout.pdf] = { hash, paper };
      writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      output.log(`${progress} (${Math.round(pdf.byteLength / 1024)} KB)`);
      printed++;
    }
  } catch (error) {
    output.error(`\nHandouts failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.content;
  } finally {
    await browser?.close();
    server.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.log(`Printed ${printed}, skipped ${skipped} unchanged, into ${out} in ${seconds} s.`);
  return EXIT.ok;
}

/** The list of handouts the build wrote into the site. */
function readIndex(dist: string): HandoutIndex {
  const indexFile = join(dist, HANDOUT_INDEX);
  if (!existsSync(indexFile)) {
    throw new CliError(
      1,
      existsSync(dist)
        ? `${dist} has no ${HANDOUT_INDEX}: it is not a Union KB site, or was built before handouts existed. Run npm run build first.`
        : `The built site ${dist} does not exist. Run npm run build first (or pass --dist <dir>).`,
    );
  }
  try {
    return parseHandoutIndex(readFileSync(indexFile, "utf8"));
  } catch (error) {
    throw new CliError(1, error instanceof Error ? error.message : String(error));
  }
}

/** Written beside the target and renamed, so a crash never leaves half a PDF behind. */
function writeAtomically(target: string, pdf: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  writeFileSync(partial, pdf);
  renameSync(partial, target);
}
