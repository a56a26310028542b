/** Paper sizes a handout can be printed on. */
export const PAPERS = ["A4", "Letter"] as const;
export type Paper = (typeof PAPERS)[number];
/** Any paper a print view can ask for: the handout papers, and A3 for noticeboard posters. */
export type PrintPaper = Paper | "A3";

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
  paper: PrintPaper;
  /** Top-left running header, usually the organisation. */
  header: string;
  /** Top-right running header, usually the handout title. */
  title: string;
  /** Page-number template, see {@link pageNumberContent}. */
  pageNumber: string;
  /** Landscape for wide tables (the 新旧条文对照表); portrait by default. */
  orientation?: "portrait" | "landscape" | undefined;
}

/** Page margins of a handout, in millimetres. */
const MARGIN_MM = { top: 18, bottom: 20, side: 16 } as const;

/** Width and height of each paper, in millimetres. */
const PAPER_MM: Record<PrintPaper, { width: number; height: number }> = {
  A3: { width: 297, height: 420 },
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** The printable area of one page (inside the margins), in CSS pixels (96 per inch). */
export function printableArea(paper: PrintPaper): { width: number; height: number } {
  const px = (mm: number) => (mm * 96) / 25.4;
  const { width, height } = PAPER_MM[paper];
  return {
    width: px(width - 2 * MARGIN_MM.side),
    height: px(height - MARGIN_MM.top - MARGIN_MM.bottom),
  };
}

/**
 * The @page rules of a handout. They are made per page because the running
 * header and the page-number words come from site.yaml and the UI strings.
 * The first page carries the organisation header in the body, so its top
 * margin boxes stay empty.
 */
export function pageRules({
  paper,
  header,
  title,
  pageNumber,
  orientation = "portrait",
}: PageFrame): string {
  const box = "font-family: 'Noto Sans SC', sans-serif; font-size: 8.5pt; color: #44403c;";
  return [
    `@page { size: ${paper} ${orientation}; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.side}mm; }`,
    `@page { @top-left { content: ${cssString(header)}; ${box} } @top-right { content: ${cssString(title)}; ${box} } @bottom-center { content: ${pageNumberContent(pageNumber)}; ${box} } }`,
    "@page :first { @top-left { content: none; } @top-right { content: none; } }",
  ].join("\n");
}

/** Margin of a noticeboard poster page, in millimetres (no running header or page number). */
export const POSTER_MARGIN_MM = 12;

/**
 * The @page rule of a noticeboard poster: its paper, portrait, a narrow margin
 * and no margin boxes. Added after the site's print.css (whose @page is A4).
 */
export function posterPageRule(paper: PrintPaper): string {
  const none =
    "@top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }";
  return `@page { size: ${paper} portrait; margin: ${POSTER_MARGIN_MM}mm; ${none} }`;
}
