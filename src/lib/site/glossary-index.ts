/** Groups of sorted glossary terms under their initial letter (A–Z). */
export interface LetterGroup<T> {
  /** Upper-case initial, or "#" for terms not starting with a Latin letter. */
  letter: string;
  items: T[];
}

/**
 * What a glossary term sorts by: lower case, accents and leading punctuation
 * dropped, so ‘"create and strive" campaign’ sorts under C, not before A.
 */
export function sortableText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .toLowerCase();
}

/**
 * Groups items, already sorted by `key` (pinyin without tones for Chinese,
 * the English term for English), by the first letter of that key. Each letter
 * has one group (one `#letter-X` anchor), even if the sort put a stray item
 * elsewhere; groups keep the order in which their letters first appear.
 */
export function groupByInitial<T>(items: readonly T[], key: (item: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, LetterGroup<T>>();
  for (const item of items) {
    const first = key(item)
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]/g, "")
      .charAt(0)
      .toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "#";
    const group = groups.get(letter);
    if (group) group.items.push(item);
    else groups.set(letter, { letter, items: [item] });
  }
  return [...groups.values()];
}
