/**
 * Parser for official Chinese law texts kept as Markdown
 * (content/policies/<policy>/text.zh.md):
 *
 * ```
 * # 中华人民共和国职业教育法
 *
 * 1996年5月15日 第八届全国人民代表大会常务委员会第十九次会议通过
 *
 * <!-- INFO END -->
 * ## 第一章 总 则
 *
 * 第一条 为了……
 *
 * （一）……
 * ```
 *
 * Every non-blank line is one paragraph (official texts never hard-wrap).
 * An article starts with a line `第N条` followed by a space (normal or
 * full-width); `第N条` without a space is a cross-reference in running text.
 * An article inserted by an amendment, `第N条之一` (and 之二 …), is an article
 * of its own with the id "N-1" (anchor #art-N-1). Traditional characters
 * (第一條, 第一節), as in Hong Kong, Macao and Taiwan copies, are read like
 * the simplified ones, and so is the Taiwan form `第 24-1 條`.
 */

import { type Finding, finding } from "../problems/problem.ts";
import { chineseToInt, intToChinese } from "./chinese-numerals.ts";

/** One paragraph (款) or numbered item (项) of an article. */
export interface LawParagraph {
  /** The text, without the article label (first paragraph) or item marker. */
  text: string;
  /** The item marker in full-width brackets, e.g. "（一）", when the paragraph is a numbered item. */
  item?: string;
}

/** One article (条). */
export interface LawArticle {
  /** The article number; for 第二十四条之一 it is 24, and `sub` is 1. */
  number: number;
  /** For an inserted article 第N条之K: K (1 for 之一). Absent for ordinary articles. */
  sub?: number;
  /**
   * The label with the number in Chinese numerals and the source's own 条 or 條,
   * e.g. "第二十四条", "第二十四条之一", "第一條".
   */
  label: string;
  /** Chapter number, or 0 when the text has no chapters. */
  chapter: number;
  /** Section number within the chapter, when the chapter has sections (节). */
  section?: number;
  paragraphs: LawParagraph[];
  /** 1-based line of the `第N条` line. */
  line: number;
}

/** One section (节) of a chapter. */
export interface LawSection {
  number: number;
  /** e.g. "第一节" ("第一節" in a traditional-character text). */
  label: string;
  title: string;
  firstArticle: number;
  lastArticle: number;
}

/** One chapter (章). */
export interface LawChapter {
  number: number;
  /** e.g. "第一章". */
  label: string;
  /** e.g. "总则" (spaces inside Chinese titles, as in "总 则", are removed). */
  title: string;
  firstArticle: number;
  lastArticle: number;
  sections: LawSection[];
  /** 1-based line of the chapter heading. */
  line: number;
}

/** A whole law text. */
export interface LawText {
  /** The `# …` title, or "" when the file has none. */
  title: string;
  /** Metadata lines (adoption, revisions) before the first chapter or article, without the INFO END marker. */
  preamble: string[];
  chapters: LawChapter[];
  articles: LawArticle[];
}

/** Adoption and revision dates read from the preamble. */
export interface LawMetadata {
  title: string;
  /** ISO date (YYYY-MM-DD) of the "…通过" line. */
  adopted?: string;
  /** One entry per "…修订" / "…修正" line, oldest first as written. */
  revisions: { date: string; note: string }[];
}

/** Why a law text cannot be parsed, with the line to look at and what to do. */
export class LawTextError extends Error {
  /** 1-based line, or 0 when the problem concerns the whole text. */
  readonly line: number;
  readonly hint: string;
  /** The message without the "line N: " prefix, for reports that show the line separately. */
  readonly detail: string;
  /** The problem as the check reports it (a `law/…` code), placed on its line. */
  readonly finding: Finding;

  /** `found` is the problem without its line: `new LawTextError(3, finding("law/…", { values }))`. */
  constructor(line: number, found: Finding) {
    super(line > 0 ? `line ${line}: ${found.message}` : found.message);
    this.name = "LawTextError";
    this.line = line;
    this.hint = found.hint ?? "";
    this.detail = found.message;
    this.finding = line > 0 ? { ...found, line } : found;
  }
}

// 第N条 / 第N章 / 第N节 (traditional 條 / 節): the numeral is captured loosely
// so that typos such as 第十X条 produce a clear error instead of silently
// becoming running text. Groups: numeral, 条 or 條, the K of 之K, first text.
const ARTICLE =
  /^第[ \t]*([^\s条條，。、；：]{1,12}?)[ \t]*([条條])(?:之([一二三四五六七八九十]{1,3}))?(?:[ \t\u3000]+|$)(.*)$/;
