// The pure parts of `npm run bench -- --baseline`: the generated knowledge base
// as plain Markdown docs, the baseline's figures and the ratio tables.
// The baseline build itself: tests/integration/bench-baseline.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baselineFigures } from "../../src/lib/bench/baseline.ts";
import {
  baselineDocPath,
  citeLabel,
  courseMarkdown,
  lawTextMarkdown,
  mdxToMarkdown,
  splitFrontmatter,
  writeBaselineDocs,
} from "../../src/lib/bench/baseline-docs.ts";
import { generateKnowledgeBase } from "../../src/lib/bench/generate.ts";
import {
  type BuildFigures,
  type ComparedSide,
  comparisonRatios,
  entryPages,
  formatComparison,
  ratio,
  times,
} from "../../src/lib/bench/report.ts";
import { type MeasuredRun, processOf } from "../../src/lib/bench/run-build.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-bench-baseline-test-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const TITLES = new Map([["law-a-1", "工会法（2021）"]]);

describe("baseline docs", () => {
  it("writes a citation as the label the page shows", () => {
    expect(citeLabel("工会法（2021）", 24)).toBe("《工会法》第二十四条");
    expect(citeLabel("示例省职工教育条例", 3)).toBe("《示例省职工教育条例》第三条");
  });

  it("replaces components by their text, leaving Markdown alone", () => {
    const body = [
      "## 背景",
      '培训计入工作时间（<Cite policy="law-a-1" article={10} />）。',
      "| 条文 | 要点 |",
      "|---|---|",
      '| <Cite policy="law-a-1" article={2} /> | 经费 |',
      '<Callout type="tip">先读**条文**。</Callout> <Term id="x" />见上。',
    ].join("\n");
    expect(mdxToMarkdown(body, TITLES)).toBe(
      [
        "## 背景",
        "培训计入工作时间（《工会法》第十条）。",
        "| 条文 | 要点 |",
        "|---|---|",
        "| 《工会法》第二条 | 经费 |",
        "先读**条文**。 见上。",
      ].join("\n"),
    );
    expect(() => mdxToMarkdown('<Cite policy="nope" article={1} />', TITLES)).toThrow(
      '<Cite policy="nope">',
    );
  });

  it("maps each entry file to one doc, and other files to none", () => {
    expect(baselineDocPath("cases/case-0001-x.mdx")).toBe("cases/case-0001-x.md");
    expect(baselineDocPath("courses/c-1/01-a.mdx")).toBe("courses/c-1/01-a.md");
    expect(baselineDocPath("courses/c-1/course.yaml")).toBe("courses/c-1.md");
    expect(baselineDocPath("policies/p-1/index.mdx")).toBe("policies/p-1.md");
    for (const other of ["policies/p-1/text.zh.md", "site.yaml", "glossary.yaml", "cases/x.yaml"])
      expect(baselineDocPath(other)).toBeUndefined();
  });

  it("writes a course's summary and objectives, and a law text without its title line", () => {
    expect(courseMarkdown({ title: "课程", summary: "简介。", objectives: ["一。", "二。"] })).toBe(
      "---\ntitle: 课程\n---\n\n简介。\n\n## 学习目标\n\n- 一。\n- 二。\n",
    );
    expect(lawTextMarkdown("# 某法\n\n通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n")).toBe(
      "通过\n\n## 第一章 总则\n",
    );
  });

  it("writes one Markdown doc per entry page of a generated knowledge base, with the same text", () => {
    const content = join(temp, "content");
    const docs = join(temp, "docs");
    const counts = generateKnowledgeBase({ dir: content, entries: 30 });
    expect(writeBaselineDocs(content, docs)).toBe(30);
    const files = readdirSync(docs, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".md"),
    );
    expect(files).toHaveLength(30);
    expect(files.filter((f) => f.startsWith("cases/"))).toHaveLength(counts.cases);
    for (const file of files) {
      const text = readFileSync(join(docs, file), "utf8");
      expect(text).toMatch(/^---\ntitle: \S/);
      expect(text).not.toMatch(/<[A-Z]/);
    }
    // A lesson: its title, and its body with the citations written out.
    const course = readdirSync(join(content, "courses")).sort()[0] ?? "";
    const lesson = readdirSync(join(content, "courses", course)).find((f) => f.endsWith(".mdx"));
    const source = splitFrontmatter(
      readFileSync(join(content, "courses", course, `${lesson}`), "utf8"),
    );
    const doc = splitFrontmatter(
      readFileSync(join(docs, `courses/${course}/${lesson?.replace(/\.mdx$/, ".md")}`), "utf8"),
    );
    expect(doc.data).toEqual({ title: source.data.title });
    expect(source.body).toMatch(/<Cite /);
    const firstCite = /<Cite policy="([^"]+)" article=\{(\d+)\} \/>/.exec(source.body);
    const policy = splitFrontmatter(
      readFileSync(join(content, "policies", firstCite?.[1] ?? "", "index.mdx"), "utf8"),
    );
    expect(doc.body).toContain(citeLabel(String(policy.data.shortTitle), Number(firstCite?.[2])));
    expect(doc.body.replace(/《[^》]+》第[〇一二三四五六七八九十百]+条/g, "")).toBe(
      source.body.replace(/<Cite [^>]+\/>/g, ""),
    );
    // A policy: its summary body, then its official text.
    const policyDoc = readFileSync(join(docs, `policies/${firstCite?.[1]}.md`), "utf8");
    expect(policyDoc).toContain("第一条");
    expect(policyDoc).not.toContain("<!-- INFO END -->");
  });
});

