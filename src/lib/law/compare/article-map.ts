import type { z } from "astro/zod";
import { ChangeClassSchema } from "../../../schemas/law-changes.ts";
import { articleId, type LawText } from "../parse-law-text.ts";
import { bigrams, containment, normalisedArticle, similarity } from "./normalise.ts";

/** How an article fared between two versions of a law. */
export type ChangeClass = z.infer<typeof ChangeClassSchema>;

/** The classes in the order counts and legends show them (the schema's order). */
export const CHANGE_CLASSES: readonly ChangeClass[] = ChangeClassSchema.options;

/** One row of the map: old articles (ids as in `articleId`, "24" or "24-1") and the new ones they became. */
export interface ArticleChange {
  class: ChangeClass;
  old: string[];
  new: string[];
  /** Dice similarity of the normalised texts (0–1), when both sides exist. */
  similarity?: number;
  /** Whether the computation found this row or the override file says so. */
  source: "computed" | "override";
  note?: string;
}

/** An authored correction: the same shape without the computed parts. */
export interface ChangeOverride {
  class: ChangeClass;
  old: string[];
  new: string[];
  note?: string;
}

/** Dice score from which two articles count as one article amended (see docs/law-versions.md). */
export const MATCH_THRESHOLD = 0.4;
/** Share of an unmatched article's bigrams found in a matched one for it to count as merged or split into it. */
export const CONTAIN_THRESHOLD = 0.6;

interface Side {
  id: string;
  norm: string;
  grams: Map<string, number>;
}