const HEADING = /^(?:#{1,6}[ \t]*)?第([^\s章节節条條]{1,12})([章节節])(?:[ \t\u3000]+(.*)|$)/;
const MARKDOWN_HEADING = /^#{1,6}[ \t]/;
const TITLE = /^#[ \t]+(.+)$/;
const COMMENT = /^<!--.*-->$/;
const ITEM = /^[（(]([一二三四五六七八九十]+)[）)][ \t\u3000]*(.*)$/;
const ARABIC = /^\d+$/;
// Taiwan's official texts number inserted articles 第 24-1 條.
const ARABIC_SUB = /^(\d+)-(\d+)$/;

/** Trims normal and full-width spaces (official texts indent with 　　). */
function trimAll(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/** "总 则" → "总则": spaces between Chinese characters are layout, not part of the title. */
function normaliseTitle(text: string): string {
  return trimAll(text).replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, "");
}

const UNIT_OF = { article: "条", chapter: "章", section: "节" } as const;

/** 条, 章 or 节, or the traditional form the text uses (條, 節). */
type Unit = "条" | "條" | "章" | "节" | "節";

/** "第二十四条" for (24, "条"); numbers Chinese numerals cannot show stay Arabic. */
function labelOf(number: number, unit: Unit): string {
  return `第${numeralOf(number)}${unit}`;
}

function numeralOf(number: number): string {
  return Number.isInteger(number) && number >= 1 && number <= 9999
    ? intToChinese(number)
    : String(number);
}

/** "24" for an ordinary article, "24-1" for 第二十四条之一. */
function idOf(number: number, sub: number | undefined): string {
  return sub === undefined ? String(number) : `${number}-${sub}`;
}

/**
 * The article's id, used for its anchor (`#art-${articleId(article)}`) and in
 * messages: "24" for 第二十四条, "24-1" for 第二十四条之一.
 */
export function articleId(article: Pick<LawArticle, "number" | "sub">): string {
  return idOf(article.number, article.sub);
}

/** An article's number as read from its heading: 24, or 24 and 1 for 第二十四条之一. */
interface ArticleNumber {
  number: number;
  sub?: number;
  unit: "条" | "條";
}

/** Reads the number in 第…条/章/节, turning numeral errors into LawTextErrors. */
function readNumber(
  numeral: string,
  kind: "article" | "chapter" | "section",
  line: number,
): number {
  if (ARABIC.test(numeral)) return Number(numeral);
  try {
    return chineseToInt(numeral);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LawTextError(
      line,
      finding("law/unknown-numeral", {
        values: { kind, numeral, unit: UNIT_OF[kind], reason: why },
      }),
    );
  }
}

/** Splits a paragraph into an item marker and its text. */
function toParagraph(text: string): LawParagraph {
  const item = ITEM.exec(text);
  if (item?.[1] === undefined) return { text };
  return { text: item[2] ?? "", item: `（${item[1]}）` };
}

/** Mutable state of one parse. */
interface ParseState {
  text: LawText;
  /** Line of each article id seen so far, for the "appears twice" error. */
  seen: Map<string, number>;
  chapter: LawChapter | undefined;
  section: LawSection | undefined;
  article: LawArticle | undefined;
  /** Line of the heading of each section, for the "has no articles" error. */
  sectionLines: Map<LawSection, number>;
}

function startChapter(state: ParseState, number: number, title: string, line: number): void {
  const expected = (state.chapter?.number ?? 0) + 1;
  if (number !== expected) {
    throw new LawTextError(
      line,
      finding("law/chapter-out-of-order", {
        values: { label: labelOf(number, "章"), number, previous: expected - 1, expected },
      }),
    );
  }
  const chapter: LawChapter = {
    number,
    label: labelOf(number, "章"),
    title,
    firstArticle: 0,
    lastArticle: 0,
    sections: [],
    line,
  };
  state.text.chapters.push(chapter);
  state.chapter = chapter;
  state.section = undefined;
  state.article = undefined;
}

function startSection(
  state: ParseState,
  number: number,
  title: string,
  unit: "节" | "節",
  line: number,
): void {
  const chapter = state.chapter;
  if (chapter === undefined) {
    throw new LawTextError(
      line,
      finding("law/section-before-chapter", { values: { label: labelOf(number, "节") } }),
    );
  }
  const expected = (state.section?.number ?? 0) + 1;
  if (number !== expected) {
    throw new LawTextError(
      line,
      finding("law/section-out-of-order", {
        values: {
          label: labelOf(number, "节"),
          number,
          chapter: chapter.label,
          previous: expected - 1,
          expected,
        },
      }),
    );
  }
  const section: LawSection = {
    number,
    label: labelOf(number, unit),
    title,
    firstArticle: 0,
    lastArticle: 0,
  };
  chapter.sections.push(section);
  state.sectionLines.set(section, line);
  state.section = section;
  state.article = undefined;
}

/** Checks that the article is the next one and not a duplicate. */
function checkArticleNumber(
  state: ParseState,
  at: ArticleNumber,
  label: string,
  line: number,
): void {
  const id = idOf(at.number, at.sub);
  const first = state.seen.get(id);
  if (first !== undefined) {
    throw new LawTextError(
      line,
      finding("law/duplicate-article", { values: { label, id, first } }),
    );
  }
  const previous = state.text.articles.at(-1);
  const previousId = previous === undefined ? undefined : articleId(previous);
  if (at.sub !== undefined) {
    // 第N条之K follows 第N条 (K = 1) or 第N条之(K-1).
    const expectedId = idOf(at.number, at.sub === 1 ? undefined : at.sub - 1);
    if (previousId === expectedId) return;
    throw new LawTextError(
      line,
      finding("law/inserted-article-out-of-order", {
        variant: previousId === undefined ? "first" : undefined,
        values: { label, id, after: expectedId, previous: previousId ?? "" },
      }),
    );
  }
  const expected = (previous?.number ?? 0) + 1;
  if (at.number !== expected) {
    throw new LawTextError(
      line,
      finding("law/article-out-of-order", {
        variant: previousId === undefined ? "first" : undefined,
        values: { label, id, expected, previous: previousId ?? "" },
      }),
    );
  }
}

function startArticle(state: ParseState, at: ArticleNumber, firstText: string, line: number): void {
  const label =
    at.sub === undefined
      ? labelOf(at.number, at.unit)
      : `${labelOf(at.number, at.unit)}之${numeralOf(at.sub)}`;
  checkArticleNumber(state, at, label, line);
  state.seen.set(idOf(at.number, at.sub), line);
  const { number, sub } = at;
  const chapter = state.chapter?.number ?? 0;
  // `sub` and `section` only when present, so that ordinary articles stay
  // exactly as they were before 之一 was supported.
  const article: LawArticle =
    sub === undefined
      ? { number, label, chapter, paragraphs: [], line }
      : { number, sub, label, chapter, paragraphs: [], line };
  if (state.section !== undefined) article.section = state.section.number;
  if (firstText !== "") article.paragraphs.push(toParagraph(firstText));
  for (const range of [state.chapter, state.section]) {
    if (range === undefined) continue;
    if (range.firstArticle === 0) range.firstArticle = number;
    range.lastArticle = number;
  }
  state.text.articles.push(article);
  state.article = article;
}

/** Reads 第…条 / 第…条之K / 第 24-1 條 into an ArticleNumber. */
function readArticleNumber(match: RegExpExecArray, line: number): ArticleNumber {
  const numeral = match[1] ?? "";
  const unit = match[2] === "條" ? "條" : "条";
  const taiwan = ARABIC_SUB.exec(numeral);
  if (taiwan !== null && match[3] === undefined && Number(taiwan[2]) >= 1) {
    return { number: Number(taiwan[1]), sub: Number(taiwan[2]), unit };
  }
  const number = readNumber(numeral, "article", line);
  if (match[3] === undefined) return { number, unit };
  return { number, sub: readNumber(match[3], "article", line), unit };
}

/** Handles one non-blank line after the title. */
function readLine(state: ParseState, text: string, line: number): void {
  const heading = HEADING.exec(text);
  if (heading?.[1] !== undefined) {
    const kind = heading[2] === "章" ? "chapter" : "section";
    const number = readNumber(heading[1], kind, line);
    const title = normaliseTitle(heading[3] ?? "");
    if (kind === "chapter") startChapter(state, number, title, line);
    else startSection(state, number, title, heading[2] === "節" ? "節" : "节", line);
    return;
  }
  const article = ARTICLE.exec(text);
  if (article?.[1] !== undefined) {
    startArticle(state, readArticleNumber(article, line), trimAll(article[4] ?? ""), line);
    return;
  }
  if (MARKDOWN_HEADING.test(text)) {
    throw new LawTextError(line, finding("law/stray-heading", { values: { text } }));
  }
  if (state.article !== undefined) {
    state.article.paragraphs.push(toParagraph(text));
  } else if (state.chapter === undefined && state.text.articles.length === 0) {
    state.text.preamble.push(text);
  } else {
    throw new LawTextError(
      line,
      finding("law/paragraph-outside-article", { values: { start: text.slice(0, 20) } }),
    );
  }
}

/** Throws for chapters or sections that ended up without articles. */
function checkRanges(state: ParseState): void {
  for (const chapter of state.text.chapters) {
    if (chapter.firstArticle === 0) {
      throw new LawTextError(
        chapter.line,
        finding("law/empty-chapter", { values: { label: chapter.label, title: chapter.title } }),
      );
    }
    for (const section of chapter.sections) {
      if (section.firstArticle === 0) {
        throw new LawTextError(
          state.sectionLines.get(section) ?? chapter.line,
          finding("law/empty-section", {
            values: { label: section.label, title: section.title, chapter: chapter.label },
          }),
        );
      }
    }
  }
  const orphan = state.text.articles.find((a) => a.chapter === 0);
  if (state.text.chapters.length > 0 && orphan !== undefined) {
    throw new LawTextError(
      orphan.line,
      finding("law/article-before-chapter", { values: { label: orphan.label } }),
    );
  }
}

/**
 * Parses a law text (see the module comment for the format) into its title,
 * preamble, chapters, sections and articles. Texts without chapters are
 * allowed: their articles have chapter 0 and `chapters` is empty.
 *
 * @throws LawTextError when the text has no articles, an article number is
 *   repeated, out of order or skips a number, a numeral is unknown (第十X条),
 *   or a chapter or section heading has no articles.
 */
export function parseLawText(source: string): LawText {
  const state: ParseState = {
    text: { title: "", preamble: [], chapters: [], articles: [] },
    seen: new Map(),
    chapter: undefined,
    section: undefined,
    article: undefined,
    sectionLines: new Map(),
  };
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const text = trimAll(raw);
    if (text === "" || COMMENT.test(text)) return;
    const title = TITLE.exec(text);
    const isFirst = state.text.title === "" && state.text.preamble.length === 0;
    if (title?.[1] !== undefined && isFirst && state.text.chapters.length === 0) {
      state.text.title = trimAll(title[1]);
      return;
    }
    readLine(state, text, index + 1);
  });
  if (state.text.articles.length === 0) {
    throw new LawTextError(0, finding("law/no-articles", {}));
  }
  checkRanges(state);
  return state.text;
}

