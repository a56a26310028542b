import type { FragmentLike } from "./results.ts";

/** Filter name → value → number of results, as Pagefind reports them. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One result of Pagefind's JS API. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<FragmentLike>;
}

/** What a Pagefind search returns (the parts of it the search page uses). */
export interface SearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
}

/** A searchable index: one Pagefind bundle (pagefind.js) or several searched as one. */
export interface SearchIndex {
  filters(): Promise<FilterCounts>;
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<SearchResponse | null>;
}

/**
 * Searches the parts of a split index (src/lib/search/parts.ts) as one,
 * the way Pagefind merges bundles (results by score, counts added up), with
 * one difference. Pagefind leaves a query word out when its index does not
 * have it, so a part without one of the words would return every page that
 * has the others ("职业教育法 第二十四条" → all pages about the law). A part is
 * therefore searched only if it has every word that any part has; a word no
 * part has is left out, as a single index would do. `words` splits a query
 * into the words Pagefind looks up.
 */
export function combineParts(
  parts: readonly SearchIndex[],
  words: (query: string) => string[],
): SearchIndex {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  return {
    async filters() {
      return addCounts(await Promise.all(parts.map((part) => part.filters())));
    },
    async search(query, options) {
      const searched = query ? await partsWithEveryWord(parts, words(query)) : parts;
      const responses = (
        await Promise.all(searched.map((part) => part.search(query, options)))
      ).filter((response): response is SearchResponse => response !== null);
      return {
        results: responses.flatMap((r) => r.results).sort((a, b) => b.score - a.score),
        unfilteredResultCount: responses.reduce((sum, r) => sum + r.unfilteredResultCount, 0),
        filters: addCounts(responses.map((r) => r.filters)),
      };
    },
  };
}

async function partsWithEveryWord(
  parts: readonly SearchIndex[],
  words: readonly string[],
): Promise<readonly SearchIndex[]> {
  if (words.length < 2) return parts;
  const has = await Promise.all(
    parts.map((part) =>
      Promise.all(
        words.map(async (word) => ((await part.search(word))?.unfilteredResultCount ?? 0) > 0),
      ),
    ),
  );
  const anywhere = words.map((_, w) => has.some((part) => part[w]));
  return parts.filter((_, p) => words.every((_, w) => has[p]?.[w] || !anywhere[w]));
}

/** Adds up filter counts of several indexes. */
export function addCounts(list: readonly FilterCounts[]): FilterCounts {
  const total: FilterCounts = {};
  for (const counts of list)
    for (const [filter, values] of Object.entries(counts)) {
      const into = total[filter] ?? {};
      total[filter] = into;
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  return total;
}

/**
 * The words Pagefind's search looks up for `query` in `language`: Chinese and
 * other languages without spaces are split with the browser's word segmenter,
 * as Pagefind does; punctuation is dropped and letters are lower-cased.
 */
export function queryWords(query: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  return [...segmenter.segment(query)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment.toLocaleLowerCase());
}
