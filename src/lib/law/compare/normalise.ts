import { chineseToInt } from "../chinese-numerals.ts";
import type { LawArticle } from "../parse-law-text.ts";

/*
 * Text of an article as the comparison sees it. Two versions of a law are
 * typed by different hands: full-width or half-width letters, digits and
 * brackets, 、 or ， in a list, Chinese or Arabic numerals in "第二十条" or
 * "五年". None of that is a change of the law, so it is folded away before
 * articles are compared. The diff shown to readers is of the official texts
 * as they are; only the classing uses this form.
 */

/** Chinese punctuation NFKC leaves alone, folded to one ASCII form each. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  "。": ".",
  "、": ",",
  "“": '"',
  "”": '"',
  "‘": "'",
  "’": "'",
  "「": '"',
  "」": '"',
  "『": '"',
  "』": '"',
  "〈": "<",
  "〉": ">",
  "《": "<",
  "》": ">",
  "【": "[",
  "】": "]",
  "—": "-",
  "－": "-",
  "…": "...",
};

const NUMERAL = "[零〇一二三四五六七八九十百千万]+";
/** A numeral that counts something: 第N条/章/节/款/项, N年/月/日/周/倍/元/人. */
const COUNTED = new RegExp(
  `(?<=第)${NUMERAL}(?=[条條章节節款项項])|${NUMERAL}(?=[年月日周倍元人个項项款])`,
  "g",
);
/** An item marker （一） or (一). */
const ITEM = /\((?<n>[一二三四五六七八九十]+)\)/g;

/** A Chinese numeral as Arabic digits, or the numeral itself when it is not one (一定). */
function toArabic(numeral: string): string {
  try {
    return String(chineseToInt(numeral.replace(/〇/g, "零")));
  } catch {
    return numeral;
  }
}

/**
 * The comparison form of a piece of law text: NFKC (full-width letters,
 * digits and ，；：（） to half-width), the rest of the Chinese punctuation
 * to one ASCII form, counted Chinese numerals to Arabic (第二十条 → 第20条,
 * 五年 → 5年, （一） → (1)), and no white space.
 */
export function normaliseLawText(text: string): string {
  let out = text.normalize("NFKC");
  out = out.replace(/[。、“”‘’「」『』〈〉《》【】—－…]/g, (c) => PUNCTUATION[c] ?? c);
  out = out.replace(/[\s\u3000]+/g, "");
  out = out.replace(COUNTED, (n) => toArabic(n));
  out = out.replace(ITEM, (_m, n: string) => `(${toArabic(n)})`);
  return out;
}

/** An article's paragraphs as one text, items with their markers, one paragraph per line. */
export function articleText(article: LawArticle): string {
  return article.paragraphs.map((p) => `${p.item ?? ""}${p.text}`).join("\n");
}

/** The comparison form of a whole article. */
export function normalisedArticle(article: LawArticle): string {
  return normaliseLawText(articleText(article));
}

/** Character bigrams of the text without punctuation, with their counts. */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/[\p{P}\p{S}]/gu, "")];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  // A one-character text still has something to compare.
  if (chars.length === 1) out.set(chars[0] ?? "", 1);
  return out;
}

function sharedCount(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return shared;
}

function total(a: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of a.values()) sum += count;
  return sum;
}

/**
 * Dice's coefficient over character bigrams, 0 (nothing shared) to 1 (the
 * same bigrams). Chinese has no spaces between words, and most words are two
 * characters, so bigrams stand in for words; unlike an edit distance the
 * measure does not punish a clause moved within the article, which revisions
 * do often.
 */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const size = total(a) + total(b);
  return size === 0 ? 0 : (2 * sharedCount(a, b)) / size;
}

/**
 * How much of `part` is found in `whole` (0 to 1): an old article merged
 * into a longer new one scores high here while its Dice score stays low.
 */
export function containment(
  part: ReadonlyMap<string, number>,
  whole: ReadonlyMap<string, number>,
): number {
  const size = total(part);
  return size === 0 ? 0 : sharedCount(part, whole) / size;
}
