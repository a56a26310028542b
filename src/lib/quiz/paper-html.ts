import type { Translator } from "../../i18n/index.ts";
import type { QuestionType } from "../../schemas/question.ts";
import { pageRules } from "../handouts/page-css.ts";
import { intToChinese } from "../law/chinese-numerals.ts";
import { optionLetter } from "./answers.ts";
import { TYPE_ORDER } from "./draw.ts";
import type { QuizItem } from "./items.ts";

/** What the three documents of an exam paper show. */
export interface PaperInput {
  title: string;
  /** site.yaml organisation, printed at the top. */
  organisation: string;
  /** The course's title. */
  course: string;
  seed: number;
  /** The drawn questions, grouped by type in TYPE_ORDER. */
  items: QuizItem[];
  lang: string;
  tr: Translator;
}

const escapeText = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BASE_CSS = `
body { font-family: 'Noto Sans SC', sans-serif; font-size: 10.5pt; line-height: 1.6; color: #000; margin: 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; }
.org { text-align: center; font-size: 10pt; margin: 0 0 1mm; }
.sub { text-align: center; font-size: 9pt; color: #333; margin: 0 0 4mm; }
.who { display: flex; gap: 6mm; margin: 0 0 4mm; font-size: 11pt; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 1mm; }
.note { font-size: 9.5pt; border: 1px solid #000; padding: 2mm 3mm; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
ol { margin: 0; padding: 0; list-style: none; }
.q { break-inside: avoid; margin: 0 0 3mm; }
.q .stem::before { content: attr(data-n) ". "; font-weight: 700; }
.opts { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; margin: 1mm 0 0 5mm; }
.tf { white-space: nowrap; }
.grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm 4mm; }
.row { display: flex; align-items: center; gap: 1.5mm; break-inside: avoid; font-size: 10pt; }
.row b { width: 7mm; text-align: right; }
.box { display: inline-flex; align-items: center; justify-content: center; width: 6mm; height: 4.5mm; border: 1px solid #000; font-size: 8pt; }
.answers { display: grid; grid-template-columns: repeat(5, 1fr); gap: 1mm 4mm; margin: 0 0 4mm; }
.key .q { margin-bottom: 4mm; }
.key .ans { font-weight: 700; }
.key blockquote { margin: 1mm 0 0 4mm; padding-left: 3mm; border-left: 2px solid #666; font-size: 9.5pt; }
.key blockquote p { margin: 0; }
`;

function page(input: PaperInput, heading: string, body: string, withPerson: boolean): string {
  const { tr } = input;
  const frame = pageRules({
    paper: "A4",
    header: input.organisation,
    title: heading ? `${input.title} · ${heading}` : input.title,
    pageNumber: tr("print.pageNumber"),
  });
  const person = withPerson
    ? `<p class="who">${(["paper.name", "paper.unit", "paper.score"] as const).map((key) => `<span>${escapeText(tr(key))}${escapeText(tr("punctuation.colon"))}</span>`).join("")}</p>`
    : "";
  return `<!doctype html>
<html lang="${escapeText(input.lang)}"><head><meta charset="utf-8"><title>${escapeText(heading ? `${input.title} · ${heading}` : input.title)}</title>
<link rel="stylesheet" href="/fonts/400.css"><link rel="stylesheet" href="/fonts/700.css">
<style>${frame}\n${BASE_CSS}</style></head>
<body>
<p class="org">${escapeText(input.organisation)}</p>
<h1>${escapeText(input.title)}${heading ? `<br><small>${escapeText(heading)}</small>` : ""}</h1>
<p class="sub">${escapeText(tr("paper.seed", { course: input.course, seed: input.seed }))}</p>
${person}${body}
</body></html>
`;
}

/** The questions by type, numbered 1…N across the paper, with the section number of each type. */
function sections(
  items: QuizItem[],
): { type: QuestionType; items: { n: number; item: QuizItem }[] }[] {
  let n = 0;
  return TYPE_ORDER.flatMap((type) => {
    const list = items.filter((i) => i.type === type).map((item) => ({ n: ++n, item }));
    return list.length ? [{ type, items: list }] : [];
  });
}

