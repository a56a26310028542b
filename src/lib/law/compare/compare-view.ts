import { diffChars } from "diff";
import { articleId, type LawArticle, type LawText } from "../parse-law-text.ts";
import type { ArticleChange, ChangeClass } from "./article-map.ts";
import { articleText } from "./normalise.ts";

/** A run of text in one column of the comparison: kept, inserted (new side) or deleted (old side). */
export interface Segment {
  kind: "same" | "ins" | "del";
  text: string;
}

/** One side of a comparison row: its articles and the text with the changes marked. */
export interface CompareSide {
  articles: { id: string; label: string }[];
  segments: Segment[];
}

/** One row of the comparison page and the 对照表. */
export interface CompareRow {
  class: ChangeClass;
  /** The anchor of the row: new-24, or old-30 for a deleted article. */
  id: string;
  /** The new law's chapter the row sits in (a deleted article: the chapter of the row before). */
  chapter: number;
  old: CompareSide;
  new: CompareSide;
  note?: string;
}

/** A chapter of the new law with its rows. */
export interface CompareChapter {
  number: number;
  /** "第一章 总则", or "" for a law without chapters. */
  heading: string;
  rows: CompareRow[];
}

function articlesOf(text: LawText, ids: readonly string[]): LawArticle[] {
  const byId = new Map(text.articles.map((a) => [articleId(a), a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The articles' texts as one, each after its label when there are several. */
function joined(articles: readonly LawArticle[]): string {
  if (articles.length === 1 && articles[0]) return articleText(articles[0]);
  return articles.map((a) => `【${a.label}】${articleText(a)}`).join("\n");
}

/**
 * The character-level differences between the old and the new text (the
 * `diff` package's diffChars, Myers' algorithm): the old column keeps what
 * was deleted, the new column what was inserted.
 */
export function diffSides(oldText: string, newText: string): { old: Segment[]; new: Segment[] } {
  const old: Segment[] = [];
  const next: Segment[] = [];
  for (const part of diffChars(oldText, newText)) {
    if (part.added) next.push({ kind: "ins", text: part.value });
    else if (part.removed) old.push({ kind: "del", text: part.value });
    else {
      old.push({ kind: "same", text: part.value });
      next.push({ kind: "same", text: part.value });
    }
  }
  return { old, new: next };
}

/** The comparison of two versions, row by row in the new law's chapters. */
export function compareView(
  oldText: LawText,
  newText: LawText,
  rows: readonly ArticleChange[],
): CompareChapter[] {
  const chapters = new Map<number, CompareChapter>();
  for (const c of newText.chapters) {
    chapters.set(c.number, { number: c.number, heading: `${c.label} ${c.title}`, rows: [] });
  }
  let chapter = newText.chapters[0]?.number ?? 0;
  for (const row of rows) {
    const olds = articlesOf(oldText, row.old);
    const news = articlesOf(newText, row.new);
    if (news[0]) chapter = news[0].chapter;
    const oldString = joined(olds);
    const newString = joined(news);
    const sides =
      olds.length && news.length
        ? diffSides(oldString, newString)
        : {
            old: olds.length ? [{ kind: "del" as const, text: oldString }] : [],
            new: news.length ? [{ kind: "ins" as const, text: newString }] : [],
          };
    // An unchanged article shows plain text: its differences are only of form.
    if (row.class === "unchanged" || row.class === "renumbered") {
      sides.old = [{ kind: "same", text: oldString }];
      sides.new = [{ kind: "same", text: newString }];
    }
    const view: CompareRow = {
      class: row.class,
      id: row.new[0] ? `new-${row.new[0]}` : `old-${row.old[0] ?? ""}`,
      chapter,
      old: {
        articles: olds.map((a) => ({ id: articleId(a), label: a.label })),
        segments: sides.old,
      },
      new: {
        articles: news.map((a) => ({ id: articleId(a), label: a.label })),
        segments: sides.new,
      },
    };
    if (row.note) view.note = row.note;
    let group = chapters.get(chapter);
    if (!group) {
      group = { number: chapter, heading: "", rows: [] };
      chapters.set(chapter, group);
    }
    group.rows.push(view);
  }
  return [...chapters.values()].filter((c) => c.rows.length > 0);
}
