import { joinBase } from "../site/routes.ts";

/**
 * The absolute address of a page of the online site, printed under the QR
 * code: site.yaml `url` + `base` + the page's root-relative path.
 */
export function absoluteUrl(siteUrl: string, base: string, path: string): string {
  const origin = siteUrl.replace(/\/+$/, "");
  return `${origin}${joinBase(base, path)}`;
}

/** Root-relative path of the print view of a course or one of its lessons. */
export function printPath(course: string, lesson?: string): string {
  return lesson ? `/print/courses/${course}/${lesson}/` : `/print/courses/${course}/`;
}

/** Where the PDF of a course or lesson is written, relative to the output folder. */
export function pdfPath(course: string, lesson?: string): string {
  return lesson ? `courses/${course}/${lesson}.pdf` : `courses/${course}.pdf`;
}

/** Root-relative path of the print view of a 新旧条文对照表 (two versions of a law). */
export function comparePrintPath(newer: string, older: string): string {
  return `/print/policies/${newer}/compare/${older}/`;
}

/** Where the PDF of a 新旧条文对照表 is written, relative to the output folder. */
export function comparePdfPath(newer: string, older: string): string {
  return `policies/${newer}/compare-${older}.pdf`;
}

/** Root-relative path of the print view of a material's noticeboard poster. */
export function posterPrintPath(material: string): string {
  return `/print/materials/${material}/poster/`;
}

/** Where the PDF of a material's noticeboard poster is written, relative to the output folder. */
export function posterPdfPath(material: string): string {
  return `materials/${material}/poster.pdf`;
}

/** The newest of some dates: a course handout is as new as its newest lesson. */
export function latestDate(dates: readonly Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}
