/**
 * End-to-end harness: builds the valid fixture site once (cached by a hash of the
 * sources and the fixture), serves it on 127.0.0.1 with the project's own server and
 * drives a headless Chromium through playwright-core.
 *
 * ```ts
 * const site = await startSite();            // in beforeAll
 * const page = await site.newPage();
 * await page.goto(site.url("/courses/"));
 * await site.close();                        // in afterAll
 * ```
 *
 * Set `UNION_KB_E2E_SITE=<built dist folder>` to run the browser tests against a site
 * that is already built (for example the sample content in `dist/`).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Response,
} from "playwright-core";
import { launchChromium } from "../../src/lib/browser/launch.ts";
import { width } from "../../src/lib/cli/width.ts";
import { createSiteServer } from "../../src/lib/serve/index.ts";
import { fixtureContent, ROOT, VALID_CONTENT } from "./fixtures.ts";

const run = promisify(execFile);

/** Files and folders whose contents decide what the fixture build looks like. */
const BUILD_INPUTS = [
  "src",
  "scripts",
  "public",
  "astro.config.ts",
  "package-lock.json",
  "tsconfig.json",
  relative(ROOT, VALID_CONTENT),
];
const CACHE = join(tmpdir(), "union-kb-e2e");
/** Part of the cache key: raise it when what a cached build folder holds changes (v2: build.log). */
const CACHE_FORMAT = "2";
/** Cached builds nobody has touched for this long are removed. */
const STALE_MS = 6 * 60 * 60 * 1000;
/** A build lock older than this belongs to a crashed run. */
const LOCK_STALE_MS = 10 * 60 * 1000;

/** A running fixture site with a browser. */
export interface Site {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** The built site folder that is served. */
  root: string;
  /** The shared headless Chromium; prefer {@link Site.newPage}, which is cleaned up for you. */
  browser: Browser;
  /** Absolute URL of a root-relative path such as `/courses/`. */
  url(path: string): string;
  /**
   * Opens a page in a fresh browser context (own cookies, media emulation, viewport).
   * Default viewport 1280×800. Contexts are closed by {@link Site.close}.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes every context, the browser and the server. */
  close(): Promise<void>;
}

/** Options for {@link startSite}. */
export interface StartSiteOptions {
  /** Serve this built folder instead of building the fixture. */
  root?: string;
  /**
   * Use this Chromium (e.g. another Site's `browser`) instead of launching one; it is left
   * open by {@link Site.close}, only this site's contexts are closed.
   */
  browser?: Browser;
}

/**
 * Builds (or reuses) the fixture site, serves it on a free port of 127.0.0.1 and launches
 * Chromium. Call once per test file, in `beforeAll`, and `close()` it in `afterAll`.
 */
