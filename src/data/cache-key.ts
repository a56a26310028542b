import { type CollectionKey, getCollection } from "astro:content";

/**
 * Every collection of the knowledge base. `satisfies` makes `astro check` fail
 * when a collection is added to content.config.ts and not listed here, which
 * would let a changed entry leave stale pages behind.
 */
const COLLECTIONS = {
  site: true,
  topics: true,
  glossary: true,
  courses: true,
  lessons: true,
  policies: true,
  lawTexts: true,
  cases: true,
} satisfies Record<CollectionKey, true>;

let key: Promise<string> | undefined;

/**
 * One key for the whole knowledge base: a SHA-256 over every entry's id and
 * content digest. Pages show data from other entries (course navigation,
 * citations, glossary terms, cited-by lists, topic names), so a page is only
 * reused when nothing in the knowledge base changed; Astro checks the code
 * and stylesheets each page depends on by itself.
 */
export function knowledgeBaseKey(): Promise<string> {
  key ??= (async () => {
    const parts: string[] = [];
    for (const name of Object.keys(COLLECTIONS) as CollectionKey[]) {
      const entries = await getCollection(name);
      for (const entry of entries.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
        parts.push(
          `${name}\u0000${entry.id}\u0000${"digest" in entry && entry.digest ? entry.digest : JSON.stringify(entry.data)}`,
        );
    }
    const bytes = new TextEncoder().encode(parts.join("\n"));
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  })();
  return key;
}

/**
 * Adds the knowledge-base key to the paths a route's `getStaticPaths()`
 * returns. With Astro's `experimental.incrementalBuild`, a second build with
 * unchanged content copies these pages from the previous build instead of
 * rendering them again.
 */
export async function withCacheKey<T extends object>(
  paths: readonly T[],
): Promise<(T & { cacheKey: string })[]> {
  const cacheKey = await knowledgeBaseKey();
  return paths.map((path) => ({ ...path, cacheKey }));
}
