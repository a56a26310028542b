import type { FragmentLike } from "./results.ts";

/** Filter name → value → number of results, as Pagefind reports them. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One result of Pagefind's JS API. */
export interface PagefindResult {
  id: string;
  score: number;
  /** The metadata fields the query matched (Pagefind 1.5+). */
  matchedMetaFields?: string[];
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
  /** How many pages and records it holds (all languages), when known. */
  pages?: number | undefined;
}

/**
 * Searches the parts of a split index (src/lib/search/parts.ts) as one, with
 * results ordered by score and counts added up, mending two ways in which
 * parts differ from one index.
 *
 * Which words. Pagefind leaves a query word out when its index does not have
 * it, so a part without one of the words would return every page that has
 * the others ("职业教育法 第二十四条" → all pages about the law). Worse, when
 * no indexed word starts with a query word, Pagefind matches the longest
 * indexed word that the query word starts with: a part without 能不能 answers
 * with every page that has 能, a part without "zhijiaofa" with pages that
 * have "zhi…" (on the sample, 17 pages in parts for a word 2 pages have). So
 * each word is also looked up exactly (a quoted search), and a part is
 * searched only if it has every word that any part has; a word no part has
 * is matched as each part matches it. A Latin word (English, pinyin) may have
 * no exact match where the part has it: Pagefind looks up its stem (injur for
 * "injured"), which a Chinese index, not stemmed, holds only inside longer
 * words (injured). Such a part has the word unless its best hit matched only
 * a shorter word that the query word begins with (matchedOnlyShorter: "in"
 * for "injured", "shi" for "shixisheng").
 *
 * How rare each word is. Pagefind scores a page by BM25: per word, how much
 * the page uses it times how rare the word is (IDF: ln(1 + (N − n + 0.5) /
 * (n + 0.5)) for n of N pages). Each part counts n and N over its own pages,
 * so the same page scores differently in different parts, and a word that
 * happens to be rare in one part lifts that part's pages above better answers
 * in the others (a few hundred pages per part make this likely; thousands
 * make it rare). With `pages` known for every part, each result's score is
 * rescaled to the rarity over all parts, word by word (Chinese and Latin
 * alike, counting a part's pages for the word only where it has the word,
 * as above): the word's share of the
 * page's score (from searching that word alone) times IDF over all parts / IDF
 * in its own part (rarityFactors). For one index the factor would be 1.
 *
 * `words` splits a query into the words Pagefind looks up.
 */
export function combineParts(
  parts: readonly SearchIndex[],
  words: (query: string) => string[],
): SearchIndex {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  const alone = parts.map(() => new Map<string, Promise<WordHits>>());
  /** One word searched alone in part `p`, remembered (typing repeats words). */
  const wordIn = (p: number, word: string): Promise<WordHits> => {
    const cache = alone[p] as Map<string, Promise<WordHits>>;
    let hits = cache.get(word);
    if (!hits) {
      if (cache.size > 500) cache.clear();
      hits = (async () => {
        const [response, exact] = await Promise.all([
          parts[p]?.search(word),
          parts[p]?.search(`"${word}"`),
        ]);
        const count = response?.unfilteredResultCount ?? 0;
        const exactCount = exact?.unfilteredResultCount ?? 0;
        // A Latin word's exact form may be its stem, so a part can have the
        // word with no exact match: its best hit tells which word it matched.
        const top = response?.results[0];
        const shorter =
          !HAN.test(word) && exactCount === 0 && top
            ? await top
                .data()
                .then((hit) => matchedOnlyShorter(word, hit, top.matchedMetaFields ?? []))
                .catch(() => false)
            : false;
        return {
          count,
          exact: exactCount,
          shorter,
          scores: new Map((response?.results ?? []).map((r) => [r.id, r.score])),
        };
      })();
      cache.set(word, hits);
      // A failed search (a part's file not loaded) is tried again next time.
      hits.catch(() => {
        if (cache.get(word) === hits) cache.delete(word);
      });
    }
    return hits;
  };
  const sizes = parts.map((part) => part.pages);
  const known = sizes.every((n): n is number => n !== undefined) ? sizes : undefined;
  return {
    pages: known?.reduce((sum, n) => sum + n, 0),
    async filters() {
      return addCounts(await Promise.all(parts.map((part) => part.filters())));
    },
    async search(query, options) {
      const list = query ? [...new Set(words(query))] : [];
      const hits = await Promise.all(
        parts.map((_, p) => Promise.all(list.map((word) => wordIn(p, word)))),
      );
      // Whether part p has word w as one index would match it: a Chinese
      // word exactly (a quoted search); a Latin word exactly or by a longer
      // word (its exact form is its stem, injur for "injured", often found
      // only inside longer words, injuri), not by a shorter one.
      const has = (p: number, w: number) => {
        const word = hits[p]?.[w];
        if (!word) return false;
        return HAN.test(list[w] ?? "") ? word.exact > 0 : word.count > 0 && !word.shorter;
      };
      const somewhere = list.map((_, w) => parts.some((_, p) => has(p, w)));
      // A part matching a word only by a shorter one counts neither for it
      // nor its rarity.
      const own = hits.map((part, p) =>
        part.map((word, w) => (somewhere[w] && !has(p, w) ? { ...word, count: 0 } : word)),
      );
      const searched = parts.flatMap((part, p) =>
        list.every((_, w) => has(p, w) || !somewhere[w]) ? [{ part, p }] : [],
      );
      const answered = (
        await Promise.all(
          searched.map(async ({ part, p }) => ({ p, response: await part.search(query, options) })),
        )
      ).filter((r): r is { p: number; response: SearchResponse } => r.response !== null);
      const factor = known ? rarityFactors(known, own) : () => 1;
      return {
        results: answered
          .flatMap(({ p, response }) =>
            response.results.map((result) => ({
              ...result,
              score: result.score * factor(p, result.id),
              // Through the result Pagefind returned, which must stay alive:
              // its worker lets go of a result's data once the browser has
              // collected that object (the data would then come back null).
              data: () => result.data(),
            })),
          )
          .sort((a, b) => b.score - a.score),
        unfilteredResultCount: answered.reduce(
          (sum, r) => sum + r.response.unfilteredResultCount,
          0,
        ),
        filters: addCounts(answered.map((r) => r.response.filters)),
      };
    },
  };
}

