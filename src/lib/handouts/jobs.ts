import { createHash } from "node:crypto";
import type { PrintPaper } from "./page-css.ts";

/** One printable handout listed in dist/print/handouts.json. */
export interface HandoutEntry {
  course: string;
  /** Lesson slug; absent for the whole-course handout. */
  lesson?: string | undefined;
  title: string;
  /** Root-relative path of the print view, without the base path. */
  path: string;
  /** Output file, relative to the handouts folder, e.g. `courses/x/y.pdf`. */
  pdf: string;
  /** Paper the content asks for (lesson `handout.paper`); `--paper` overrides it, except for a poster. */
  paper: PrintPaper;
  /** A noticeboard poster (`poster:` of a material): printed on its own paper, never `--paper`. */
  kind?: "poster" | undefined;
  /** Landscape pages (the 新旧条文对照表); portrait when absent. */
  orientation?: "landscape" | undefined;
}

/** dist/print/handouts.json: what the build can print, and the base path it was built for. */
export interface HandoutIndex {
  base: string;
  /** site.yaml `url` the site was built with (what the QR codes encode); absent in older builds. */
  url?: string | undefined;
  handouts: HandoutEntry[];
}

/** Path of the index inside a built site. */
export const HANDOUT_INDEX = "print/handouts.json";

/** Reads the index written by the build; throws with a plain message when it is not one. */
export function parseHandoutIndex(text: string): HandoutIndex {
  const data: unknown = JSON.parse(text);
  if (
    typeof data !== "object" ||
    data === null ||
    !("base" in data) ||
    typeof data.base !== "string" ||
    !("handouts" in data) ||
    !Array.isArray(data.handouts)
  ) {
    throw new Error(`${HANDOUT_INDEX} is not a handout index; rebuild the site.`);
  }
  return data as HandoutIndex;
}

/** The result of choosing handouts from the command line. */
export type Selection = { ok: true; handouts: HandoutEntry[] } | { ok: false; message: string };

/**
 * Handouts for `npm run handouts -- [course [lesson]]`: everything, one course
 * (its course handout and every lesson), or one lesson.
 */
export function selectHandouts(index: HandoutIndex, course?: string, lesson?: string): Selection {
  if (!course) return { ok: true, handouts: index.handouts };
  const ofCourse = index.handouts.filter((h) => h.course === course);
  if (ofCourse.length === 0) {
    const courses = [...new Set(index.handouts.map((h) => h.course))];
    return {
      ok: false,
      message: `There is no course "${course}" in the built site. Courses: ${courses.join(", ") || "(none)"}.`,
    };
  }
  if (!lesson) return { ok: true, handouts: ofCourse };
  const one = ofCourse.filter((h) => h.lesson === lesson);
  if (one.length === 0) {
    const lessons = ofCourse.flatMap((h) => (h.lesson ? [h.lesson] : []));
    return {
      ok: false,
      message: `Course "${course}" has no lesson "${lesson}". Lessons: ${lessons.join(", ") || "(none)"}.`,
    };
  }
  return { ok: true, handouts: one };
}

/** One line per written PDF in the handouts folder's manifest. */
export interface ManifestEntry {
  hash: string;
  paper: PrintPaper;
}

/** `<out>/handouts-manifest.json`: what each PDF was made from. */
export type HandoutManifest = Record<string, ManifestEntry>;

export const MANIFEST_FILE = "handouts-manifest.json";

/** Options of a run that change what a PDF looks like. */
export interface PrintVariant {
  /** --url: the address the QR codes point to. */
  url?: string | undefined;
  /** --compact: no note-taking space. */
  compact?: boolean | undefined;
}

/**
 * Fingerprint of a handout: the print page's HTML (which names its hashed CSS
 * and font files, so a style change shows too), the paper size and the options
 * that change the print (--url, --compact).
 */
export function handoutHash(html: string, paper: PrintPaper, variant: PrintVariant = {}): string {
  const options = `${variant.url ?? ""}\0${variant.compact ? "compact" : ""}`;
  return createHash("sha256")
    .update(paper)
    .update("\0")
    .update(options)
    .update("\0")
    .update(html)
    .digest("hex");
}

/** Reads a manifest; a missing or damaged one just means "render everything". */
export function parseManifest(text: string | undefined): HandoutManifest {
  if (!text) return {};
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as HandoutManifest)
      : {};
  } catch {
    return {};
  }
}

/** True when the PDF exists and was made from exactly this page and paper. */
export function isUpToDate(
  manifest: HandoutManifest,
  pdf: string,
  hash: string,
  pdfExists: boolean,
): boolean {
  return pdfExists && manifest[pdf]?.hash === hash;
}
