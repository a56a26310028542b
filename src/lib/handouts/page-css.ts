/** Paper sizes a handout can be printed on. */
export const PAPERS = ["A4", "Letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** True when `value` names a supported paper size (case-sensitive, as written in content). */
export function isPaper(value: string): value is Paper {
  return (PAPERS as readonly string[]).includes(value);
}

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")}"`;
}

/**
 * CSS `content` for a page-number margin box from a UI template such as
 * "第 {page} 页 / 共 {pages} 页" or "Page {page} of {pages}".
 */
export function pageNumberContent(template: string): string {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((part) => part !== "");
  return parts
    .map((part) => {
      if (part === "{page}") return "counter(page)";
      if (part === "{pages}") return "counter(pages)";
      return cssString(part);
    })
    .join(" ");
}

/** What the page frame of a handout shows. */
export interface PageFrame {
  paper: Paper;
  /** Top-left running header, usually the organisation. */
  header: string;
  /** Top-right running header, usually the handout title. */
  title: string;
  /** Page-number template, see {@link pageNumberContent}. */
  pageNumber: string;
}

/**
 * The @page rules of a handout. They are made per page because the running
 * header and the page-number words come from site.yaml and the UI strings.
 * The first page carries the organisation header in the body, so its top
 * margin boxes stay empty.
 */
export function pageRules({ paper, header, title, pageNumber }: PageFrame): string {
  const box = "font-family: 'Noto Sans SC', sans-serif; font-size: 8.5pt; color: #44403c;";
  return [
    `@page { size: ${paper} portrait; margin: 18mm 16mm 20mm 16mm; }`,
    `@page { @top-left { content: ${cssString(header)}; ${box} } @top-right { content: ${cssString(title)}; ${box} } @bottom-center { content: ${pageNumberContent(pageNumber)}; ${box} } }`,
    "@page :first { @top-left { content: none; } @top-right { content: none; } }",
  ].join("\n");
}
