/**
 * The quiz page (QuizPage.astro): a visitor picks a course or topic and
 * answers levels of random questions, one question at a time, each checked at
 * once with its explanation. The data is JSON in the page (data-quiz-data), so nothing
 * is fetched. When a level ends, `union-kb:quiz-complete` is dispatched on
 * `document` (detail: scope, level, score, total, passed) for listeners such
 * as a usage counter; nothing is stored.
 */
import { interpolate } from "../../i18n/interpolate.ts";
import type { QuestionType } from "../../schemas/question.ts";
import { checkAnswers } from "./quiz-logic.ts";

interface Item {
  type: QuestionType;
  question: string;
  options: string[];
  correct: number[];
  explanation: string;
  cites: { label: string }[];
}

interface Data {
  items: Item[];
  scopes: { id: string; questions: number[] }[];
  settings: { questionsPerLevel: number; passMark: number; levels: number };
  texts: Record<string, string> & { types: Record<QuestionType, string> };
}

const root = document.querySelector<HTMLElement>("[data-kiosk-quiz]");
if (root?.dataset.quizData) run(root, JSON.parse(root.dataset.quizData) as Data);

function run(root: HTMLElement, data: Data): void {
  const $ = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-${name}]`) as T;
  const pick = $("quiz-pick");
  const play = $("quiz-play");
  const end = $("quiz-end");
  const live = $("quiz-live");
  const form = $<HTMLFormElement>("quiz-form");
  const legend = $("quiz-legend");
  const options = $("quiz-options");
  const feedback = $("quiz-feedback");
  const submit = $<HTMLButtonElement>("quiz-submit");
  const { texts, settings } = data;
  const say = (key: string, values: Record<string, string | number> = {}) =>
    interpolate(texts[key] ?? "", values);
  const letter = (i: number) => String.fromCharCode(65 + i);

  let scope = data.scopes[0];
  let level = 1;
  let drawn: number[] = [];
  let used = new Set<number>();
  let current = 0;
  let score = 0;
  let checked = false;

  const show = (part: HTMLElement) => {
    for (const p of [pick, play, end]) p.hidden = p !== part;
  };

  /** N random questions of the scope, none seen in this run while unseen ones remain. */
  const draw = (): number[] => {
    const pool = scope?.questions ?? [];
    let fresh = pool.filter((i) => !used.has(i));
    if (fresh.length < settings.questionsPerLevel) {
      used = new Set();
      fresh = pool.slice();
    }
    for (let i = fresh.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [fresh[i], fresh[j]] = [fresh[j] as number, fresh[i] as number];
    }
    const chosen = fresh.slice(0, settings.questionsPerLevel);
    for (const i of chosen) used.add(i);
    return chosen;
  };

  const startLevel = () => {
    drawn = draw();
    current = 0;
    score = 0;
    show(play);
    renderQuestion();
  };

  const renderQuestion = () => {
    const item = data.items[drawn[current] ?? 0];
    if (!item) return;
    checked = false;
    $("quiz-progress").textContent = `${say("level", { level, levels: settings.levels })} · ${say(
      "questionOf",
      { n: current + 1, total: drawn.length },
    )}`;
    legend.textContent = `[${texts.types[item.type]}] ${item.question}`;
    options.replaceChildren(
      ...item.options.map((text, i) => {
        const label = document.createElement("label");
        label.className = "quiz-option";
        const input = document.createElement("input");
        input.type = item.type === "multiple" ? "checkbox" : "radio";
        input.name = "quiz-answer";
        input.value = String(i);
        const span = document.createElement("span");
        span.textContent = item.type === "true-false" ? text : `${letter(i)}. ${text}`;
        label.append(input, span);
        return label;
      }),
    );
    feedback.hidden = true;
    submit.textContent = texts.check ?? "";
    legend.focus();
  };

  const check = () => {
    const item = data.items[drawn[current] ?? 0];
    if (!item) return;
    const inputs = [...options.querySelectorAll<HTMLInputElement>("input")];
    const chosen = inputs.filter((i) => i.checked).map((i) => Number(i.value));
    const ok = checkAnswers(chosen, item.correct);
    if (ok) score++;
    for (const input of inputs) input.disabled = true;
    const answer =
      item.type === "true-false"
        ? (item.options[item.correct[0] ?? 0] ?? "")
        : item.correct.map(letter).join("");
    const verdict = $("quiz-verdict");
    verdict.textContent = ok
      ? say("right")
      : say(chosen.length ? "wrong" : "unanswered", { answer });
    verdict.dataset.ok = String(ok);
    $("quiz-explanation").textContent = item.explanation;
    $("quiz-cites").textContent = item.cites.map((c) => c.label).join("　");
    feedback.hidden = false;
    live.textContent = verdict.textContent;
    checked = true;
    submit.textContent = current + 1 < drawn.length ? (texts.next ?? "") : (texts.finish ?? "");
  };

  const finish = () => {
    const total = drawn.length;
    const passed = score >= settings.passMark;
    const last = passed && level >= settings.levels;
    const summary = $("quiz-summary");
    summary.textContent = last
      ? `${say("passed", { score, total })} ${say("allPassed", { levels: settings.levels })}`
      : say(passed ? "passed" : "failed", { score, total, pass: settings.passMark });
    $("quiz-next-level").hidden = !passed || last;
    show(end);
    live.textContent = summary.textContent;
    summary.focus();
    document.dispatchEvent(
      new CustomEvent("union-kb:quiz-complete", {
        detail: { scope: scope?.id, level, score, total, passed },
      }),
    );
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!checked) check();
    else if (current + 1 < drawn.length) {
      current++;
      renderQuestion();
    } else finish();
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>("[data-scope]")) {
    button.addEventListener("click", () => {
      scope = data.scopes.find((s) => s.id === button.dataset.scope) ?? scope;
      level = 1;
      used = new Set();
      startLevel();
    });
  }
  $("quiz-next-level").addEventListener("click", () => {
    level++;
    startLevel();
  });
  $("quiz-retry").addEventListener("click", startLevel);
  $("quiz-home").addEventListener("click", () => {
    show(pick);
    $("quiz-pick").querySelector<HTMLElement>("h2")?.focus();
  });
  show(pick);
}
