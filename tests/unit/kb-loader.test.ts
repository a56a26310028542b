import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { afterAll, describe, expect, it } from "vitest";
import { KB_COLLECTIONS, kbLoader } from "../../src/lib/astro/kb-loader.ts";
import { bodyOf, forgetBodiesInMemory } from "../../src/lib/astro/rendered-bodies.ts";
import { checkKnowledgeBase, entryCounts } from "../../src/lib/check/check.ts";
import { shareParse } from "../../src/lib/kb/shared-parse.ts";
import { fixtureContent, ROOT } from "../helpers/fixtures.ts";

/** The parts of Astro's loader context the loader uses, over a plain Map. */
function fakeContext(cacheDir?: string) {
  const entries = new Map<string, { id: string; digest?: string; [key: string]: unknown }>();
  const modules = new Set<string>();
  let writes = 0;
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; digest?: string }) => {
        writes++;
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
      addModuleImport: (file: string) => modules.add(file),
    },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (value: string) => createHash("sha256").update(value).digest("hex"),
    config: {
      root: pathToFileURL(`${ROOT}/`),
      base: "/kb/",
      ...(cacheDir ? { cacheDir: pathToFileURL(`${cacheDir}/`) } : {}),
    },
    logger: { error: () => {}, warn: () => {}, info: () => {} },
  };
  return {
    entries,
    modules,
    context: context as unknown as LoaderContext,
    writes: () => writes,
  };
}

