import { pinyin } from "pinyin-pro";

/** One segmenter for every call (making one costs more than segmenting a title). */
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

const syllablesOf = (run: string) =>
  pinyin(run, { toneType: "none", type: "array" }).map((s) => s.toLowerCase().replaceAll("ü", "v"));

/**
 * Toneless pinyin of a title or a short name, as readers type it on a phone,
 * a kiosk's letter keyboard or a keyboard without a Chinese input method:
 * every syllable, every word's syllables run together ("培训" → "peixun"), and
 * every run of two or three neighbouring syllables ("上岗" → "shanggang",
 * "文化宫" → "wenhuagong"), since the word segmenter and readers do not always
 * agree on where a word ends; a short name (≤ 6 characters, e.g. 职教法) is
 * also given whole ("zhijiaofa"). ü is written v, as on keyboards.
 * Text without Chinese characters gives "".
 */
export function pinyinKeys(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return "";
  const keys = new Set<string>();
  for (const { segment } of segmenter.segment(text))
    if (/^\p{Script=Han}+$/u.test(segment)) keys.add(syllablesOf(segment).join(""));
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const syllables = syllablesOf(run);
    for (const [i, syllable] of syllables.entries()) {
      keys.add(syllable);
      for (const length of [2, 3])
        if (i + length <= syllables.length) keys.add(syllables.slice(i, i + length).join(""));
    }
    if (run.length <= 6) keys.add(syllables.join(""));
  }
  return [...keys].join(" ");
}
