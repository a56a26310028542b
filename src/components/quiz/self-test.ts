/**
 * The self-test of a lesson or course page (SelfTest.astro): checks the
 * answers in the browser, shows each question's verdict and explanation,
 * announces the score (role=status) and keeps it in localStorage under
 * `union-kb:quiz:<path>`. Nothing is sent anywhere. The kiosk forgets these
 * scores at its idle reset (kiosk-mode.ts).
 */
import { interpolate } from "../../i18n/interpolate.ts";
import { checkAnswers, QUIZ_STORAGE_PREFIX } from "./quiz-logic.ts";

function start(section: HTMLElement): void {
  const form = section.querySelector<HTMLFormElement>("[data-quiz-form]");
  const result = section.querySelector<HTMLElement>("[data-quiz-result]");
  const last = section.querySelector<HTMLElement>("[data-quiz-last]");
  if (!form || !result) return;
  const questions = [...form.querySelectorAll<HTMLFieldSetElement>("[data-quiz-question]")];
  const text = (key: string, values: Record<string, string | number>) =>
    interpolate(section.dataset[key] ?? "", values);
  const key = `${QUIZ_STORAGE_PREFIX}${location.pathname}`;
  const showLast = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? "null") as {
        score: number;
        total: number;
      } | null;
      if (last && saved) {
        last.textContent = text("last", saved);
        last.hidden = false;
      }
    } catch {
      // No storage (private mode) or an unreadable value: no last score.
    }
  };
  const hideAnswers = () => {
    for (const q of questions) {
      const why = q.querySelector<HTMLDetailsElement>("[data-quiz-why]");
      if (why) {
        why.open = false;
        why.hidden = true;
      }
      const verdict = q.querySelector<HTMLElement>("[data-quiz-verdict]");
      if (verdict) verdict.hidden = true;
      q.removeAttribute("aria-describedby");
    }
  };
  hideAnswers();
  showLast();
  for (const button of form.querySelectorAll<HTMLElement>("[data-quiz-check], [data-quiz-again]"))
    button.hidden = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    let score = 0;
    for (const q of questions) {
      const chosen = [...q.querySelectorAll<HTMLInputElement>("input:checked")].map((i) =>
        Number(i.value),
      );
      const correct = (q.dataset.correct ?? "").split(",").map(Number);
      const verdict = q.querySelector<HTMLElement>("[data-quiz-verdict]");
      const ok = checkAnswers(chosen, correct);
      if (ok) score++;
      if (verdict) {
        const answer = q.dataset.answer ?? "";
        verdict.textContent = ok
          ? text("right", {})
          : text(chosen.length ? "wrong" : "unanswered", { answer });
        verdict.dataset.ok = String(ok);
        verdict.hidden = false;
      }
      const why = q.querySelector<HTMLDetailsElement>("[data-quiz-why]");
      if (why) {
        why.hidden = false;
        why.open = true;
      }
    }
    const total = questions.length;
    result.textContent = text("result", { score, total });
    try {
      localStorage.setItem(key, JSON.stringify({ score, total }));
    } catch {
      // Storage full or refused: the score is still shown.
    }
  });
  form.addEventListener("reset", () => {
    hideAnswers();
    result.textContent = "";
    showLast();
    questions[0]?.querySelector("input")?.focus();
  });
}

for (const section of document.querySelectorAll<HTMLElement>("[data-self-test]")) start(section);
