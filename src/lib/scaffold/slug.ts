import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;
/** Slugs longer than this are cut at a dash: addresses stay readable. */
const MAX_SLUG = 60;

/** True when the text contains Chinese characters. */
export function hasChinese(text: string): boolean {
  return HAN.test(text);
}

/**
 * A URL-safe kebab-case slug from a title: Chinese is spelled in toneless
 * pinyin (企业的培训义务 → qi-ye-de-pei-xun-yi-wu), other text is lower-cased
 * (Employers' Duties → employers-duties). Empty when nothing usable is left.
 */
export function slugFromTitle(title: string): string {
  const words = hasChinese(title)
    ? pinyin(title, { toneType: "none", type: "array", nonZh: "consecutive", v: true })
    : [title];
  const slug = words
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

/** Pinyin with tone marks, syllables separated by spaces: 职工教育经费 → zhí gōng jiào yù jīng fèi. */
export function pinyinOf(chinese: string): string {
  return pinyin(chinese, { type: "array", nonZh: "removed" })
    .filter((syllable) => syllable.trim())
    .join(" ");
}
