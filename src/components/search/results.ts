import { chineseToInt, intToChinese } from "../../lib/law/chinese-numerals.ts";

/** The parts of a Pagefind sub-result the UI uses. */
export interface SubResultLike {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string } | undefined;
  weighted_locations: { balanced_score: number }[];
}

/** The parts of a loaded Pagefind result (`await result.data()`) the UI uses. */
export interface FragmentLike {
  url: string;
  excerpt: string;
  /** The page's indexed text (Pagefind loads it with the result). */
  content?: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResultLike[];
}

/** One result as shown: page link, type/course line, snippet, best matching sections. */
export interface ShownResult {
  url: string;
  title: string;
  type: string | undefined;
  course: string | undefined;
  /** The language the page is written in (meta `lang`), when known. */
  lang: string | undefined;
  excerpt: string;
  sections: { title: string; url: string; excerpt: string }[];
}

const ARABIC_ARTICLE = /(?:第\s*)?(\d{1,4})\s*条/g;
/** "art 24", "Art. 24", "article 24", "arts. 24" as English-speaking readers write an article. */
const ENGLISH_ARTICLE = /\b(?:article|arts?)\.?\s*(\d{1,4})\b/gi;
const CHINESE_ARTICLE = /第([零〇一二两三四五六七八九十百千]+)条/;

/**
 * Rewrites what readers type into what the law texts say: full-width letters
 * and digits become half-width (NFKC), "第24条", "24条" and "art 24" become
 * "第二十四条", the form every official text uses, set apart from a law name
 * typed right before it ("职业教育法第二十四条"); spaces are tidied.
 */
