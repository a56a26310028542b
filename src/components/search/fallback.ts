import type { PagefindResult, SearchIndex } from "./index-parts.ts";

/**
 * Words that carry no subject in an everyday question ("公司让我们自己出培训费合法吗"):
 * pronouns, particles, "how/what" words and the commonest verbs. Left out
 * when a query falls back to pages with most of its words.
 */
const FILLER = new Set(
  (
    "我 我们 咱们 你 你们 他 他们 她 她们 它 自己 了 就 让 吗 呢 吧 啊 呀 的 地 得 是 在 有 还 也 都 又 " +
    "和 跟 与 把 被 给 要 想 会 能 可以 应该 怎么 怎么办 怎样 如何 什么 为什么 哪 哪里 谁 这 那 这个 那个 " +
    "一个 里 上 去 来 说 着 过 对 从 到 请问 能不能 可不可以 是不是 有没有 要不要 该不该 怎么样 " +
    "a an the of for to in on at is are was do does did how what who why when my our we i you can " +
    "with and or be it"
  ).split(" "),
);

/** The words of `words` worth looking for: no filler, no repeats. */
export function contentWords(words: readonly string[]): string[] {
  return [...new Set(words.filter((word) => !FILLER.has(word)))];
}

/**
 * Pages with most of the words, for a query no page has all of (Pagefind
 * only returns pages with every word). Each word is searched alone; a page
 * scores, over the words it has, how rare the word is (ln(1 + N / pages with
 * the word)), so "扣" and "培训费" count for more than "培训", scaled by how
 * well the page matches it. Returns the results best first.
 */
export async function mostWords(
  index: SearchIndex,
  words: readonly string[],
  options: { filters?: Record<string, { any: string[] }> },
): Promise<PagefindResult[]> {
  const found = await Promise.all(
    words.map(async (word) => {
      const results = (await index.search(word, options))?.results ?? [];
      // A word no page has ("扣钱"): its characters may be there ("扣回").
      if (results.length > 0 || !/^\p{Script=Han}{2,}$/u.test(word)) return [results];
      return Promise.all(
        [...word].map(async (char) => (await index.search(char, options))?.results ?? []),
      );
    }),
  ).then((lists) => lists.flat());
  const pages = Math.max(1, ...found.map((results) => results.length)) * 4;
  const byId = new Map<string, { result: PagefindResult; weight: number }>();
  for (const results of found) {
    if (results.length === 0) continue;
    // Rare words count more; within a word, Pagefind's score (which weighs
    // how often and how prominently a short page uses it) decides, so a long
    // law text that merely contains the words does not beat a case about them.
    const rarity = Math.log(1 + pages / results.length);
    const best = Math.max(...results.map((result) => result.score)) || 1;
    for (const result of results) {
      const seen = byId.get(result.id) ?? { result, weight: 0 };
      seen.weight += rarity * (0.25 + (0.75 * result.score) / best);
      byId.set(result.id, seen);
    }
  }
  return [...byId.values()].sort((a, b) => b.weight - a.weight).map(({ result }) => result);
}
