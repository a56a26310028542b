/** What {@link popularQueries} needs of a glossary term. */
export interface QueryTerm {
  /** Law articles the term appears in. */
  sources: readonly unknown[];
}

/** How many popular-query buttons the kiosk search page shows by default. */
export const DEFAULT_POPULAR_QUERIES = 8;

/**
 * The words the kiosk search page offers as one-tap searches: the ones site.yaml
 * gives (`kiosk.popularQueries` / `popularQueriesEn`), or else the glossary terms
 * found in the most law articles — the words the knowledge base is about — in
 * glossary order when the counts tie, named by `nameOf` (the page's language).
 * Duplicates are dropped.
 */
export function popularQueries<T extends QueryTerm>(
  configured: readonly string[] | undefined,
  terms: readonly T[],
  nameOf: (term: T) => string,
  limit = DEFAULT_POPULAR_QUERIES,
): string[] {
  if (configured?.length) return [...new Set(configured)];
  const ranked = terms
    .map((term, order) => ({ term, order }))
    .filter(({ term }) => term.sources.length > 0)
    .sort((a, b) => b.term.sources.length - a.term.sources.length || a.order - b.order)
    .map(({ term }) => nameOf(term));
  return [...new Set(ranked)].slice(0, limit);
}
