import { intToChinese } from "./chinese-numerals.ts";

/** How a citation names one article: 《职业教育法》第二十四条 (a short title's "（2022）" left out). */
export function articleLabel(shortTitle: string, article: number): string {
  return `《${shortTitle.replace(/（.*）$/, "")}》第${intToChinese(article)}条`;
}