function sectionTitle(input: PaperInput, index: number, type: QuestionType, count: number): string {
  const n = input.lang === "en" ? String(index + 1) : intToChinese(index + 1);
  return escapeText(input.tr("paper.section", { n, type: input.tr(`quiz.type.${type}`), count }));
}

/** The paper: a header for name, unit and score, then the questions by type. */
export function paperHtml(input: PaperInput): string {
  const body = sections(input.items)
    .map((section, s) => {
      const questions = section.items
        .map(({ n, item }) => {
          const options =
            item.type === "true-false"
              ? ""
              : `<div class="opts">${item.options.map((o, i) => `<span>${optionLetter(i)}. ${escapeText(o)}</span>`).join("")}</div>`;
          const brackets = input.lang === "en" ? " (\u2003\u2003)" : "（\u3000\u3000）";
          const blank =
            item.type === "true-false" ? ` <span class="tf">${brackets}</span>` : brackets;
          return `<li class="q"><div class="stem" data-n="${n}">${escapeText(item.question)}${blank}</div>${options}</li>`;
        })
        .join("\n");
      return `<h2>${sectionTitle(input, s, section.type, section.items.length)}</h2><ol>${questions}</ol>`;
    })
    .join("\n");
  const note = `<p class="note">${escapeText(input.tr("paper.instructions", { count: input.items.length }))}</p>`;
  return page(input, "", note + body, true);
}

/** The answer sheet (答题卡): a box per option to fill in with a pencil. */
export function answerSheetHtml(input: PaperInput): string {
  const body = sections(input.items)
    .map((section, s) => {
      const rows = section.items
        .map(({ n, item }) => {
          const boxes =
            item.type === "true-false" ? ["√", "×"] : item.options.map((_, i) => optionLetter(i));
          return `<div class="row"><b>${n}</b>${boxes.map((b) => `<span class="box">${b}</span>`).join("")}</div>`;
        })
        .join("");
      return `<h2>${sectionTitle(input, s, section.type, section.items.length)}</h2><div class="grid">${rows}</div>`;
    })
    .join("\n");
  const note = `<p class="note">${escapeText(input.tr("paper.sheetInstructions"))}</p>`;
  return page(input, input.tr("paper.sheet"), note + body, true);
}

/** The answer as printed in the key: letters, or √ / ×. */
export function keyAnswer(item: QuizItem): string {
  return item.type === "true-false"
    ? item.correct[0] === 0
      ? "√"
      : "×"
    : item.correct.map(optionLetter).join("");
}

/** The answer key: every answer at a glance, then each question with its explanation and articles. */
export function answerKeyHtml(input: PaperInput): string {
  const all = sections(input.items).flatMap((s) => s.items);
  const glance = `<h2>${escapeText(input.tr("paper.answers"))}</h2><div class="answers">${all
    .map(({ n, item }) => `<span>${n}. <b>${keyAnswer(item)}</b></span>`)
    .join("")}</div>`;
  const body = sections(input.items)
    .map((section, s) => {
      const questions = section.items
        .map(({ n, item }) => {
          const cites = item.cites
            .map(
              (c) =>
                `<blockquote lang="zh-CN"><p><b>${escapeText(c.label)}</b></p>${c.paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join("")}</blockquote>`,
            )
            .join("");
          return `<li class="q"><div class="stem" data-n="${n}">${escapeText(item.question)}</div><p class="ans">${escapeText(input.tr("paper.answer", { answer: keyAnswer(item) }))}</p><p>${escapeText(item.explanation)}</p>${cites}</li>`;
        })
        .join("\n");
      return `<h2>${sectionTitle(input, s, section.type, section.items.length)}</h2><ol>${questions}</ol>`;
    })
    .join("\n");
  return `${page(input, input.tr("paper.key"), `<div class="key">${glance}${body}</div>`, false)}`;
}
