/**
 * The search index begun with its records before the pages exist
 * (beginSearchIndex in src/lib/search/indexer.ts): the build starts it while
 * Astro starts. Indexed by the real Pagefind here: with or without the head
 * start, the index must be the same files, byte for byte, and a record for a
 * whole page must still win over that page, as it did before.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/lib/kb/load.ts";
import { beginSearchIndex, buildSearchIndex } from "../../src/lib/search/indexer.ts";
import { estimateSearchChars, surelyOnePart } from "../../src/lib/search/parts.ts";
import type { SearchRecords } from "../../src/lib/search/records.ts";
import { VALID_CONTENT } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-search-head-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const page = (lang: string, title: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** A small built site: Chinese pages, and an English case whose Chinese names are a record. */
const PAGES: Record<string, string> = {
  "courses/a/index.html": page(
    "zh-CN",
    "职工教育",
    "职工教育是工会的一项基本任务，培训经费按规定提取。",
  ),
  "courses/a/b/index.html": page("zh-CN", "岗前培训", "企业应当对新招用的职工进行岗前培训。"),
  "cases/rider/index.html": page(
    "en",
    "Delivery riders",
    "A union-commissioned course for riders.",
  ),
  "policies/law/index.html": page(
    "zh-CN",
    "职业教育法",
    "第二十四条 企业应当根据本单位实际，有计划地对本单位的职工进行职业教育。",
  ),
};

const RECORDS: SearchRecords = {
  terms: [
    {
      url: "/glossary/#term-a",
      content: "职工教育 zhigong jiaoyu",
      language: "zh-cn",
      meta: { title: "职工教育" },
      filters: { type: ["术语"] },
    },
    // A record for a whole page: the Chinese names of the English case.
    {
      url: "/cases/rider/",
      content: "外卖骑手培训。Delivery riders",
      language: "zh-cn",
      meta: { title: "Delivery riders" },
      filters: { type: ["案例"] },
    },
  ],
  articles: Array.from({ length: 40 }, (_, i) => ({
    url: `/policies/law/#art-${i + 1}`,
    language: "zh-cn",
    title: `职业教育法 第${i + 1}条`,
    parts: [
      { text: `第${i + 1}条 职工培训与职业教育的规定，编号${i + 1}。` },
      { text: "要点", weight: 2 },
    ],
    meta: { title: `职业教育法 第${i + 1}条` },
    filters: { type: ["法条"] },
  })),
  vocabulary: [],
};

function site(name: string): string {
  const root = join(temp, name);
  for (const [path, html] of Object.entries(PAGES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

/** Every file of a folder, by relative path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found.set(relative(dir, path), readFileSync(path));
    }
  return found;
}

/** The same files, by relative path, with the same bytes. */
function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(actual.get(path)?.equals(bytes), path).toBe(true);
}

async function index(name: string, options: { head?: boolean; partChars?: number } = {}) {
  const root = site(name);
  const records = structuredClone(RECORDS);
  const stats = await buildSearchIndex({
    root,
    base: "/",
    contentDir: VALID_CONTENT,
    records,
    partChars: options.partChars ?? 1_000_000,
    ...(options.head ? { head: beginSearchIndex(records) } : {}),
  });
  return { stats, files: files(join(root, "pagefind")) };
}

describe("the search index begun before the pages", () => {
  let plain: Awaited<ReturnType<typeof index>>;
  beforeAll(async () => {
    plain = await index("plain");
  }, 120_000);

  it("is the same index, file for file, as one made after the pages", async () => {
    const begun = await index("begun", { head: true });
    expect(plain.stats.parts).toBe(1);
    expectSameFiles(begun.files, plain.files);
  }, 120_000);

  it("keeps the record, not the page, where both have one URL", () => {
    const fragments = [...plain.files]
      .filter(([path]) => path.startsWith("fragment"))
      .map(([, bytes]) =>
        JSON.parse(
          gunzipSync(bytes)
            .toString("utf8")
            .replace(/^pagefind_dcd/, ""),
        ),
      );
    const rider = fragments.filter((f: { url: string }) => f.url === "/cases/rider/");
    expect(rider).toHaveLength(1);
    // Pagefind marks the Chinese word breaks with zero-width spaces.
    expect(rider[0].content.replaceAll("\u200b", "")).toContain("外卖骑手");
    // Every other page and record is there once.
    expect(fragments).toHaveLength(
      Object.keys(PAGES).length + RECORDS.terms.length - 1 + RECORDS.articles.length,
    );
  });

  it("is let go when the index is more than one part, which comes out as without it", async () => {
    const split = await index("split", { partChars: 300 });
    const begun = await index("split-begun", { head: true, partChars: 300 });
    expect(split.stats.parts).toBeGreaterThan(1);
    expectSameFiles(begun.files, split.files);
  }, 120_000);
});

describe("estimateSearchChars", () => {
  it("counts bodies, front matter, law texts and records, and leaves a margin for one part", () => {
    const { kb } = loadKnowledgeBase(VALID_CONTENT);
    const chars = estimateSearchChars(kb, RECORDS);
    const bodies = kb.lessons.reduce((sum, e) => sum + (e.body ?? "").length, 0);
    expect(chars).toBeGreaterThan(bodies);
    expect(surelyOnePart(chars, chars)).toBe(false);
    expect(surelyOnePart(chars, Math.ceil(chars * 1.25))).toBe(true);
  });
});
