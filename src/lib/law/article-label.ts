import { intToChinese } from "./chinese-numerals.ts";

/** A law's name as citations print it: the short title without the year in brackets (工会法). */
export function lawShortName(shortTitle: string): string {
  return shortTitle.replace(/（.*）$/, "");
}

/** The version in a short title's brackets: "（2022）" for 职业教育法（2022）, or "". */
export function versionOf(shortTitle: string): string {
  return /（[^（）]*）$/.exec(shortTitle)?.[0] ?? "";
}

/**
 * The law names that more than one policy carries (职业教育法 for the 1996 and
 * 2022 texts): citations of those name the version.
 */
export function versionedLawNames(shortTitles: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const title of shortTitles) {
    const name = lawShortName(title);
    if (seen.has(name)) twice.add(name);
    seen.add(name);
  }
  return twice;
}

/**
 * How a citation of an article reads, as <Cite> prints it: 《工会法》第三十二条.
 * With `versioned` (another version of the law is in the knowledge base) the
 * version follows the name: 《职业教育法》（2022）第二十四条.
 * Without a short title (an unknown policy) just 第三十二条.
 */
export function articleLabel(
  shortTitle: string | undefined,
  article: number,
  versioned = false,
): string {
  const number = `第${intToChinese(article)}条`;
  if (shortTitle === undefined) return number;
  return `《${lawShortName(shortTitle)}》${versioned ? versionOf(shortTitle) : ""}${number}`;
}