// Dates in headers: 2022年4月20日, or in Chinese digits 二〇二二年四月二十日.
const DATE =
  /([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日/;
const DATE_START = new RegExp(`(?<!根[据據])(?=(?:根[据據])?${DATE.source})`, "g");
const YEAR_DIGITS = "〇一二三四五六七八九";

/** Converts one date part in Arabic or Chinese digits to a number. */
function datePart(text: string, digitByDigit: boolean): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!digitByDigit) return chineseToInt(text);
  return Number([...text].map((c) => YEAR_DIGITS.indexOf(c === "零" ? "〇" : c)).join(""));
}

/**
 * The first date in a piece of Chinese text as YYYY-MM-DD, e.g.
 * "本法自2022年5月1日起施行" → "2022-05-01", or undefined when there is none
 * or it is not a real day.
 */
export function chineseDateToIso(text: string): string | undefined {
  const m = DATE.exec(text);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined;
  try {
    const [y, mo, d] = [datePart(m[1], true), datePart(m[2], false), datePart(m[3], false)];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
    return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  } catch {
    return undefined;
  }
}

/**
 * Removes brackets without a partner: headers copied from the NPC site are
 * wrapped in （…）, and a half-copied wrapper leaves a stray "）" behind.
 */
function dropUnbalancedBrackets(text: string): string {
  const chars = [...text];
  const open: number[] = [];
  const drop = new Set<number>();
  chars.forEach((char, index) => {
    if (char === "（" || char === "(") open.push(index);
    if (char !== "）" && char !== ")") return;
    const last = open.pop();
    if (last === undefined) drop.add(index);
  });
  for (const index of open) drop.add(index);
  return trimAll(chars.filter((_, index) => !drop.has(index)).join("")).replace(/[，,；;。]+$/, "");
}

