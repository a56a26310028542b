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
 */
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
  number: number;
  /** Canonical label, e.g. "第二十四条". */
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
  /** e.g. "第一节". */
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

  constructor(line: number, detail: string, hint: string) {
    super(line > 0 ? `line ${line}: ${detail}` : detail);
    this.name = "LawTextError";
    this.line = line;
    this.hint = hint;
    this.detail = detail;
  }
}

// 第N条 / 第N章 / 第N节: the numeral is captured loosely so that typos such as
// 第十X条 produce a clear error instead of silently becoming running text.
const ARTICLE = /^第([^\s条，。、；：]{1,12})条(?:[ \t\u3000]+|$)(.*)$/;
const HEADING = /^(?:#{1,6}[ \t]*)?第([^\s章节条]{1,12})([章节])(?:[ \t\u3000]+(.*)|$)/;
const MARKDOWN_HEADING = /^#{1,6}[ \t]/;
const TITLE = /^#[ \t]+(.+)$/;
const COMMENT = /^<!--.*-->$/;
const ITEM = /^[（(]([一二三四五六七八九十]+)[）)][ \t\u3000]*(.*)$/;
const ARABIC = /^\d+$/;

/** Trims normal and full-width spaces (official texts indent with 　　). */
function trimAll(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/** "总 则" → "总则": spaces between Chinese characters are layout, not part of the title. */
function normaliseTitle(text: string): string {
  return trimAll(text).replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, "");
}

const UNIT_OF = { article: "条", chapter: "章", section: "节" } as const;

/** "第二十四条" for (24, "条"); numbers Chinese numerals cannot show stay Arabic. */
function labelOf(number: number, unit: "条" | "章" | "节"): string {
  const numeral =
    Number.isInteger(number) && number >= 1 && number <= 9999 ? intToChinese(number) : number;
  return `第${numeral}${unit}`;
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
      `${kind} 第${numeral}${UNIT_OF[kind]} has an unknown number (${why})`,
      "write the number in Chinese numerals, e.g. 第二十四条 or 第一百零七条",
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
  seen: Map<number, number>;
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
      `chapter ${labelOf(number, "章")} (${number}) follows chapter ${expected - 1}; expected ${expected}`,
      "chapters are numbered 第一章, 第二章 … without gaps; check the heading for a typo",
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

function startSection(state: ParseState, number: number, title: string, line: number): void {
  const chapter = state.chapter;
  if (chapter === undefined) {
    throw new LawTextError(
      line,
      `section ${labelOf(number, "节")} comes before the first chapter`,
      "sections (节) belong inside a chapter: add the `## 第X章 …` heading above it",
    );
  }
  const expected = (state.section?.number ?? 0) + 1;
  if (number !== expected) {
    throw new LawTextError(
      line,
      `section ${labelOf(number, "节")} (${number}) in ${chapter.label} follows section ${expected - 1}; expected ${expected}`,
      "sections are numbered 第一节, 第二节 … within each chapter",
    );
  }
  const section: LawSection = {
    number,
    label: labelOf(number, "节"),
    title,
    firstArticle: 0,
    lastArticle: 0,
  };
  chapter.sections.push(section);
  state.sectionLines.set(section, line);
  state.section = section;
  state.article = undefined;
}

/** Checks that article `number` is the next one and not a duplicate. */
function checkArticleNumber(state: ParseState, number: number, line: number): void {
  const label = labelOf(number, "条");
  const first = state.seen.get(number);
  if (first !== undefined) {
    throw new LawTextError(
      line,
      `article ${label} (${number}) appears twice; it was first at line ${first}`,
      "delete the repeated article or correct its number",
    );
  }
  const previous = state.text.articles.at(-1)?.number ?? 0;
  if (number !== previous + 1) {
    const after = previous === 0 ? "is the first article" : `follows article ${previous}`;
    throw new LawTextError(
      line,
      `article ${label} (${number}) ${after}; expected ${previous + 1}`,
      "articles are numbered 1, 2, 3 … without gaps; check this number, or whether an article is missing or pasted twice",
    );
  }
}

function startArticle(state: ParseState, number: number, firstText: string, line: number): void {
  checkArticleNumber(state, number, line);
  state.seen.set(number, line);
  const article: LawArticle = {
    number,
    label: labelOf(number, "条"),
    chapter: state.chapter?.number ?? 0,
    paragraphs: firstText === "" ? [] : [toParagraph(firstText)],
    line,
  };
  if (state.section !== undefined) article.section = state.section.number;
  for (const range of [state.chapter, state.section]) {
    if (range === undefined) continue;
    if (range.firstArticle === 0) range.firstArticle = number;
    range.lastArticle = number;
  }
  state.text.articles.push(article);
  state.article = article;
}

/** Handles one non-blank line after the title. */
function readLine(state: ParseState, text: string, line: number): void {
  const heading = HEADING.exec(text);
  if (heading?.[1] !== undefined) {
    const kind = heading[2] === "章" ? "chapter" : "section";
    const number = readNumber(heading[1], kind, line);
    const title = normaliseTitle(heading[3] ?? "");
    if (kind === "chapter") startChapter(state, number, title, line);
    else startSection(state, number, title, line);
    return;
  }
  const article = ARTICLE.exec(text);
  if (article?.[1] !== undefined) {
    startArticle(state, readNumber(article[1], "article", line), trimAll(article[2] ?? ""), line);
    return;
  }
  if (MARKDOWN_HEADING.test(text)) {
    throw new LawTextError(
      line,
      `the heading "${text}" is not a chapter or section heading`,
      "use `## 第X章 标题` for chapters and `### 第X节 标题` for sections; other headings are not allowed in a law text",
    );
  }
  if (state.article !== undefined) {
    state.article.paragraphs.push(toParagraph(text));
  } else if (state.chapter === undefined && state.text.articles.length === 0) {
    state.text.preamble.push(text);
  } else {
    throw new LawTextError(
      line,
      `the paragraph "${text.slice(0, 20)}…" is not inside an article`,
      "every paragraph after a chapter heading belongs to an article starting `第N条 `; check for a missing space after 条",
    );
  }
}

/** Throws for chapters or sections that ended up without articles. */
function checkRanges(state: ParseState): void {
  for (const chapter of state.text.chapters) {
    if (chapter.firstArticle === 0) {
      throw new LawTextError(
        chapter.line,
        `chapter ${chapter.label} ${chapter.title} has no articles`,
        "a chapter heading must be followed by its articles; delete the heading or add the missing articles",
      );
    }
    for (const section of chapter.sections) {
      if (section.firstArticle === 0) {
        throw new LawTextError(
          state.sectionLines.get(section) ?? chapter.line,
          `section ${section.label} ${section.title} of ${chapter.label} has no articles`,
          "a section heading must be followed by its articles; delete the heading or add the missing articles",
        );
      }
    }
  }
  const orphan = state.text.articles.find((a) => a.chapter === 0);
  if (state.text.chapters.length > 0 && orphan !== undefined) {
    throw new LawTextError(
      orphan.line,
      `article ${orphan.label} comes before the first chapter heading`,
      "when a law has chapters, every article must be inside one: move the `## 第一章 …` heading above it",
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
    throw new LawTextError(
      0,
      "no articles found",
      "articles are paragraphs that start with 第一条, 第二条 … followed by a space; check that the file is a law text",
    );
  }
  checkRanges(state);
  return state.text;
}

// Dates in headers: 2022年4月20日, or in Chinese digits 二〇二二年四月二十日.
const DATE =
  /([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日/;
const DATE_START = new RegExp(`(?<!根据)(?=(?:根据)?${DATE.source})`, "g");
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
      if (/通过$/.test(note) && metadata.adopted === undefined) metadata.adopted = date;
      else if (/修订|修正/.test(note)) metadata.revisions.push({ date, note });
    }
  }
  return metadata;
}
