import type { Question } from "../../schemas/question.ts";

/** A, B, C… for option 0, 1, 2… */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The indexes of the right options (true/false: 0 = true, 1 = false). */
export function correctIndexes(question: Pick<Question, "answer">): number[] {
  const { answer } = question;
  if (typeof answer === "boolean") return [answer ? 0 : 1];
  const letters = Array.isArray(answer) ? answer : [answer];
  return letters.map((l) => l.charCodeAt(0) - 65).sort((a, b) => a - b);
}

/** The answer as printed in a key: "B", "ACD", "√" / "×". */
export function answerText(question: Pick<Question, "answer">): string {
  const { answer } = question;
  if (typeof answer === "boolean") return answer ? "√" : "×";
  return (Array.isArray(answer) ? [...answer].sort() : [answer]).join("");
}