const HAN = /\p{Script=Han}/u;

/** One word searched alone in one part: on how many pages, and each page's score for it. */
export interface WordHits {
  count: number;
  /** Pages with exactly this word (a quoted search). */
  exact: number;
  /**
   * The part matched this Latin word only by a shorter word it has (Pagefind
   * matches the longest indexed word that the query word starts with when no
   * indexed word starts with the query word).
   */
  shorter?: boolean;
  scores: ReadonlyMap<string, number>;
}

/** Pagefind's IDF of a word found on `n` of `total` pages. */
export function idf(total: number, n: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

/**
 * The factor that turns the score of result `id` of part `p`, computed with
 * that part's word statistics, into one with the statistics of all parts
 * together (see combineParts): over the query's words, the page's score for
 * each word alone weighs IDF over all parts / IDF in part p. `pages[p]` is
 * part p's size; `hits[p][w]` is word w searched alone in part p.
 */
export function rarityFactors(
  pages: readonly number[],
  hits: readonly (readonly WordHits[])[],
): (p: number, id: string) => number {
  const total = pages.reduce((sum, n) => sum + n, 0);
  const words = hits[0]?.length ?? 0;
  const everywhere = Array.from({ length: words }, (_, w) =>
    hits.reduce((sum, part) => sum + (part[w]?.count ?? 0), 0),
  );
  return (p, id) => {
    let weighted = 0;
    let plain = 0;
    for (let w = 0; w < words; w++) {
      const word = hits[p]?.[w];
      const score = word?.scores.get(id);
      if (!word || score === undefined) continue;
      const own = idf(pages[p] ?? 0, word.count);
      weighted += own > 0 ? (score * idf(total, everywhere[w] ?? 0)) / own : score;
      plain += score;
    }
    return plain > 0 ? weighted / plain : 1;
  };
}

/**
 * Whether a hit for Latin `word` matched it only by a shorter word that
 * `word` begins with ("in" for "injured", "shi" for "shixisheng"): Pagefind's
 * match in a part with no word beginning with `word`'s stem. The words it can
 * have matched are those marked in its excerpts and those of the metadata
 * fields it matched; one of them that shares `word`'s beginning up to its
 * last three letters (what an English stemmer cuts: injur for "injured",
 * injury) and does not stop short of it stands for the word itself. Without
 * any such words to judge by, the hit counts as the word.
 */
export function matchedOnlyShorter(
  word: string,
  hit: Pick<FragmentLike, "excerpt" | "meta" | "sub_results">,
  metaFields: readonly string[],
): boolean {
  const typed = fold(word);
  const excerpts = [hit.excerpt, ...(hit.sub_results ?? []).map((sub) => sub.excerpt)];
  const marked = excerpts.flatMap((excerpt = "") =>
    [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? ""),
  );
  const inMeta = metaFields.flatMap((field) => (hit.meta?.[field] ?? "").split(/\s+/));
  const candidates = [...marked, ...inMeta]
    .map(fold)
    .filter((m) => m.length > 0 && m[0] === typed[0]);
  if (candidates.length === 0) return false;
  const needed = Math.min(typed.length, Math.max(3, typed.length - 3));
  const standsFor = (m: string) =>
    !(m.length < typed.length && typed.startsWith(m)) && commonPrefix(m, typed) >= needed;
  return !candidates.some(standsFor);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
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
