/** Groups of sorted glossary terms under their initial letter (A–Z). */
export interface LetterGroup<T> {
  /** Upper-case initial, or "#" for terms not starting with a Latin letter. */
  letter: string;
  items: T[];
}

/**
 * Groups items, already sorted by `key` (pinyin without tones for Chinese,
 * the English term for English), by the first letter of that key.
 */
export function groupByInitial<T>(items: readonly T[], key: (item: T) => string): LetterGroup<T>[] {
  const groups: LetterGroup<T>[] = [];
  for (const item of items) {
    const first = key(item)
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]/g, "")
      .charAt(0)
      .toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "#";
    const group = groups.at(-1);
    if (group?.letter === letter) group.items.push(item);
    else groups.push({ letter, items: [item] });
  }
  return groups;
}
