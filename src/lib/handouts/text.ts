import { intToChinese } from "../law/chinese-numerals.ts";

/** Fills `{name}` placeholders of a UI string: fill("第 {n} 课", { n: 2 }) → "第 2 课". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

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
