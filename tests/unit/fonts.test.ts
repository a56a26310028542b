import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { familyRanges, uncoveredCharacters } from "../../src/lib/fonts/font-coverage.ts";
import { narrowFontFaces } from "../../src/lib/fonts/narrow-font-faces.ts";
import { siteCharacters } from "../../src/lib/fonts/site-characters.ts";
import {
  formatUnicodeRange,
  inRanges,
  intersectRanges,
  parseUnicodeRange,
  rangesOf,
} from "../../src/lib/fonts/unicode-range.ts";

const codes = (text: string) => [...text].map((c) => c.codePointAt(0) ?? 0);

describe("unicode-range values", () => {
  it("parses single code points, ranges and wildcards, sorted and merged", () => {
    expect(parseUnicodeRange("U+4e91, U+4E00-4E8F,u+4e90,U+3??")).toEqual([
      [0x300, 0x3ff],
      [0x4e00, 0x4e91],
    ]);
  });

  it("intersects and writes ranges back", () => {
    const slice = parseUnicodeRange("U+4e00-4e10,U+5000-5010");
    const used = rangesOf(codes("一丁七万丈三上下倀倁"));
    const kept = intersectRanges(slice, used);
    expect(formatUnicodeRange(kept)).toBe("U+4e00-4e01,U+4e03,U+4e07-4e0b,U+5000-5001");
    expect(inRanges(0x4e03, kept)).toBe(true);
    expect(inRanges(0x4e02, kept)).toBe(false);
  });
});

describe("narrowFontFaces", () => {
  const require = createRequire(import.meta.url);
  const variable = readFileSync(
    require.resolve("@fontsource-variable/noto-sans-sc/index.css"),
    "utf8",
  );
  const print = readFileSync(require.resolve("@fontsource/noto-sans-sc/400.css"), "utf8");
  const used = rangesOf(codes("职工教育培训 Workers' education 第一条"));

  /** Every `unicode-range` of a stylesheet, by the font file it belongs to. */
  const faces = (css: string) =>
    [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => ({
      src: /src:\s*([^;]*);/.exec(m[1] ?? "")?.[1] ?? "",
      ranges: parseUnicodeRange(/unicode-range:\s*([^;]*);/.exec(m[1] ?? "")?.[1] ?? ""),
    }));

  it("keeps only the slices and code points the site uses", () => {
    const narrowed = faces(narrowFontFaces(variable, used));
    const cjk = narrowed.filter((f) => /sc-\d+-wght/.test(f.src));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.length).toBeLessThan(faces(variable).length / 4);
    // Each used Chinese character is in exactly one face, as before.
    for (const c of codes("职工教育培训第一条")) {
      const before = faces(variable)
        .filter((f) => inRanges(c, f.ranges))
        .map((f) => f.src);
      const after = narrowed.filter((f) => inRanges(c, f.ranges)).map((f) => f.src);
      expect(after).toEqual(before);
    }
    // A character the site does not use is no longer described.
    expect(narrowed.some((f) => /sc-\d+-wght/.test(f.src) && inRanges(0x9f98, f.ranges))).toBe(
      false,
    );
  });

  it("keeps the Latin slices whole, drops unused scripts and the woff fallbacks", () => {
    const narrowed = narrowFontFaces(print, used);
    for (const slice of ["latin-400", "latin-ext-400"]) {
      const kept = faces(narrowed).find((f) => f.src.includes(`-${slice}`));
      expect(kept?.ranges).toEqual(faces(print).find((f) => f.src.includes(`-${slice}`))?.ranges);
    }
    expect(narrowed).not.toContain("cyrillic");
    expect(narrowFontFaces(print, rangesOf(codes("Пролетарии")))).toContain("cyrillic-400");
    expect(narrowed).not.toMatch(/\.woff\)/);
    expect(narrowed).toMatch(/\.woff2\) format\('woff2'\)/);
    expect(narrowed.length).toBeLessThan(print.length / 5);
  });
});

describe("siteCharacters", () => {
  it("collects the characters of text files and skips other files", () => {
    const dir = mkdtempSync(join(tmpdir(), "union-kb-chars-"));
    writeFileSync(join(dir, "a.mdx"), "职工");
    writeFileSync(join(dir, "b.yaml"), "title: 教育");
    writeFileSync(join(dir, "c.png"), "图");
    const ranges = siteCharacters([dir]);
    for (const c of codes("职工教育t")) expect(inRanges(c, ranges)).toBe(true);
    expect(inRanges(codes("图")[0] ?? 0, ranges)).toBe(false);
  });
});

describe("font coverage of built pages", () => {
  const css = `@font-face{font-family:'Noto Sans SC Variable';src:url(a.woff2);unicode-range:U+4e00-4e01,U+5de5}
@font-face{font-family:'Other';src:url(b.woff2);unicode-range:U+804c}`;
  const covered = familyRanges([css], "Noto Sans SC Variable");

  it("reads the ranges of one family", () => {
    expect(formatUnicodeRange(covered)).toBe("U+4e00-4e01,U+5de5");
  });

  it("reports Chinese characters of the page text outside the font, not markup or Latin", () => {
    const html = `<html><head><style>.x{content:"职"}</style><script>"育"</script></head>
<body><p title="教">一丁工 &#x804c; workers</p><!-- 培 --></body></html>`;
    expect(uncoveredCharacters(html, covered)).toEqual(["职"]);
    expect(uncoveredCharacters("<p>一工</p>", covered)).toEqual([]);
  });
});