const content = fixtureContent();
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe("the Content Layer loader reads the knowledge base as the check does", () => {
  it("fills every collection with exactly the entries the check read", async () => {
    const counts = entryCounts(checkKnowledgeBase(content).kb);
    for (const collection of KB_COLLECTIONS) {
      const { entries, context } = fakeContext();
      await kbLoader(content, collection).load(context);
      expect(entries.size, collection).toBe(counts[collection]);
    }
  });

  it("renders MDX entries to HTML kept beside the store, with their body, file and data from the same YAML", async () => {
    const { entries, modules, context } = fakeContext();
    await kbLoader(content, "lessons").load(context);
    const lesson = entries.get("training-rights/duties");
    // Rendered here, as Astro's glob() loader renders Markdown: no module to compile.
    expect(lesson?.deferredRender).toBeUndefined();
    expect(modules.size).toBe(0);
    const rendered = lesson?.rendered as
      | { html: string; metadata: { headings: { slug: string }[]; bodyRef: string } }
      | undefined;
    // The store holds the headings and a reference, not the HTML (Astro serialises the store).
    expect(rendered?.html).toBe("");
    expect(rendered?.metadata.headings.length).toBeGreaterThan(0);
    const body = bodyOf(String(rendered?.metadata.bodyRef));
    expect(body.html).toContain(
      '<a class="cite-link" href="/kb/policies/vocational-education-law-2022/#art-',
    );
    expect(body.printHtml).toMatch(
      /<span class="print-cite" lang="zh-CN">《职业教育法》第[一二三四五六七八九十百]+条<\/span><!--union-kb-note:vocational-education-law-2022#\d+-->/,
    );
    // Relative to the project root, as Astro's own glob() loader stores it.
    expect(lesson?.filePath).toBe(
      relative(ROOT, join(content, "courses/training-rights/01-duties.mdx")),
    );
    // The source is kept with the HTML, without its frontmatter; the store holds neither.
    expect(lesson?.body).toBeUndefined();
    expect(body.source).toContain("<Cite");
    expect(body.source).not.toMatch(/^---/);
    expect((lesson?.data as { title?: string } | undefined)?.title).toBeTruthy();
  });

  it("does not store an unchanged entry again", async () => {
    const { context, writes } = fakeContext();
    const loader = kbLoader(content, "topics");
    await loader.load(context);
    const first = writes();
    await loader.load(context);
    expect(first).toBeGreaterThan(0);
    expect(writes()).toBe(first);
  });

  it("fails the build when the store does not hold every entry the check read", async () => {
    const { context } = fakeContext();
    const store = context.store as unknown as { set: (entry: { id: string }) => boolean };
    const set = store.set;
    // A store that loses one entry, as a rejected or overwritten entry would.
    store.set = (entry) => (entry.id === "vocational-training" ? true : set(entry));
    await expect(kbLoader(content, "topics").load(context)).rejects.toThrow(
      /The build holds 2 topics entries, but the content check read 3/,
    );
  });

  it("fills the collections from the parse the check shared, without reading the files again", async () => {
    const { kb } = checkKnowledgeBase(content);
    const marked = kb.topics[0];
    if (!marked) throw new Error("fixture has topics");
    marked.raw = { ...(marked.raw as object), zh: "只在共享的解析里" };
    shareParse(content, kb);
    const { entries, context } = fakeContext();
    await kbLoader(content, "topics").load(context);
    expect((entries.get(marked.id)?.data as { zh?: string } | undefined)?.zh).toBe(
      "只在共享的解析里",
    );
  });

  it("leaves a body with code, on a site that allows it, to Astro's MDX compiler", async () => {
    const dir = fixtureContent();
    try {
      appendFileSync(join(dir, "site.yaml"), "allowScripts: true\n");
      appendFileSync(join(dir, "courses/training-rights/01-duties.mdx"), "\n共 {1 + 1} 项。\n");
      const { entries, modules, context } = fakeContext();
      await kbLoader(dir, "lessons").load(context);
      const file = relative(ROOT, join(dir, "courses/training-rights/01-duties.mdx"));
      expect(entries.get("training-rights/duties")?.deferredRender).toBe(true);
      expect(entries.get("training-rights/duties")?.rendered).toBeUndefined();
      expect([...modules]).toEqual([file]);
      expect(entries.get("training-rights/funds")?.rendered).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("renders a body again when a policy it cites changes, and only then", async () => {
    const { kb } = checkKnowledgeBase(content);
    shareParse(content, kb);
    const { entries, context, writes } = fakeContext();
    const loader = kbLoader(content, "lessons");
    await loader.load(context);
    const first = writes();
    await loader.load(context);
    expect(writes()).toBe(first);
    const policy = kb.policies.find((p) => p.id === "vocational-education-law-2022");
    if (!policy) throw new Error("fixture cites the 2022 law");
    // What a new parse after an edit of the policy's policy.yaml would hold.
    const renamed = {
      ...policy,
      data: { ...policy.data, shortTitle: "职教法（2022）" },
    };
    shareParse(content, { ...kb, policies: kb.policies.map((p) => (p === policy ? renamed : p)) });
    await loader.load(context);
    expect(writes()).toBeGreaterThan(first);
    const rendered = entries.get("training-rights/duties")?.rendered as
      | { metadata: { bodyRef: string } }
      | undefined;
    expect(bodyOf(String(rendered?.metadata.bodyRef)).html).toContain("《职教法》第二十四条");
  });

  it("keeps rendered bodies in Astro's cache folder for a later build, and renders a lost one again", async () => {
    const cache = mkdtempSync(join(tmpdir(), "union-kb-bodies-"));
    try {
      const { kb } = checkKnowledgeBase(content);
      shareParse(content, kb);
      const { entries, context, writes } = fakeContext(cache);
      const loader = kbLoader(content, "cases");
      await loader.load(context);
      const folder = join(cache, "union-kb-bodies/cases");
      const files = readdirSync(folder);
      expect(files.length).toBe(entries.size);
      const first = entries.values().next().value?.rendered as
        | { metadata: { bodyRef: string } }
        | undefined;
      const ref = String(first?.metadata.bodyRef);
      const html = bodyOf(ref).html;
      // A later build in a new process has only the files.
      forgetBodiesInMemory();
      expect(bodyOf(ref).html).toBe(html);
      // A body file that went missing is rendered again, not shown empty.
      forgetBodiesInMemory();
      rmSync(join(folder, `${ref.split("/")[1]}.json`));
      const before = writes();
      await loader.load(context);
      expect(writes()).toBe(before + 1);
      expect(readdirSync(folder).length).toBe(entries.size);
      expect(bodyOf(ref).html).toBe(html);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("keeps the body a page rendered a moment ago until the next save (npm run dev)", async () => {
    const cache = mkdtempSync(join(tmpdir(), "union-kb-bodies-"));
    try {
      const { kb } = checkKnowledgeBase(content);
      const { entries, context } = fakeContext(cache);
      const loader = kbLoader(content, "cases");
      const caseId = kb.cases[0]?.id ?? "";
      const refNow = () =>
        String(
          (entries.get(caseId)?.rendered as { metadata: { bodyRef: string } } | undefined)?.metadata
            .bodyRef,
        );
      /** The loader's run after the case's text was saved as `text`. */
      const save = async (text: string) => {
        const cases = kb.cases.map((c) =>
          c.id === caseId ? { ...c, body: `${c.body}\n\n${text}\n` } : c,
        );
        shareParse(content, { ...kb, cases });
        await loader.load(context);
      };
      shareParse(content, kb);
      await loader.load(context);
      const first = refNow();
      await save("第一次保存。");
      const second = refNow();
      expect(second).not.toBe(first);
      // The dev server may still render the page from the store before the
      // save: its body is still there, in memory and in its file.
      expect(bodyOf(first).html).not.toContain("第一次保存");
      forgetBodiesInMemory();
      expect(bodyOf(first).html).not.toContain("第一次保存");
      expect(bodyOf(second).html).toContain("第一次保存");
      // One save later the first body is gone; the second stays a while.
      await save("第二次保存。");
      expect(() => bodyOf(first)).toThrow(/rendered text of cases\/.* is missing/);
      expect(bodyOf(second).html).toContain("第一次保存");
      expect(bodyOf(refNow()).html).toContain("第二次保存");
      expect(readdirSync(join(cache, "union-kb-bodies/cases"))).toHaveLength(entries.size + 1);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