export async function startSite(options: StartSiteOptions = {}): Promise<Site> {
  const root = options.root ?? (await siteRoot());
  const server = createSiteServer({ root });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let browser: Browser;
  try {
    browser = options.browser ?? (await launchChromium());
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    origin,
    root,
    browser,
    url: (path) => new URL(path, `${origin}/`).href,
    async newPage(contextOptions = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...contextOptions,
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      if (!options.browser) await browser.close().catch(() => undefined);
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Path of the built valid fixture site, or of the valid fixture with an `extra/<scenario>`
 * laid over it. The first caller builds it with `scripts/build.ts`;
 * later callers (other test files, other workers, the next test run) reuse it as long as
 * no source file or fixture file changed. Parallel workers wait for one shared build.
 * The folder is shared: read it, serve it or copy it, never write into it.
 */
export async function buildFixtureSite(scenario?: string): Promise<string> {
  const key = buildKey(scenario);
  const dir = join(CACHE, key);
  const site = join(dir, "site");
  const ready = join(dir, "ready");
  const lock = join(CACHE, `${key}.lock`);
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(ready)) return site;
    if (takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    if (existsSync(ready)) return site;
    removeStaleBuilds(key);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const content = fixtureContent(scenario, "extra");
    try {
      // Astro's content cache (node_modules/.astro/data-store.json) is shared by every build of
      // this checkout and keeps the file path of each unchanged entry: after another build of
      // the same fixture from a temp folder that is gone now, ours fails to import that path.
      // A failed build is retried once with the cache removed (a cold build, a few seconds).
      for (let attempt = 1; ; attempt++) {
        try {
          const { stdout, stderr } = await run(
            process.execPath,
            [join(ROOT, "scripts/build.ts"), "--content", content, "--out", site],
            {
              cwd: ROOT,
              env: { ...process.env, NO_COLOR: "1" },
              maxBuffer: 64 * 1024 * 1024,
              timeout: 600_000,
            },
          );
          writeFileSync(join(dir, "build.log"), `${stdout}${stderr}`);
          break;
        } catch (error) {
          if (attempt < 2) {
            rmSync(join(ROOT, "node_modules/.astro/data-store.json"), { force: true });
            continue;
          }
          const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
          throw new Error(`Building the fixture site failed:\n${stdout}${stderr || String(error)}`);
        }
      }
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
    writeFileSync(ready, new Date().toISOString());
    return site;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * What `scripts/build.ts` printed (stdout then stderr) when it built {@link buildFixtureSite}'s
 * site for this scenario: for tests that check the log of a plain fixture build without
 * building again. The build is made first when it is not cached.
 */
export async function fixtureBuildLog(scenario?: string): Promise<string> {
  const site = await buildFixtureSite(scenario);
  return readFileSync(join(site, "..", "build.log"), "utf8");
}

/**
 * The built site the browser tests run against: `$UNION_KB_E2E_SITE` or the cached fixture build.
 * Test files call it at the top level so they can make one test per discovered page.
 */
export async function siteRoot(): Promise<string> {
  return process.env.UNION_KB_E2E_SITE ?? (await buildFixtureSite());
}

/** mkdir is atomic: whoever creates the lock folder builds; a lock left by a crash expires. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS)
        rmSync(lock, { recursive: true, force: true });
    } catch {
      // The other builder just finished and removed it.
    }
    return false;
  }
}

function removeStaleBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    if (name === keep || name.endsWith(".lock")) continue;
    const path = join(CACHE, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/** sha256 over the names and bytes of every build input, so any edit means a new build. */
function buildKey(scenario?: string): string {
  const hash = createHash("sha256");
  hash.update(`format ${CACHE_FORMAT}\0`);
  const inputs = scenario ? [...BUILD_INPUTS, `tests/fixtures/extra/${scenario}`] : BUILD_INPUTS;
  for (const input of inputs) {
    for (const file of listFiles(join(ROOT, input))) {
      hash.update(relative(ROOT, file).split(sep).join("/"));
      hash.update("\0");
      hash.update(readFileSync(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** Kinds of page the site has; `other:<section>` covers sections added later. */
export type PageType =
  | "home"
  | "courses"
  | "course"
  | "lesson"
  | "policies"
  | "policy"
  | "cases"
  | "case"
  | "topics"
  | "topic"
  | "glossary"
  | "search"
  | "print-course"
  | "print-lesson"
  | "404"
  | "list-filter"
  | `other:${string}`;

/** One page chosen to stand for its type and locale. */
export interface PageSample {
  type: PageType;
  locale: "zh-CN" | "en";
  /** Root-relative path to open; for `404` a path that does not exist. */
  path: string;
  /** `zh-CN /courses/` style label for tables and test names. */
  label: string;
  /** HTTP status the server answers with: 404 for the made-up path of the 404 sample. */
  status: number;
}

/** Every page path the built site has (`/`, `/courses/`, …), found on disk, sorted. */
export function sitePaths(root: string): string[] {
  return listFiles(root)
    .filter((file) => file.endsWith(`${sep}index.html`))
    .map((file) =>
      `/${relative(root, file).split(sep).slice(0, -1).join("/")}/`.replace(/^\/\/$/, "/"),
    )
    .sort();
}

/** Sorts a root-relative page path into its page type. */
export function classifyPath(path: string): PageType {
  const parts = path
    .replace(/^\/en\//, "/")
    .split("/")
    .filter(Boolean);
  const [section, first, second] = parts;
  if (!section) return "home";
  if (section === "404") return "404";
  // Filtered lists (/courses/filter/audience/x/) share one template: one sample covers them.
  if (first === "filter") return "list-filter";
  const lists: Record<string, [PageType, PageType | undefined, PageType | undefined]> = {
    courses: ["courses", "course", "lesson"],
    policies: ["policies", "policy", undefined],
    cases: ["cases", "case", undefined],
    topics: ["topics", "topic", undefined],
    glossary: ["glossary", undefined, undefined],
    search: ["search", undefined, undefined],
  };
  const known = lists[section];
  if (known) {
    const type = known[parts.length - 1];
    if (type) return type;
  }
  if (section === "print" && first === "courses" && parts.length === 3) return "print-course";
  if (section === "print" && first === "courses" && parts.length === 4 && second)
    return "print-lesson";
  return `other:${parts.slice(0, Math.min(parts.length, 2)).join("/")}`;
}

/**
 * One sample page per page type and locale, discovered from the built site, so page types
 * added later are covered without editing the tests. Policies with full text (article
 * anchors) and courses with lessons are preferred as samples.
 */
export function samplePages(root: string): PageSample[] {
  const byKey = new Map<
    string,
    { type: PageType; locale: PageSample["locale"]; paths: string[] }
  >();
  for (const path of sitePaths(root)) {
    const locale = path.startsWith("/en/") ? "en" : "zh-CN";
    const type = classifyPath(path);
    const key = `${locale} ${type}`;
    const entry = byKey.get(key) ?? { type, locale, paths: [] };
    entry.paths.push(path);
    byKey.set(key, entry);
  }
  const richness = (path: string) => {
    const html = readFileSync(join(root, path, "index.html"), "utf8");
    return (html.match(/id="art-\d+/g)?.length ?? 0) + (html.match(/<a /g)?.length ?? 0) / 1000;
  };
  const samples: PageSample[] = [...byKey.values()].map(({ type, locale, paths }) => {
    const path =
      paths.length === 1
        ? (paths[0] as string)
        : ([...paths].sort((a, b) => richness(b) - richness(a))[0] as string);
    return { type, locale, path, label: `${locale} ${path}`, status: 200 };
  });
  // The server answers unknown paths with the root 404.html (status 404); an English
  // 404 page, when built, is found above as /en/404/.
  if (existsSync(join(root, "404.html")))
    samples.push({
      type: "404",
      locale: "zh-CN",
      path: "/no-such-page/",
      label: "zh-CN /no-such-page/ (404)",
      status: 404,
    });
  const rank = (s: PageSample) => {
    const index = TYPE_ORDER.indexOf(s.type);
    return String(index < 0 ? TYPE_ORDER.length : index).padStart(3, "0");
  };
  const order = (s: PageSample) => `${s.locale === "en" ? 1 : 0} ${rank(s)} ${s.path}`;
  return samples.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

const TYPE_ORDER: PageType[] = [
  "home",
  "courses",
  "course",
  "lesson",
  "policies",
  "policy",
  "cases",
  "case",
  "topics",
  "topic",
  "glossary",
  "search",
  "print-course",
  "print-lesson",
  "404",
  "list-filter",
];

/** The page types issue 9 requires; the tests report which of them the build does not have yet. */
export const REQUIRED_TYPES: readonly PageType[] = TYPE_ORDER.filter(
  (type) => type !== "list-filter",
);

/** Required page types (per locale) the built site does not have, for `it.skip` notes. */
export function missingTypes(samples: PageSample[]): string[] {
  const missing: string[] = [];
  for (const locale of ["zh-CN", "en"] as const)
    for (const type of REQUIRED_TYPES)
      if (!samples.some((s) => s.locale === locale && s.type === type))
        missing.push(`${locale} ${type}`);
  return missing;
}

/** Prints rows as an aligned plain-text table (for test output and CI logs). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Opens a sample page and waits until it is loaded and its fonts are ready. For the search
 * page, types a query that the fixture matches so the results are part of what is tested.
 */
export async function openSample(
  page: Page,
  site: Site,
  sample: PageSample,
): Promise<Response | null> {
  const response = await page.goto(site.url(sample.path), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (sample.type === "search") await runSearch(page, sample.locale === "en" ? "training" : "培训");
  return response;
}

/** Types into the search page's box and waits for results (the fixture has several matches). */
export async function runSearch(page: Page, query: string): Promise<void> {
  const box = page.locator('input[type="search"], input[name="q"]').first();
  await box.waitFor({ state: "visible", timeout: 10_000 });
  await box.fill(query);
  await box.press("Enter").catch(() => undefined);
  // Our search page renders into [data-search-results]; Pagefind's default UI as a fallback.
  await page
    .locator("[data-search-results] a[href], .pagefind-ui__result-link")
    .first()
    .waitFor({ state: "visible", timeout: 30_000 });
}
