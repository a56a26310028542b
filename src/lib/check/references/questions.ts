import type { KnowledgeBase, QuestionEntry } from "../../kb/load.ts";
import { listValues } from "../../kb/suggest.ts";
import { finding } from "../../problems/problem.ts";
import { optionLetter } from "../../quiz/answers.ts";
import { checkCitation } from "./citations.ts";
import { lawVersionsOf, rowOfOldArticle } from "./law-changes.ts";
import { placeOf, type Report, withLine } from "./report.ts";

const TYPE_NAMES = {
  single: "single-choice",
  multiple: "multiple-choice",
  "true-false": "true/false",
} as const;

const EXPECTED_ANSWER = {
  single: "one letter, e.g. B",
  multiple: "a list of at least 2 letters, e.g. [A, C]",
  "true-false": "true or false",
} as const;

/** Whether the answer has the shape its type asks for. */
function answerFits(question: QuestionEntry["data"]): boolean {
  const { type, answer } = question;
  if (type === "true-false") return typeof answer === "boolean";
  if (type === "single") return typeof answer === "string";
  return Array.isArray(answer) && answer.length >= 2 && new Set(answer).size === answer.length;
}

/** Checks one question: options and answer agree, its lesson exists, its citations hold. */
function checkQuestion(report: Report, kb: KnowledgeBase, entry: QuestionEntry): void {
  const { data } = entry;
  const type = TYPE_NAMES[data.type];
  const at = (field: (string | number)[]) => withLine(entry.lineOf(field));
  if (data.type === "true-false" && data.options) {
    report(
      entry,
      finding("question/options-not-allowed", { field: "options", ...at(["options"]) }),
    );
  } else if (data.type !== "true-false" && !data.options) {
    report(entry, finding("question/options-missing", { ...at(["type"]), values: { type } }));
  }
  if (!answerFits(data)) {
    report(
      entry,
      finding("question/answer-wrong-kind", {
        field: "answer",
        ...at(["answer"]),
        found: JSON.stringify(data.answer),
        values: { type, expected: EXPECTED_ANSWER[data.type] },
      }),
    );
  } else if (data.options && typeof data.answer !== "boolean") {
    const count = data.options.length;
    const letters = Array.isArray(data.answer) ? data.answer : [data.answer];
    for (const letter of letters) {
      if (letter.charCodeAt(0) - 65 < count) continue;
      report(
        entry,
        finding("question/answer-out-of-range", {
          field: "answer",
          ...at(["answer"]),
          found: JSON.stringify(data.answer),
          values: { letter, count, last: optionLetter(count - 1) },
        }),
      );
      break;
    }
  }
  if (data.lesson) {
    const slugs = kb.lessons.filter((l) => l.course === entry.course).map((l) => l.slug);
    if (!slugs.includes(data.lesson)) {
      report(
        entry,
        finding("question/unknown-lesson", {
          field: "lesson",
          ...at(["lesson"]),
          found: JSON.stringify(data.lesson),
          values: { lesson: data.lesson, known: listValues(slugs) },
        }),
      );
    }
  }
  data.cites.forEach((citation, index) => {
    const where = placeOf(entry, `cites[${index}]`, ["cites", index]);
    checkCitation(report, kb, entry, citation, where);
    const policy = kb.policies.find((p) => p.id === citation.policy);
    if (!policy) return;
    const { status, supersededBy, shortTitle } = policy.data;
    if (status !== "superseded" && !supersededBy) return;
    // Citing the old text on purpose, or already reported by the citation
    // check with the article in force now (cite/superseded-version).
    if (citation.historical) return;
    if (rowOfOldArticle(lawVersionsOf(kb), citation.policy, String(citation.article))) return;
    report(
      entry,
      finding("question/superseded-version", {
        ...where,
        found: `${citation.policy}, article ${citation.article}`,
        values: { id: data.id, policy: shortTitle, supersededBy: supersededBy ?? "?" },
      }),
    );
  });
}

/** Checks every question of every course's questions.yaml. */
export function checkQuestions(report: Report, kb: KnowledgeBase): void {
  for (const entry of kb.questions) checkQuestion(report, kb, entry);
}
