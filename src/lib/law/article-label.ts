import { intToChinese } from "./chinese-numerals.ts";

/** A law's name as citations print it: the short title without the year in brackets (工会法). */
export function lawShortName(shortTitle: string): string {
  return shortTitle.replace(/（.*）$/, "");
}

/**
 * How a citation of an article reads, as <Cite> prints it: 《工会法》第三十二条.
 * Without a short title (an unknown policy) just 第三十二条.
 */
export function articleLabel(shortTitle: string | undefined, article: number): string {
  const number = `第${intToChinese(article)}条`;
  return shortTitle === undefined ? number : `《${lawShortName(shortTitle)}》${number}`;
}
