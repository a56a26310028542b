import { type CollectionKey, getCollection } from "astro:content";
import { createHash } from "node:crypto";
import { sourceOf, type WithBodyRef } from "./entry-body.ts";

/**
 * Cache keys for Astro's `experimental.incrementalBuild`: a page whose key and
 * code are unchanged since the last build is copied instead of rendered.
 *
 * A key has two parts. The *data* part covers every entry's frontmatter (and
 * the law texts, site settings, topics and glossary): pages show titles,
 * summaries, citations and terms of other entries, so any frontmatter change
 * renders every page again. The *body* part covers the MDX bodies the page
 * shows or derives something from — its own body, a course's lessons, or for a
 * policy page every lesson and case body (its "cited by" list is read from
 * `<Cite>` elements). Editing one lesson's text therefore renders that lesson,
 * its course and print views, and the policy pages, and copies the rest.
 * tests/integration/incremental.test.ts checks the result against a full build.
 */

/**
 * Every collection. `satisfies` makes `astro check` fail when a collection is
 * added to content.config.ts and not listed here.
 */
const COLLECTIONS = {
  site: true,
  topics: true,
  glossary: true,
  courses: true,
  lessons: true,
  questions: true,
  policies: true,
  lawTexts: true,
  cases: true,
  events: true,
  materials: true,
} satisfies Record<CollectionKey, true>;

/** Hex SHA-256 of `text`: node's hash, not WebCrypto's, whose promise per call costs more than the hashing. */
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let dataKey: Promise<string> | undefined;

/** SHA-256 over every entry's id and frontmatter (not the MDX bodies). */
function knowledgeBaseData(): Promise<string> {
  dataKey ??= (async () => {
    const parts: string[] = [];
    for (const name of Object.keys(COLLECTIONS) as CollectionKey[]) {
      for (const entry of (await getCollection(name)).toSorted(byId))
        parts.push(`${name}\u0000${entry.id}\u0000${JSON.stringify(entry.data)}`);
    }
    return sha256(parts.join("\n"));
  })();
  return dataKey;
}

/** An entry whose MDX body a page shows or reads. */
export interface WithBody extends WithBodyRef {
  id: string;
}

/** What of an entry's body goes into a key. */
const bodyText = (entry: WithBody) => `${entry.id}\u0000${sourceOf(entry) ?? ""}`;

let citing: Promise<WithBody> | undefined;

/**
 * Every lesson and case body, as one digest: policy pages list who cites each
 * article, read from `<Cite>` elements in those bodies.
 */
export function citingBodies(): Promise<WithBody> {
  citing ??= (async () => {
    const entries = [...(await getCollection("lessons")), ...(await getCollection("cases"))];
    const bodies = entries.toSorted(byId).map(bodyText);
    return { id: "lessons+cases", body: sha256(bodies.join("\u0000")) };
  })();
  return citing;
}

/**
 * Adds a `cacheKey` to each path a route's `getStaticPaths()` returns: the
 * knowledge base's frontmatter digest plus the bodies `bodiesOf(path)` names.
 */
export async function withCacheKey<T extends object>(
  paths: readonly T[],
  bodiesOf: (path: T) => readonly WithBody[] | Promise<readonly WithBody[]> = () => [],
): Promise<(T & { cacheKey: string })[]> {
  const data = await knowledgeBaseData();
  return Promise.all(
    paths.map(async (path) => {
      const bodies = (await bodiesOf(path)).map(bodyText);
      return { ...path, cacheKey: sha256(`${data}\u0000${bodies.join("\u0000")}`) };
    }),
  );
}
