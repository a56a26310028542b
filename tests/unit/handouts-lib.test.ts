import { describe, expect, it } from "vitest";
import { interpolate } from "../../src/i18n/interpolate.ts";
import { bodyCitations, notesOfLesson, numberCitations } from "../../src/lib/handouts/citations.ts";
import {
  handoutHash,
  isUpToDate,
  parseHandoutIndex,
  parseManifest,
  selectHandouts,
} from "../../src/lib/handouts/jobs.ts";
import {
  cssString,
  isPaper,
  pageNumberContent,
  pageRules,
  posterPageRule,
  printableArea,
} from "../../src/lib/handouts/page-css.ts";
import { qrSvg } from "../../src/lib/handouts/qr.ts";
import { coursePaper } from "../../src/lib/handouts/text.ts";
import { absoluteUrl, latestDate, pdfPath, printPath } from "../../src/lib/handouts/urls.ts";
import { articleLabel } from "../../src/lib/law/article-label.ts";

const VEL = "vocational-education-law-2022";

describe("citations of a handout", () => {
  it("reads <Cite> elements from the body in reading order, ignoring code", () => {
    const body = [
      `见 <Cite policy="${VEL}" article={58} /> 和 <Cite policy="${VEL}" article={24} />。`,
      "```mdx",
      `<Cite policy="${VEL}" article={3} />`,
      "```",
    ].join("\n");
    expect(bodyCitations(body)).toEqual([
      { policy: VEL, article: 58 },
      { policy: VEL, article: 24 },
    ]);
    // Scanned once: a body asked for again (print view, course handout, policy page) is not parsed again.
    expect(bodyCitations(body)).toBe(bodyCitations(body));
    expect(bodyCitations(`${body}\n<Cite policy="${VEL}" article={9} />`)).toHaveLength(3);
  });

  it("numbers body citations first, then frontmatter-only ones, each article once per document", () => {
    const notes = numberCitations([
      {
        cites: [
          { policy: VEL, article: 24, note: "培训上岗" },
          { policy: VEL, article: 3 },
        ],
        body: `<Cite policy="${VEL}" article={24} />`,
      },
      {
        cites: [{ policy: VEL, article: 58 }],
        body: `<Cite policy="${VEL}" article={24} /><Cite policy="${VEL}" article={58} />`,
      },
    ]);
    expect(notes).toEqual([
      { number: 1, policy: VEL, article: 24, notes: ["培训上岗"] },
      { number: 2, policy: VEL, article: 3, notes: [] },
      { number: 3, policy: VEL, article: 58, notes: [] },
    ]);
  });

  it("gives each lesson of a course its own notes with the document's numbers", () => {
    const sources = [
      { cites: [{ policy: VEL, article: 24 }] },
      { cites: [{ policy: VEL, article: 58 }], body: `<Cite policy="${VEL}" article={24} />` },
    ];
    const notes = numberCitations(sources);
    expect(notesOfLesson(sources[1] ?? { cites: [] }, notes).map((n) => n.number)).toEqual([1, 2]);
  });
});

describe("page frame CSS", () => {
  it("gives a poster one portrait page of its paper without margin boxes", () => {
    expect(posterPageRule("A3")).toMatch(/^@page \{ size: A3 portrait; margin: 12mm; /);
    expect(posterPageRule("A4")).toContain("size: A4 portrait;");
    expect(posterPageRule("A3")).toContain("@bottom-center { content: none; }");
    // A3 lays out at √2 the width of A4 (inside the same handout margins).
    expect(Math.round(printableArea("A3").width)).toBe(Math.round(((297 - 32) * 96) / 25.4));
  });

  it("escapes strings for CSS content", () => {
    expect(cssString('say "hi" \\ now\nplease')).toBe('"say \\"hi\\" \\\\ now please"');
  });

  it("turns page-number templates into counters", () => {
    expect(pageNumberContent("第 {page} 页 / 共 {pages} 页")).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    );
    expect(pageNumberContent("Page {page} of {pages}")).toBe(
      '"Page " counter(page) " of " counter(pages)',
    );
  });

  it("sets size, running header and page numbers", () => {
    const css = pageRules({
      paper: "Letter",
      header: "测试市总工会",
      title: "讲义",
      pageNumber: "{page}/{pages}",
    });
    expect(css).toContain("size: Letter portrait");
    expect(css).toContain('@top-left { content: "测试市总工会"');
    expect(css).toContain('@bottom-center { content: counter(page) "/" counter(pages)');
    expect(css).toContain("@page :first");
  });

  it("knows the paper sizes", () => {
    expect(isPaper("A4")).toBe(true);
    expect(isPaper("a4")).toBe(false);
    expect(coursePaper(["Letter", "Letter"])).toBe("Letter");
    expect(coursePaper(["Letter", "A4"])).toBe("A4");
    expect(coursePaper([])).toBe("A4");
  });
});

