import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BuiltSiteReport,
  checkBuiltSite,
  checkBuiltSiteAside,
} from "../../src/lib/dist/site-check.ts";

const dir = mkdtempSync(join(tmpdir(), "union-kb-site-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const css =
  "@font-face{font-family:'Noto Sans SC Variable';src:url(a.woff2);unicode-range:U+4e00-9fff}";

describe("checkBuiltSite (after every build)", () => {
  write("_astro/site.css", css);
  write(
    "index.html",
    `<link rel="stylesheet" href="/_astro/site.css"><a href="/courses/">课程</a><a href="/courses/#intro">导言</a>`,
  );
  write(
    "courses/index.html",
    `<h2 id="intro">导言</h2><a href="/missing/">缺</a><a href="/#top">顶</a>`,
  );
  write("cases/index.html", `<p>職工〇</p>`);
  write("_astro/x.js", "");
  // An inline script runs only when its hash is in the page's policy.
  const allowed = "console.log(1)";
  const hash = createHash("sha256").update(allowed).digest("base64");
  write(
    "topics/index.html",
    `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-${hash}'"><script>${allowed}</script><script src="/_astro/x.js"></script><script>document.body.dataset.x = "1"</script>`,
  );
  const report = checkBuiltSite(dir);

  it("finds every broken link and anchor, reading one page at a time", () => {
    expect(report.pages).toBe(4);
    expect(report.brokenLinks).toEqual([
      { page: "/courses/", url: "/missing/", problem: "missing-page" },
      { page: "/courses/", url: "/#top", problem: "missing-anchor" },
    ]);
  });

  it("reports Chinese characters the site font does not cover, with a page", () => {
    // 〇 (U+3007) is outside the font's range; the others are inside.
    expect([...report.uncovered]).toEqual([["〇", "/cases/"]]);
  });

  it("reports an inline script whose hash the page's Content-Security-Policy lacks", () => {
    expect(report.blockedScripts).toEqual([
      { page: "/topics/", script: 'document.body.dataset.x = "1"' },
    ]);
  });

  it("gives the same report from a worker thread, as the build runs it beside Pagefind", async () => {
    expect(await checkBuiltSiteAside(dir)).toEqual(report);
  });

  it("leaves out the search index's folder, which Pagefind may be writing meanwhile", () => {
    write("pagefind/pagefind-entry.json", "{}");
    write("pagefind/index.html", `<a href="/nowhere/">x</a>`);
    const again = checkBuiltSite(dir);
    expect(again.pages).toBe(report.pages);
    expect(again.brokenLinks).toEqual(report.brokenLinks);
    rmSync(join(dir, "pagefind"), { recursive: true });
  });

  it("keeps what it read from each page, and reads again only a page whose bytes changed", async () => {
    const cacheDir = join(dir, "..", `${dir.split("/").pop()}-cache`);
    const file = join(cacheDir, "union-kb-site-check.json");
    type Kept = {
      report: { brokenLinks: unknown[] };
      links: unknown[];
      pages: Record<string, [string, string[], number[], string[], string]>;
    };
    const readKept = (): Kept => JSON.parse(readFileSync(file, "utf8"));
    try {
      expect(checkBuiltSite(dir, { cacheDir })).toEqual(report);
      // The same site again: the report kept is the report given (marked
      // here, so that a second check would show).
      const kept = readKept();
      kept.report.brokenLinks = [{ page: "/kept/", url: "/", problem: "missing-page" }];
      writeFileSync(file, JSON.stringify(kept));
      const same = await checkBuiltSiteAside(dir, { cacheDir });
      expect(same.brokenLinks).toEqual([{ page: "/kept/", url: "/", problem: "missing-page" }]);
      expect(same.uncovered).toEqual(report.uncovered);

      // A page's facts are kept by its bytes: a kept link to a missing page
      // (marked in the file) is reported while the page is the same…
      const marked = readKept();
      const index = marked.links.push(["/gone/", "/gone/", ""]) - 1;
      marked.pages["/topics/"]?.[2].push(index);
      writeFileSync(file, JSON.stringify(marked));
      write("_astro/y.js", "");
      expect(checkBuiltSite(dir, { cacheDir }).brokenLinks).toEqual([
        ...report.brokenLinks,
        { page: "/topics/", url: "/gone/", problem: "missing-page" },
      ]);
      // …and gone once the page's bytes change and it is read again.
      const topics = readFileSync(join(dir, "topics/index.html"), "utf8");
      write("topics/index.html", `${topics}<a href="/courses/">课程</a>`);
      expect(checkBuiltSite(dir, { cacheDir }).brokenLinks).toEqual(report.brokenLinks);
      write("topics/index.html", topics);
      rmSync(join(dir, "_astro/y.js"));

      // A changed page, stylesheet or file is checked again against kept facts.
      const changes: [string, () => void, () => void, Partial<BuiltSiteReport>][] = [
        [
          "page",
          () => write("courses/index.html", `<h2 id="intro">导言</h2><a href="/#top">顶</a>`),
          () =>
            write(
              "courses/index.html",
              `<h2 id="intro">导言</h2><a href="/missing/">缺</a><a href="/#top">顶</a>`,
            ),
          { brokenLinks: [{ page: "/courses/", url: "/#top", problem: "missing-anchor" }] },
        ],
        [
          "stylesheet",
          () => write("_astro/site.css", css.replace("9fff", "9fff,U+3007")),
          () => write("_astro/site.css", css),
          { uncovered: new Map() },
        ],
        [
          "file",
          () => rmSync(join(dir, "_astro/x.js")),
          () => write("_astro/x.js", ""),
          {
            brokenLinks: [
              ...report.brokenLinks,
              { page: "/topics/", url: "/_astro/x.js", problem: "missing-page" },
            ],
          },
        ],
      ];
      for (const [what, change, undo, expected] of changes) {
        change();
        expect(checkBuiltSite(dir, { cacheDir }), what).toEqual({ ...report, ...expected });
        undo();
        expect(checkBuiltSite(dir, { cacheDir }), `${what} undone`).toEqual(report);
      }
      // A kept file cut short (a build stopped while writing it) is no file:
      // every page is read again and the file written whole.
      writeFileSync(file, readFileSync(file, "utf8").slice(0, 100));
      expect(checkBuiltSite(dir, { cacheDir })).toEqual(report);
      expect(Object.keys(readKept().pages)).toHaveLength(report.pages);
      // Another base path reads every page again.
      const before = readKept();
      checkBuiltSite(dir, { cacheDir, base: "/kb/" });
      expect(readKept().pages["/courses/"]?.[2].length).toBe(before.pages["/courses/"]?.[2].length);
      expect(readKept()).not.toEqual(before);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
