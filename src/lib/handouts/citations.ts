import type { Citation } from "../../schemas/common.ts";
import { keptPerKey } from "../kept-per-key.ts";
import { scanMdxElements } from "../mdx/scan.ts";

/** A cited article as it appears in a handout: numbered once per document. */
export interface HandoutNote {
  /** 1-based footnote number, shared by every mention of the same article in the document. */
  number: number;
  policy: string;
  article: number;
  /** Author's notes from frontmatter `cites[].note`, in order, without duplicates. */
  notes: string[];
}

/** What a handout needs to know about one lesson to number its citations. */
export interface CitingSource {
  /** Frontmatter `cites`. */
  cites: readonly Citation[];
  /** The raw MDX body, scanned for `<Cite policy="…" article={N} />`. */
  body?: string | undefined;
}

/** Key of one article, e.g. `vocational-education-law-2022#24`. */
export function noteKey(policy: string, article: number): string {
  return `${policy}#${article}`;
}

/**
 * The citations of each body scanned so far. A build asks for a lesson's
 * several times (its print view, its course's handout, the policy pages'
 * "cited by" lists), and scanning means parsing the whole body. 20,000: more
 * bodies than a build has lessons and cases.
 */
const scanned = keptPerKey(20_000, (body: string): readonly Citation[] =>
  scanMdxElements(body, 1)
    .filter((element) => element.name === "Cite")
    .flatMap(({ attributes: { policy, article } }) =>
      typeof policy === "string" && typeof article === "number" ? [{ policy, article }] : [],
    ),
);

/**
 * Citations written in an MDX body as `<Cite policy="…" article={N} />`, in
 * reading order. The list is shared between callers: do not modify it.
 */
export function bodyCitations(body: string | undefined): readonly Citation[] {
  return body ? scanned(body) : [];
}

/**
 * Numbers the articles cited by a handout (one lesson or a whole course):
 * for each lesson in order, first the `<Cite>`s of its body in reading order
 * (so footnote numbers rise through the text), then frontmatter `cites` not
 * already mentioned. An article cited twice keeps its first number, so the
 * appendix prints each article once.
 */
export function numberCitations(sources: readonly CitingSource[]): HandoutNote[] {
  const notes = new Map<string, HandoutNote>();
  const add = ({ policy, article, note }: Citation) => {
    const key = noteKey(policy, article);
    let entry = notes.get(key);
    if (!entry) {
      entry = { number: notes.size + 1, policy, article, notes: [] };
      notes.set(key, entry);
    }
    if (note && !entry.notes.includes(note)) entry.notes.push(note);
  };
  for (const source of sources) {
    for (const citation of bodyCitations(source.body)) add(citation);
    for (const citation of source.cites) add(citation);
  }
  return [...notes.values()];
}

/** The notes of one lesson within a numbered document, in number order. */
export function notesOfLesson(
  source: CitingSource,
  numbered: readonly HandoutNote[],
): HandoutNote[] {
  const keys = new Set(
    [...bodyCitations(source.body), ...source.cites].map((c) => noteKey(c.policy, c.article)),
  );
  return numbered.filter((note) => keys.has(noteKey(note.policy, note.article)));
}