const figures = (over: Partial<BuildFigures> = {}): BuildFigures => ({
  totalSeconds: 40,
  setupSeconds: 20,
  renderSeconds: 14,
  pagefindSeconds: 6,
  peakRssBytes: 1600 * 1024 * 1024,
  peakTreeRssBytes: 1800 * 1024 * 1024,
  peakRssByProcess: { build: 300 * 1024 * 1024, astro: 1600 * 1024 * 1024, pagefind: 1e8 },
  ...over,
});

describe("baseline figures and ratios", () => {
  it("tells Astro's CLI apart from Pagefind's", () => {
    expect(processOf("/usr/bin/node /tmp/b/node_modules/astro/bin/astro.mjs build")).toBe("astro");
    expect(
      processOf("/usr/bin/node /tmp/b/node_modules/pagefind/lib/runner/bin.cjs --site dist"),
    ).toBe("pagefind");
  });

  it("adds up Astro's and Pagefind's time and takes the larger memory", () => {
    const run = (over: Partial<MeasuredRun>): MeasuredRun => ({
      ok: true,
      exitCode: 0,
      startedAt: 1_000_000,
      totalSeconds: 1,
      peakRssBytes: undefined,
      peakTreeRssBytes: undefined,
      peakRssByProcess: {},
      log: "",
      ...over,
    });
    const astro = run({
      totalSeconds: 8,
      peakRssBytes: 900,
      peakTreeRssBytes: 950,
      peakRssByProcess: { astro: 900 },
    });
    const pagefind = run({
      startedAt: 1_008_000,
      totalSeconds: 2,
      peakRssBytes: 400,
      peakTreeRssBytes: 1000,
      peakRssByProcess: { pagefind: 400 },
    });
    expect(
      baselineFigures(astro, pagefind, { firstPageMtime: 1_005_000, lastPageMtime: 1_007_500 }),
    ).toEqual({
      totalSeconds: 10,
      setupSeconds: 5,
      renderSeconds: 2.5,
      pagefindSeconds: 2,
      peakRssBytes: 900,
      peakTreeRssBytes: 1000,
      peakRssByProcess: { astro: 900, pagefind: 400 },
    });
  });

  it("averages the entry pages of Union KB, weighted by their number", () => {
    const type = (pages: number, avgHtmlBytes: number) => ({
      pages,
      avgHtmlBytes,
      maxHtmlBytes: 0,
      maxHtmlPage: "",
      jsBytes: 0,
      cssBytes: 0,
    });
    expect(
      entryPages({
        types: {
          lesson: type(3, 10_000),
          case: type(1, 14_000),
          list: type(50, 1),
          home: type(2, 1),
        },
      }),
    ).toEqual({ pages: 4, avgHtmlBytes: 11_000 });
    expect(entryPages({ types: {} })).toEqual({ pages: 0, avgHtmlBytes: 0 });
  });

  it("divides Union KB by the baseline, n/a without a figure on both sides", () => {
    expect(ratio(40, 10)).toBe(4);
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
    expect(times(3.906)).toBe("3.91×");
    expect(times(undefined)).toBe("n/a");
  });

  const side = (cold: BuildFigures, avg: number, warm?: BuildFigures): ComparedSide => ({
    cold,
    warm,
    site: { pages: 100, totalBytes: 2 * 1024 * 1024, searchIndexBytes: 1024 * 1024 },
    docs: { pages: 100, avgHtmlBytes: avg },
  });
  const ours = side(figures(), 16_000, figures({ totalSeconds: 20 }));
  const theirs = side(
    figures({
      totalSeconds: 10,
      peakRssBytes: 1000 * 1024 * 1024,
      peakRssByProcess: { astro: 1000 * 1024 * 1024, pagefind: 1e8 },
    }),
    8_000,
  );

  it("prints a table per build measured on both sides, and the output", () => {
    const text = formatComparison({ entries: 100, runs: 3, unionKb: ours, baseline: theirs });
    const lines = text.split("\n");
    expect(lines[0]).toMatch(
      /^\| cold \(no cache\), median of 3 +\| Union KB +\| plain Astro \| × plain Astro \|$/,
    );
    expect(lines.find((l) => l.startsWith("| total build"))).toMatch(
      /\| 40\.0 s +\| 10\.0 s +\| 4\.00× +\|$/,
    );
    expect(lines.find((l) => l.startsWith("| peak RSS, largest process"))).toMatch(
      /\| 1600\.0 MB +\| 1000\.0 MB +\| 1\.60× +\|$/,
    );
    expect(lines.find((l) => l.startsWith("| average entry / doc page HTML"))).toMatch(
      /\| 15\.6 KB +\| 7\.8 KB +\| 2\.00× +\|$/,
    );
    // The baseline has no warm build here: no warm table.
    expect(text).not.toContain("warm");
  });

  it("gives every ratio for --json", () => {
    const ratios = comparisonRatios(ours, theirs);
    expect(ratios.cold).toMatchObject({
      totalSeconds: 4,
      setupSeconds: 1,
      peakRssBytes: 1.6,
      "peakRss.astro": 1.6,
      "peakRss.pagefind": 1,
    });
    expect(ratios).not.toHaveProperty("warm");
    expect(ratios).toMatchObject({ pages: 1, avgDocHtmlBytes: 2, totalBytes: 1 });
  });
});