describe("text and addresses", () => {
  it("fills placeholders and labels articles like the site", () => {
    expect(interpolate("第 {n} 课", { n: 2 })).toBe("第 2 课");
    expect(interpolate("{missing}", {})).toBe("{missing}");
    expect(articleLabel("职业教育法（2022）", 24)).toBe("《职业教育法》第二十四条");
  });

  it("builds absolute URLs with the base path", () => {
    expect(absoluteUrl("https://kb.example.org/", "/kb/", "/courses/x/")).toBe(
      "https://kb.example.org/kb/courses/x/",
    );
    expect(absoluteUrl("https://kb.example.org", "/", "/courses/x/y/")).toBe(
      "https://kb.example.org/courses/x/y/",
    );
    expect(printPath("x")).toBe("/print/courses/x/");
    expect(printPath("x", "y")).toBe("/print/courses/x/y/");
    expect(pdfPath("x")).toBe("courses/x.pdf");
    expect(pdfPath("x", "y")).toBe("courses/x/y.pdf");
  });

  it("finds the newest date", () => {
    expect(latestDate([new Date("2024-01-02"), new Date("2025-03-04")]).toISOString()).toBe(
      "2025-03-04T00:00:00.000Z",
    );
  });
});

describe("QR codes", () => {
  it("makes an inline, labelled SVG without an XML prolog", async () => {
    const svg = await qrSvg("https://kb.example.org/courses/x/", '二维码 "x" & <y>');
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="二维码 &quot;x&quot; &amp; &lt;y&gt;"');
    expect(svg).toMatch(/<svg[^>]*><title>二维码/);
    expect(svg).toContain("<path");
  });

  it("draws an address's code once, but names each copy by its own label", async () => {
    const url = "https://kb.example.org/courses/x/lesson/";
    const [first, second] = await Promise.all([qrSvg(url, "第一"), qrSvg(url, "second")]);
    const code = (svg: string) => svg.replace(/^<svg[^>]*><title>[^<]*<\/title>/, "");
    expect(first).toMatch(/aria-label="第一"[^>]*><title>第一<\/title>/);
    expect(second).toMatch(/aria-label="second"[^>]*><title>second<\/title>/);
    expect(code(first)).toBe(code(second));
    // Another address is another code.
    expect(code(await qrSvg("https://kb.example.org/courses/y/", "第一"))).not.toBe(code(first));
  });
});

describe("choosing and skipping handouts", () => {
  const index = parseHandoutIndex(
    JSON.stringify({
      base: "/",
      handouts: [
        { course: "a", title: "A", path: "/print/courses/a/", pdf: "courses/a.pdf", paper: "A4" },
        {
          course: "a",
          lesson: "one",
          title: "1",
          path: "/print/courses/a/one/",
          pdf: "courses/a/one.pdf",
          paper: "A4",
        },
        { course: "b", title: "B", path: "/print/courses/b/", pdf: "courses/b.pdf", paper: "A4" },
      ],
    }),
  );

  it("selects everything, a course or a lesson", () => {
    const pick = (c?: string, l?: string) => {
      const s = selectHandouts(index, c, l);
      return s.ok ? s.handouts.map((h) => h.pdf) : s.message;
    };
    expect(pick()).toHaveLength(3);
    expect(pick("a")).toEqual(["courses/a.pdf", "courses/a/one.pdf"]);
    expect(pick("a", "one")).toEqual(["courses/a/one.pdf"]);
    expect(pick("c")).toBe('There is no course "c" in the built site. Courses: a, b.');
    expect(pick("a", "two")).toBe('Course "a" has no lesson "two". Lessons: one.');
  });

  it("rejects something that is not an index", () => {
    expect(() => parseHandoutIndex("[]")).toThrow(/not a handout index/);
  });

  it("skips a PDF only when it exists and its page and paper are unchanged", () => {
    const hash = handoutHash("<html>", "A4");
    expect(hash).not.toBe(handoutHash("<html>", "Letter"));
    expect(hash).not.toBe(handoutHash("<html >", "A4"));
    // --url and --compact change the print: a PDF made without them is printed again.
    expect(hash).not.toBe(handoutHash("<html>", "A4", { compact: true }));
    expect(hash).not.toBe(handoutHash("<html>", "A4", { url: "http://192.168.1.20:8080" }));
    expect(hash).toBe(handoutHash("<html>", "A4", { compact: false }));
    const manifest = parseManifest(JSON.stringify({ "courses/a.pdf": { hash, paper: "A4" } }));
    expect(isUpToDate(manifest, "courses/a.pdf", hash, true)).toBe(true);
    expect(isUpToDate(manifest, "courses/a.pdf", hash, false)).toBe(false);
    expect(isUpToDate(manifest, "courses/a.pdf", "other", true)).toBe(false);
    expect(parseManifest("not json")).toEqual({});
    expect(parseManifest(undefined)).toEqual({});
  });
});