/**
 * Reads the adoption date and revisions from the preamble. A line may hold
 * one event ("1996年5月15日 …会议通过") or several (the NPC's one-line form
 * "（1996年5月15日…通过 根据2009年…决定修正 2022年…修订）"); each event is
 * split off at its date. Lines ending in 通过 give `adopted` (the first one
 * wins); lines with 修订 (full revision) or 修正 (amendment) become revisions
 * with the cleaned event text as the note (unpaired brackets dropped, ASCII
 * <…> turned into 〈…〉). Other lines (公布, 施行) are ignored.
 */
export function extractLawMetadata(text: LawText): LawMetadata {
  const metadata: LawMetadata = { title: text.title, revisions: [] };
  for (const line of text.preamble) {
    for (const part of dropUnbalancedBrackets(line).split(DATE_START)) {
      // ASCII <…> inside 《…》 (the EPL 2015 header) is a typed stand-in for 〈…〉.
      const note = dropUnbalancedBrackets(part).replace(/<([^<>]*)>/g, "〈$1〉");
      const date = chineseDateToIso(note);
      if (date === undefined) continue;
      // 通過 and 修訂 are the traditional forms.
      if (/通[过過]$/.test(note) && metadata.adopted === undefined) metadata.adopted = date;
      else if (/修[订訂]|修正/.test(note)) metadata.revisions.push({ date, note });
    }
  }
  return metadata;
}
