import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkBuiltSite,
  checkBuiltSiteAside,
  checkBuiltSiteOnce,
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

  it("gives the last report again for the same site (a build with unchanged content), and checks a changed one", async () => {
    const cacheDir = join(dir, "..", `${dir.split("/").pop()}-cache`);
    try {
      const first = checkBuiltSiteOnce(dir, { cacheDir });
      expect(first).toEqual(report);
      // The kept report is what comes back while the site is the same: marked
      // here, so that a second check would show.
      const file = join(cacheDir, "union-kb-site-check.json");
      const kept = JSON.parse(readFileSync(file, "utf8"));
      kept.report.brokenLinks = [{ page: "/kept/", url: "/", problem: "missing-page" }];
      writeFileSync(file, JSON.stringify(kept));
      const same = await checkBuiltSiteAside(dir, { cacheDir });
      expect(same.brokenLinks).toEqual([{ page: "/kept/", url: "/", problem: "missing-page" }]);
      expect(same.uncovered).toEqual(report.uncovered);
      // One page's bytes, one stylesheet, one file more, another base: checked again.
      const changes: [string, () => void, () => void][] = [
        [
          "page",
          () => write("cases/index.html", "<p>職工</p>"),
          () => write("cases/index.html", "<p>職工〇</p>"),
        ],
        [
          "stylesheet",
          () => write("_astro/site.css", "body{}"),
          () => write("_astro/site.css", css),
        ],
        ["file", () => write("_astro/y.js", ""), () => rmSync(join(dir, "_astro/y.js"))],
      ];
      for (const [what, change, undo] of changes) {
        writeFileSync(file, JSON.stringify(kept));
        change();
        expect(checkBuiltSiteOnce(dir, { cacheDir }).brokenLinks, what).toEqual(report.brokenLinks);
        undo();
      }
      writeFileSync(file, JSON.stringify(kept));
      expect(checkBuiltSiteOnce(dir, { cacheDir, base: "/kb/" }).brokenLinks).not.toEqual(
        kept.report.brokenLinks,
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
