/**
 * The search index begun while Astro renders (src/lib/search/early-index.ts)
 * and the render order that makes it possible (src/lib/astro/search-first.ts).
 * The index itself is a stand-in here: what is tested is which pages reach it,
 * in which order, and when the head start is thrown away.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { searchableFirst, searchFirstPrerenderer } from "../../src/lib/astro/search-first.ts";
import { indexWhileRendering } from "../../src/lib/search/early-index.ts";
import type { IndexStats } from "../../src/lib/search/indexer.ts";
import { type SearchablePage, searchablePages } from "../../src/lib/search/parts.ts";
import { pageFileOf } from "../../src/lib/search/searchable-routes.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-early-index-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const html = (body: string, searchable = true) =>
  `<!doctype html><html><body><main${searchable ? " data-pagefind-body" : ""}><h1>${body}</h1></main></body></html>`;

function site(name: string) {
  const root = join(temp, name);
  mkdirSync(root, { recursive: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return { root, write, listFile: join(temp, `${name}.list.json`) };
}

const STATS: IndexStats = {
  pages: 0,
  glossaryRecords: 0,
  articleRecords: 0,
  bytes: 0,
  fragments: 0,
  files: 0,
  seconds: 0,
  parts: 1,
};

/** Runs indexWhileRendering with a stand-in index that records what it was given. */
function start(s: ReturnType<typeof site>, astroDone: Promise<unknown>) {
  const given: string[][] = [];
  const lines: string[] = [];
  const outputPath = join(s.root, "pagefind");
  const early = indexWhileRendering({
    root: s.root,
    listFile: s.listFile,
    outputPath,
    astroDone,
    index: async (pages: readonly SearchablePage[], out: string) => {
      given.push(pages.map((p) => p.path));
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "index.txt"), "x");
      return { ...STATS, pages: pages.length };
    },
    log: (line) => lines.push(line),
  });
  return { early, given, lines, outputPath };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("indexing while Astro renders", () => {
  it("waits for every listed page, written whole, and indexes them sorted by path", async () => {
    const s = site("whole");
    const astro = deferred();
    const { early, given, lines, outputPath } = start(s, astro.promise);
    await sleep(100);
    writeFileSync(s.listFile, JSON.stringify(["courses/b/index.html", "cases/a/index.html"]));
    s.write("courses/b/index.html", html("B"));
    // Half a page: not read until it ends with </html>.
    s.write("cases/a/index.html", html("A").slice(0, 40));
    await sleep(150);
    expect(given).toEqual([]);
    s.write("cases/a/index.html", html("A"));
    await sleep(150);
    expect(given).toEqual([["cases/a/index.html", "courses/b/index.html"]]);
    // Astro renders the pages that are not searched after them.
    s.write("print/b/index.html", html("print", false));
    astro.resolve();
    const settled = await early.settle(searchablePages(s.root));
    expect(settled?.stats.pages).toBe(2);
    expect(existsSync(join(outputPath, "index.txt"))).toBe(true);
    expect(existsSync(s.listFile)).toBe(false);
    expect(lines).toEqual([]);
  });

  it("throws the head start away when the finished site has another searchable page", async () => {
    const s = site("more");
    const { early, lines, outputPath } = start(s, Promise.resolve());
    writeFileSync(s.listFile, JSON.stringify(["cases/a/index.html"]));
    s.write("cases/a/index.html", html("A"));
    await sleep(150);
    s.write("glossary/index.html", html("glossary"));
    expect(await early.settle(searchablePages(s.root))).toBeUndefined();
    expect(lines.join("\n")).toMatch(/not used \(it read 1 pages; the site has 2 searchable pages/);
    expect(existsSync(outputPath)).toBe(false);
  });

  it("throws it away when a page changed after it was read", async () => {
    const s = site("changed");
    const { early } = start(s, Promise.resolve());
    writeFileSync(s.listFile, JSON.stringify(["cases/a/index.html"]));
    s.write("cases/a/index.html", html("A"));
    await sleep(150);
    s.write("cases/a/index.html", html("A, rendered again"));
    expect(await early.settle(searchablePages(s.root))).toBeUndefined();
  });

  it("gives up when Astro ends before it lists the pages", async () => {
    const s = site("no-list");
    const { early, given, lines } = start(s, Promise.resolve());
    s.write("cases/a/index.html", html("A"));
    expect(await early.settle(searchablePages(s.root))).toBeUndefined();
    expect(given).toEqual([]);
    expect(lines.join("\n")).toMatch(/ended before it listed the searchable pages/);
  });

  it("gives up when Astro ends (for example fails) without writing a listed page", async () => {
    const s = site("missing");
    const astro = deferred();
    const { early, given, lines } = start(s, astro.promise);
    writeFileSync(s.listFile, JSON.stringify(["cases/a/index.html", "cases/b/index.html"]));
    s.write("cases/a/index.html", html("A"));
    await sleep(100);
    astro.resolve();
    expect(await early.settle(searchablePages(s.root))).toBeUndefined();
    expect(given).toEqual([]);
    expect(lines.join("\n")).toMatch(/without writing cases\/b\/index\.html/);
  });

  it("leaves out a listed page without the search mark (a route's redirect page)", async () => {
    const s = site("unmarked");
    const { early, given, lines } = start(s, Promise.resolve());
    writeFileSync(
      s.listFile,
      JSON.stringify(["policies/law/index.html", "policies/law-2022/index.html"]),
    );
    s.write("policies/law/index.html", html("redirect", false));
    s.write("policies/law-2022/index.html", html("law"));
    expect((await early.settle(searchablePages(s.root)))?.stats.pages).toBe(1);
    expect(given).toEqual([["policies/law-2022/index.html"]]);
    expect(lines).toEqual([]);
  });
});

describe("the render order", () => {
  const path = (pathname: string, component: string, type = "page") =>
    ({ pathname, route: { component, type } }) as unknown as Parameters<
      typeof searchableFirst
    >[0][number];

  it("puts the searchable routes' pages first, each group in Astro's order, and lists their files", () => {
    const paths = [
      path("/print/courses/a/", "src/pages/print/courses/[course]/index.astro"),
      path("/courses/a/", "src/pages/courses/[course]/index.astro"),
      path("/en/", "src/pages/[...locale]/index.astro"),
      path("/courses/a/l1/", "src/pages/courses/[course]/[lesson].astro"),
      path("/glossary/", "src/pages/[...locale]/glossary/index.astro"),
      path("/en/glossary/", "src/pages/[...locale]/glossary/index.astro"),
      path("/calendar.ics", "src/pages/[calendar].ics.ts", "endpoint"),
    ];
    const { paths: ordered, searchable } = searchableFirst(paths);
    expect(ordered.map((p) => p.pathname)).toEqual([
      "/courses/a/",
      "/courses/a/l1/",
      "/glossary/",
      "/en/glossary/",
      "/print/courses/a/",
      "/en/",
      "/calendar.ics",
    ]);
    expect(searchable).toEqual([
      "courses/a/index.html",
      "courses/a/l1/index.html",
      "glossary/index.html",
      "en/glossary/index.html",
    ]);
  });

  it("names the file Astro writes for a path", () => {
    expect(pageFileOf("/")).toBe("index.html");
    expect(pageFileOf("/cases/x/")).toBe("cases/x/index.html");
    expect(pageFileOf("/cases/x")).toBe("cases/x/index.html");
  });

  it("wraps Astro's prerenderer: the paths alone (Astro 7.3) or with their metadata (7.4)", async () => {
    const paths = [
      path("/print/courses/a/", "src/pages/print/courses/[course]/index.astro"),
      path("/cases/x/", "src/pages/cases/[case].astro"),
    ];
    const listFile = join(temp, "wrapped.json");
    for (const returned of [paths, { paths, metadata: { staticImages: [] } }]) {
      rmSync(listFile, { force: true });
      const inner = {
        name: "astro:default",
        getStaticPaths: async () => returned,
        render: async () => new Response("x"),
      } as unknown as Parameters<ReturnType<typeof searchFirstPrerenderer>>[0];
      const wrapped = searchFirstPrerenderer(listFile)(inner);
      const result = (await wrapped.getStaticPaths()) as unknown;
      const ordered = Array.isArray(result) ? result : (result as { paths: unknown[] }).paths;
      expect(ordered.map((p) => (p as { pathname: string }).pathname)).toEqual([
        "/cases/x/",
        "/print/courses/a/",
      ]);
      if (!Array.isArray(returned))
        expect((result as { metadata: unknown }).metadata).toEqual(returned.metadata);
      expect(JSON.parse(readFileSync(listFile, "utf8"))).toEqual(["cases/x/index.html"]);
      expect(wrapped.render).toBe(inner.render);
    }
  });
});
