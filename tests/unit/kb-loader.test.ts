import { createHash } from "node:crypto";
import { appendFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { afterAll, describe, expect, it } from "vitest";
import { KB_COLLECTIONS, kbLoader } from "../../src/lib/astro/kb-loader.ts";
import { checkKnowledgeBase, entryCounts } from "../../src/lib/check/check.ts";
import { shareParse } from "../../src/lib/kb/shared-parse.ts";
import { fixtureContent, ROOT } from "../helpers/fixtures.ts";

/** The parts of Astro's loader context the loader uses, over a plain Map. */
function fakeContext() {
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
    config: { root: pathToFileURL(`${ROOT}/`), base: "/kb/" },
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

  it("stores MDX entries rendered to HTML, with their body, file and data from the same YAML", async () => {
    const { entries, modules, context } = fakeContext();
    await kbLoader(content, "lessons").load(context);
    const lesson = entries.get("training-rights/duties");
    // Rendered here, as Astro's glob() loader renders Markdown: no module to compile.
    expect(lesson?.deferredRender).toBeUndefined();
    expect(modules.size).toBe(0);
    const rendered = lesson?.rendered as
      | { html: string; metadata: { headings: unknown[]; printHtml: string } }
      | undefined;
    expect(rendered?.html).toContain(
      '<a class="cite-link" href="/kb/policies/vocational-education-law-2022/#art-',
    );
    expect(rendered?.metadata.printHtml).toMatch(
      /<span class="print-cite" lang="zh-CN">《职业教育法》第[一二三四五六七八九十百]+条<\/span><!--union-kb-note:vocational-education-law-2022#\d+-->/,
    );
    // Relative to the project root, as Astro's own glob() loader stores it.
    expect(lesson?.filePath).toBe(
      relative(ROOT, join(content, "courses/training-rights/01-duties.mdx")),
    );
    expect(String(lesson?.body)).not.toMatch(/^---/);
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
      | { html: string }
      | undefined;
    const html = rendered?.html;
    expect(html).toContain("《职教法》第二十四条");
  });
});
