/**
 * Reading-time estimates that suit Chinese: CJK text is counted in characters
 * (readers of Chinese manage roughly 300–400 a minute), Latin text in words.
 * Mixed text adds the two.
 */

/** Han characters plus Japanese kana: one "word" each when reading. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** A Latin-script word or a number, with inner apostrophes and hyphens. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Reading speeds; the defaults are for an average adult reading on screen. */
export interface ReadingSpeed {
  /** CJK characters per minute (default 350). */
  cjkPerMinute?: number;
  /** Latin words per minute (default 220). */
  wordsPerMinute?: number;
}

/** How much there is to read: CJK characters and other words. */
export function countText(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(WORD)?.length ?? 0;
  return { cjk, words };
}

/** Whole minutes needed to read `text`, at least 1. */
export function readingMinutes(text: string, speed: ReadingSpeed = {}): number {
  const { cjk, words } = countText(text);
  const minutes = cjk / (speed.cjkPerMinute ?? 350) + words / (speed.wordsPerMinute ?? 220);
  return Math.max(1, Math.ceil(minutes));
}

/**
 * The readable text of an MDX body: without import/export lines, JSX and HTML
 * tags, link targets, code fences' markers and Markdown punctuation.
 */
export function mdxToPlainText(body: string): string {
  return body
    .replace(/^(?:import|export)\s.*$/gm, "")
    .replace(/```[^\n]*\n/g, "")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_~`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