function sideOf(text: LawText): Side[] {
  return text.articles.map((a) => {
    const norm = normalisedArticle(a);
    return { id: articleId(a), norm, grams: bigrams(norm) };
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Computes the map between two versions of a law from their texts alone:
 *
 * 1. identical normalised texts pair up (unchanged when the number is the
 *    same, renumbered otherwise);
 * 2. the remaining pairs, most similar first, pair up one to one while their
 *    Dice score is at least MATCH_THRESHOLD (amended);
 *    then a pair left over where most (CONTAIN_THRESHOLD) of one text is
 *    inside the other, as when a short article grows into a long one;
 * 3. an old article left over whose text is mostly (CONTAIN_THRESHOLD) inside
 *    a paired new article was merged into it; a new article left over mostly
 *    inside a paired old one was split from it;
 * 4. what is left is deleted (old) or new.
 *
 * Rows come in the new law's order; deleted articles follow the row of the
 * old article before them.
 */
export function computeArticleMap(oldText: LawText, newText: LawText): ArticleChange[] {
  const olds = sideOf(oldText);
  const news = sideOf(newText);
  const oldTo = new Map<string, ArticleChange>();
  const newTo = new Map<string, ArticleChange>();
  const pair = (o: Side, n: Side, row: ArticleChange) => {
    oldTo.set(o.id, row);
    newTo.set(n.id, row);
  };
  // 1. Same text.
  for (const o of olds) {
    const same =
      news.find((n) => n.id === o.id && n.norm === o.norm && !newTo.has(n.id)) ??
      news.find((n) => n.norm === o.norm && !newTo.has(n.id));
    if (!same) continue;
    pair(o, same, {
      class: same.id === o.id ? "unchanged" : "renumbered",
      old: [o.id],
      new: [same.id],
      similarity: 1,
      source: "computed",
    });
  }
  // 2. Most similar first, one to one.
  const candidates: { o: Side; n: Side; score: number }[] = [];
  for (const o of olds) {
    if (oldTo.has(o.id)) continue;
    for (const n of news) {
      if (newTo.has(n.id)) continue;
      const score = similarity(o.grams, n.grams);
      if (score >= MATCH_THRESHOLD) candidates.push({ o, n, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const { o, n, score } of candidates) {
    if (oldTo.has(o.id) || newTo.has(n.id)) continue;
    pair(o, n, {
      class: "amended",
      old: [o.id],
      new: [n.id],
      similarity: round(score),
      source: "computed",
    });
  }
  // 2b. An article that grew or shrank a lot keeps a low Dice score; when
  // most of the shorter text is inside the longer one, they are still one.
  const contained: { o: Side; n: Side; score: number }[] = [];
  for (const o of olds) {
    if (oldTo.has(o.id)) continue;
    for (const n of news) {
      if (newTo.has(n.id)) continue;
      const score = Math.max(containment(o.grams, n.grams), containment(n.grams, o.grams));
      if (score >= CONTAIN_THRESHOLD) contained.push({ o, n, score });
    }
  }
  contained.sort((a, b) => b.score - a.score);
  for (const { o, n } of contained) {
    if (oldTo.has(o.id) || newTo.has(n.id)) continue;
    pair(o, n, {
      class: "amended",
      old: [o.id],
      new: [n.id],
      similarity: round(similarity(o.grams, n.grams)),
      source: "computed",
    });
  }
  // 3. Merged and split.
  for (const o of olds) {
    if (oldTo.has(o.id)) continue;
    const best = bestContainer(o, news, newTo);
    if (!best) continue;
    best.row.class = "merged";
    best.row.old.push(o.id);
    oldTo.set(o.id, best.row);
  }
  for (const n of news) {
    if (newTo.has(n.id)) continue;
    const best = bestContainer(n, olds, oldTo);
    if (!best || best.row.class === "merged") continue;
    best.row.class = "split";
    best.row.new.push(n.id);
    newTo.set(n.id, best.row);
  }
  return orderRows(oldText, newText, [...new Set([...oldTo.values(), ...newTo.values()])]);
}

/** The paired article on the other side that holds most of `side`'s text, when it holds enough. */
function bestContainer(
  side: Side,
  others: readonly Side[],
  rows: ReadonlyMap<string, ArticleChange>,
): { row: ArticleChange; score: number } | undefined {
  let best: { row: ArticleChange; score: number } | undefined;
  for (const other of others) {
    const row = rows.get(other.id);
    if (!row) continue;
    const score = containment(side.grams, other.grams);
    if (score >= CONTAIN_THRESHOLD && (!best || score > best.score)) best = { row, score };
  }
  return best;
}

/**
 * Lays authored overrides over computed rows: a computed row that names any
 * article an override names is dropped, and articles no row names any more
 * become new or deleted. The result is again in the new law's order.
 */
export function applyOverrides(
  oldText: LawText,
  newText: LawText,
  computed: readonly ArticleChange[],
  overrides: readonly ChangeOverride[],
): ArticleChange[] {
  const namedOld = new Set(overrides.flatMap((o) => o.old));
  const namedNew = new Set(overrides.flatMap((o) => o.new));
  const kept = computed.filter(
    (row) => !row.old.some((id) => namedOld.has(id)) && !row.new.some((id) => namedNew.has(id)),
  );
  const rows: ArticleChange[] = [
    ...kept.filter((row) => row.old.length > 0 && row.new.length > 0),
    ...overrides.map((o) => {
      const row: ArticleChange = {
        class: o.class,
        old: [...o.old],
        new: [...o.new],
        source: "override",
      };
      if (o.note !== undefined) row.note = o.note;
      return row;
    }),
  ];
  return orderRows(oldText, newText, rows);
}

/**
 * Adds a row for every article no row names (new or deleted) and sorts the
 * rows in the new law's order, each deleted article after the row of the
 * old article before it.
 */
function orderRows(oldText: LawText, newText: LawText, rows: ArticleChange[]): ArticleChange[] {
  const newIds = newText.articles.map((a) => articleId(a));
  const oldIds = oldText.articles.map((a) => articleId(a));
  const covered = new Set(
    rows.flatMap((r) => [...r.old.map((id) => `o${id}`), ...r.new.map((id) => `n${id}`)]),
  );
  const all = [...rows];
  for (const id of newIds) {
    if (!covered.has(`n${id}`)) all.push({ class: "new", old: [], new: [id], source: "computed" });
  }
  for (const id of oldIds) {
    if (!covered.has(`o${id}`))
      all.push({ class: "deleted", old: [id], new: [], source: "computed" });
  }
  const newIndex = new Map(newIds.map((id, i) => [id, i]));
  const oldIndex = new Map(oldIds.map((id, i) => [id, i]));
  // A row's place: the first new article it names; a deleted article takes
  // the place of the nearest earlier old article that has one.
  const placeOf = new Map<ArticleChange, number>();
  const byOld = new Map<string, ArticleChange>();
  for (const row of all) for (const id of row.old) byOld.set(id, row);
  for (const row of all) {
    const first = Math.min(...row.new.map((id) => newIndex.get(id) ?? Number.POSITIVE_INFINITY));
    if (Number.isFinite(first)) placeOf.set(row, first);
  }
  for (const row of all) {
    if (placeOf.has(row)) continue;
    let place = -1;
    for (let i = (oldIndex.get(row.old[0] ?? "") ?? 0) - 1; i >= 0; i--) {
      const before = byOld.get(oldIds[i] ?? "");
      const at = before === undefined ? undefined : placeOf.get(before);
      if (at !== undefined) {
        place = at;
        break;
      }
    }
    placeOf.set(row, place + 0.5 + (oldIndex.get(row.old[0] ?? "") ?? 0) / 1e4);
  }
  for (const row of all) {
    row.old.sort((a, b) => (oldIndex.get(a) ?? 0) - (oldIndex.get(b) ?? 0));
    row.new.sort((a, b) => (newIndex.get(a) ?? 0) - (newIndex.get(b) ?? 0));
  }
  return all.sort((a, b) => (placeOf.get(a) ?? 0) - (placeOf.get(b) ?? 0));
}

/** How many rows of each class, every class present (0 when none). */
export function countClasses(rows: readonly { class: ChangeClass }[]): Record<ChangeClass, number> {
  const counts = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, 0])) as Record<
    ChangeClass,
    number
  >;
  for (const row of rows) counts[row.class]++;
  return counts;
}
