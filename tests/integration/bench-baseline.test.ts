// `npm run bench -- --baseline`'s plain Astro 7 + Pagefind site, built for real
// over 5 generated entries with this project's astro and pagefind (about 10 s).
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildBaseline, createBaselineProject } from "../../src/lib/bench/baseline.ts";
import {
  citeLabel,
  splitFrontmatter,
  writeBaselineDocs,
} from "../../src/lib/bench/baseline-docs.ts";
import { generateKnowledgeBase } from "../../src/lib/bench/generate.ts";
import { ROOT } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-bench-baseline-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("bench baseline", () => {
  it("builds one page per generated entry and indexes them with Pagefind", async () => {
    const content = join(temp, "content");
    const project = join(temp, "baseline");
    generateKnowledgeBase({ dir: content, entries: 5 });
    createBaselineProject(ROOT, project);
    expect(writeBaselineDocs(content, join(project, "docs"))).toBe(5);

    const { run, figures, site } = await buildBaseline(project);
    expect(run.ok, run.log).toBe(true);
    const dist = join(project, "dist");
    const pages = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".html"),
    );
    expect(pages).toHaveLength(5);
    expect(pages.every((p) => p.startsWith("docs/"))).toBe(true);
    expect(site?.pages).toBe(5);

    // A case page: the layout's title and the body, with its citation written out.
    const caseFile = readdirSync(join(content, "cases"))[0] ?? "";
    const source = splitFrontmatter(readFileSync(join(content, "cases", caseFile), "utf8"));
    const html = readFileSync(
      join(dist, "docs/cases", caseFile.replace(/\.mdx$/, ""), "index.html"),
      "utf8",
    );
    expect(html).toContain(`<h1>${source.data.title}</h1>`);
    expect(html).toMatch(/<h2 id="[^"]+">/);
    const cite = /<Cite policy="([^"]+)" article=\{(\d+)\} \/>/.exec(source.body);
    const policy = splitFrontmatter(
      readFileSync(join(content, "policies", cite?.[1] ?? "", "index.mdx"), "utf8"),
    );
    expect(html).toContain(citeLabel(String(policy.data.shortTitle), Number(cite?.[2])));
    expect(html).not.toContain("<Cite");

    const entry = JSON.parse(readFileSync(join(dist, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([5]);

    expect(figures?.totalSeconds).toBeGreaterThan(0);
    expect(figures?.pagefindSeconds).toBeGreaterThan(0);
    expect(figures?.peakRssByProcess.astro).toBeGreaterThan(50 * 1024 * 1024);
    expect(figures?.peakRssByProcess.pagefind).toBeGreaterThan(0);
    // Its caches stayed in the baseline's own folder, not in the project's node_modules.
    const cache = lstatSync(join(project, "node_modules/.astro"));
    expect([cache.isDirectory(), cache.isSymbolicLink()]).toEqual([true, false]);
  });
});
