/** Where quiz scores live in localStorage: `union-kb:quiz:<page path>`. */
export const QUIZ_STORAGE_PREFIX = "union-kb:quiz:";

/** Whether the chosen options are exactly the right ones (multiple choice: all and only those). */
export function checkAnswers(chosen: readonly number[], correct: readonly number[]): boolean {
  if (chosen.length !== correct.length) return false;
  const right = new Set(correct);
  return chosen.every((i) => right.has(i));
}

/** Forgets every quiz score kept on this device (the kiosk's idle reset). */
export function forgetQuizScores(storage: Storage): void {
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(QUIZ_STORAGE_PREFIX)) storage.removeItem(key);
  }
}
