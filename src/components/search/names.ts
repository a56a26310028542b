import type { VocabularyEntry } from "../../lib/search/vocabulary.ts";

/**
 * What the search page does with the site's vocabulary (src/lib/search/vocabulary.ts):
 * read traditional characters, read a law's short name in an article query,
 * correct a one-character typo and suggest names when nothing is found.
 * Pure functions; the search page loads the data.
 */

/** The vocabulary file: names, and the traditional characters the table converts. */
export interface Vocabulary {
  entries: VocabularyEntry[];
  /** Every traditional character union-kb-t2s.json converts, as one string. */
  traditional: string;
}

/** Whether `query` has a character the traditional table converts. */
export function hasTraditional(query: string, vocabulary: Vocabulary): boolean {
  return [...query].some((char) => vocabulary.traditional.includes(char));
}

/** Converts traditional characters with the table's pairs ("會会勞劳…"). */
export function toSimplified(query: string, pairs: string): string {
  const table = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2)
    table.set(chars[i] as string, chars[i + 1] as string);
  return [...query].map((char) => table.get(char) ?? char).join("");
}

const lower = (text: string) => text.toLowerCase();
/** Latin names must stand as whole words ("VEL" in "VEL art 24", not in "travel"). */
const occursIn = (name: string, query: string): number => {
  const at = lower(query).indexOf(lower(name));
  if (at < 0) return -1;
  if (!/[a-z]/i.test(name)) return at;
  const before = query[at - 1] ?? " ";
  const after = query[at + name.length] ?? " ";
  return /[a-z0-9]/i.test(before) || /[a-z0-9]/i.test(after) ? -1 : at;
};

/**
 * In a query for a law article ("职教法 第二十四条", "VEL 第二十四条"), replaces
 * the law's name, as readers write it, by the name its article records carry
 * ("职业教育法"); laws in force are preferred to earlier versions with the same
 * name. Other queries are left alone: their words are indexed as written.
 */
export function withLawName(query: string, entries: readonly VocabularyEntry[]): string {
  let best: { at: number; name: string; canonical: string; inForce: boolean } | undefined;
  for (const entry of entries) {
    if (entry.kind !== "policy" || !entry.canonical) continue;
    for (const name of entry.names) {
      const at = occursIn(name, query);
      if (at < 0) continue;
      const better =
        !best ||
        name.length > best.name.length ||
        (name.length === best.name.length && entry.inForce && !best.inForce);
      if (better) best = { at, name, canonical: entry.canonical, inForce: entry.inForce ?? true };
    }
  }
  if (!best) return query;
  return `${query.slice(0, best.at)} ${best.canonical} ${query.slice(best.at + best.name.length)}`
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A one-character slip in a Chinese word — the wrong character of the same
 * sound (公会 for 工会) or shape (竟 for 竞) — corrected to a name of the
 * vocabulary: each space-separated part of three or more Chinese characters
 * that is not a name itself, but differs from exactly one name of the same
 * length in exactly one character. Returns the corrected query, or undefined.
 */
export function correctTypo(
  query: string,
  entries: readonly VocabularyEntry[],
): string | undefined {
  const names = new Set(
    entries.flatMap((entry) => entry.names).filter((name) => /^\p{Script=Han}{3,}$/u.test(name)),
  );
  let changed = false;
  const parts = query.split(" ").map((part) => {
    if (!/^\p{Script=Han}{3,}$/u.test(part) || names.has(part)) return part;
    const close = [...names].filter((name) => oneCharApart(part, name));
    if (close.length !== 1) return part;
    changed = true;
    return close[0] as string;
  });
  return changed ? parts.join(" ") : undefined;
}

function oneCharApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((char, i) => char !== y[i]).length === 1;
}

/**
 * Names to offer when nothing is found: for letters, names whose pinyin
 * starts with what was typed (spaces ignored) or whose English name contains
 * it; for Chinese, names sharing the most characters with the query.
 */
export function suggestionsFor(
  query: string,
  entries: readonly VocabularyEntry[],
  limit = 5,
): VocabularyEntry[] {
  const typed = lower(query).replace(/\s+/g, "");
  if (!typed) return [];
  const score = (entry: VocabularyEntry): number => {
    if (/^[a-z]+$/.test(typed)) {
      if (entry.pinyin.split(" ").some((key) => key.startsWith(typed))) return 2;
      return entry.names.some((name) => lower(name).replace(/\s+/g, "").includes(typed)) ? 1 : 0;
    }
    const chars = new Set([...typed].filter((char) => /\p{Script=Han}/u.test(char)));
    const shared = Math.max(
      ...entry.names.map((name) => [...new Set(name)].filter((char) => chars.has(char)).length),
    );
    return shared >= 2 ? shared : 0;
  };
  return entries
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/**
 * The pages the query names outright: an entry one of whose names, or the
 * pinyin of one of its Chinese names ("zhijiaofa", "shi dai tu"), is exactly
 * what was typed. Their URLs rank first (promoteNamed), whatever each part of
 * a split index scores them.
 */
export function namedUrls(query: string, entries: readonly VocabularyEntry[]): Set<string> {
  const typed = lower(query).trim();
  const letters = typed.replace(/\s+/g, "");
  return new Set(
    entries
      .filter(
        (entry) =>
          entry.names.some((name) => lower(name) === typed) ||
          (/^[a-z]+$/.test(letters) && entry.pinyin.split(" ").includes(letters)),
      )
      .map((entry) => entry.url),
  );
}
