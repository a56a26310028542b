import { intToChinese } from "../law/chinese-numerals.ts";

/**
 * How a citation is printed, the same as on the site: 《职业教育法》第二十四条.
 * A bracketed year or edition at the end of the short title is dropped.
 */
export function articleLabel(shortTitle: string, article: number): string {
  return `《${shortTitle.replace(/（.*）$/, "")}》第${intToChinese(article)}条`;
}

/** Paper of a whole-course handout: Letter only when every lesson asks for it. */
export function coursePaper(papers: readonly ("A4" | "Letter")[]): "A4" | "Letter" {
  return papers.length > 0 && papers.every((p) => p === "Letter") ? "Letter" : "A4";
}
