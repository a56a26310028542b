import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
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
    },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (value: string) => createHash("sha256").update(value).digest("hex"),
    config: { root: pathToFileURL(`${ROOT}/`) },
    logger: { error: () => {}, warn: () => {}, info: () => {} },
  };
  return { entries, context: context as unknown as LoaderContext, writes: () => writes };
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

  it("stores MDX entries with their body and file for Astro to render, and data from the same YAML", async () => {
    const { entries, context } = fakeContext();
    await kbLoader(content, "lessons").load(context);
    const lesson = entries.get("training-rights/duties");
    expect(lesson?.deferredRender).toBe(true);
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
});