export function normalizeQuery(query: string): string {
  const article = (whole: string, digits: string) => {
    const n = Number(digits);
    return n >= 1 && n <= 9999 ? ` 第${intToChinese(n)}条 ` : whole;
  };
  return (
    query
      .normalize("NFKC")
      .replace(ARABIC_ARTICLE, article)
      .replace(ENGLISH_ARTICLE, article)
      // "劳动法 八十八条": the 第 left out.
      .replace(
        /(^|[^第零〇一二两三四五六七八九十百千])([一二三四五六七八九十][零〇一二两三四五六七八九十百千]*条)/gu,
        "$1第$2",
      )
      .replace(/(\p{Script=Han})(第[零〇一二两三四五六七八九十百千]+条)/gu, "$1 $2")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The article number a query asks for ("第二十四条" → 24), if any. */
export function articleNumberOf(query: string): number | undefined {
  const match = CHINESE_ARTICLE.exec(normalizeQuery(query));
  if (!match?.[1]) return undefined;
  try {
    return chineseToInt(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * The sections of a page worth showing under it, best first: the article the
 * query names (`#art-N`) leads, then sections by Pagefind's match scores.
 * The page-top section is left out — the page link itself covers it.
 */
export function bestSections(
  fragment: FragmentLike,
  query: string,
  limit = 3,
): ShownResult["sections"] {
  const article = articleNumberOf(query);
  const score = (sub: SubResultLike) =>
    sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0) +
    (article !== undefined && sub.anchor?.id === `art-${article}` ? 1e6 : 0);
  return fragment.sub_results
    .filter((sub) => sub.anchor && sub.url !== fragment.url)
    .map((sub) => ({ sub, score: score(sub) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ sub }) => ({ title: sub.title, url: sub.url, excerpt: cleanExcerpt(sub.excerpt) }));
}

/** Turns a loaded Pagefind result into what the result list shows. */
export function toShownResult(fragment: FragmentLike, query: string): ShownResult {
  return {
    url: fragment.url,
    title: fragment.meta.title ?? fragment.url,
    type: fragment.meta.type,
    course: fragment.meta.course,
    lang: fragment.meta.lang,
    excerpt: cleanExcerpt(fragment.excerpt),
    sections: bestSections(fragment, query),
  };
}

/**
 * Puts first what the query names outright, keeping Pagefind's order
 * otherwise: (1) for "职业教育法 第二十四条", that article of a law the query
 * names — Pagefind alone ranks by shared characters, and 第二十四条 shares 第二
 * with every article from 20 to 29; (2) that law's page, which lists the
 * article as a section; (3) an entry one of whose declared names (`aliases`
 * meta: a law's short names, a glossary term's Chinese and English names and
 * synonyms) is exactly the query, such as the term 职业技能等级证书 or the
 * Labour Law for "劳动法", or whose vocabulary entry (`named`: URLs from
 * namedUrls(), which also reads pinyin) it is; (4) a result whose title, in either language, is
 * exactly the query; (5) a result whose title contains the query; last, list pages (meta `list`, the glossary index),
 * since the entry itself is the better answer.
 */
export function promoteNamed<T extends FragmentLike>(
  fragments: readonly T[],
  query: string,
  named: ReadonlySet<string> = new Set(),
): T[] {
  const normalized = normalizeQuery(query);
  const article = articleNumberOf(query);
  const compact = (text: string) =>
    text
      .replace(/[（）()《》\s]/g, "")
      .replace(/^中华人民共和国/, "")
      .toLowerCase();
  const rest = compact(normalized.replace(CHINESE_ARTICLE, " "));
  const titleOf = (fragment: T) => compact((fragment.meta.title ?? "").split(" · ")[0] ?? "");
  const names = (fragment: T) => rest !== "" && titleOf(fragment).includes(rest);
  const wanted = compact(normalized);
  const tier = (fragment: T): number => {
    if (fragment.meta.list) return 9;
    if (article !== undefined) {
      const anchor = `#art-${article}`;
      if (decodeURI(fragment.url).endsWith(anchor) && names(fragment)) return 0;
      if (names(fragment) && fragment.sub_results.some((sub) => sub.anchor?.id === anchor.slice(1)))
        return 1;
      return 5;
    }
    const aliases = (fragment.meta.aliases ?? "").split("|").map(compact);
    if (aliases.includes(wanted) || named.has(fragment.url)) return 2;
    const titles = [...(fragment.meta.title ?? "").split(" · "), fragment.meta.title_en ?? ""]
      .map(compact)
      .filter(Boolean);
    if (titles.includes(wanted)) return 3;
    // An entry about the word ("培训" → 职业培训, 再就业培训与转岗培训) before
    // records that merely use it, such as law articles.
    return wanted.length >= 2 && titles.some((title) => title.includes(wanted)) ? 4 : 5;
  };
  return fragments
    .map((fragment, index) => ({ fragment, index, tier: tier(fragment) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ fragment }) => fragment);
}

/**
 * Pagefind starts an excerpt at a word boundary it chose, which in Chinese can
 * be the punctuation after a sentence (". 企业……", "。；职工……"): such leading
 * marks and spaces are dropped.
 */
export function cleanExcerpt(html: string): string {
  return html.replace(/^(?:\s|[.,;:!?)\]}、。，；：！？）」』》〉”’])+/u, "");
}

/** One filter choice offered to the reader: a label and the indexed values it stands for. */
export interface FilterChoice {
  label: string;
  values: string[];
  count: number;
}

/**
 * Merges the values Pagefind reports for one filter into the labels of the
 * page's language (see filterSynonyms in src/data/search-filters.ts); values
 * with no synonym are offered as they are.
 */
export function filterChoices(
  counts: Readonly<Record<string, number>>,
  synonyms: Readonly<Record<string, string>> = {},
): FilterChoice[] {
  const byLabel = new Map<string, FilterChoice>();
  for (const [value, count] of Object.entries(counts)) {
    const label = synonyms[value] ?? value;
    const choice = byLabel.get(label) ?? { label, values: [], count: 0 };
    choice.values.push(value);
    choice.count += count;
    byLabel.set(label, choice);
  }
  return [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
}
