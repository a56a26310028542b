/**
 * Answers computed once per build and shared by every page that asks.
 *
 * Astro's `getEntry()` and `getCollection()` copy what they return on every
 * call (and resolve its images), and nearly every page asks for the same
 * things: the site settings (layout, footer, kiosk bar), the materials and
 * topics (header, topic links), the cited policies and law texts. At 1,000
 * entries that was about 0.6 s of a build's rendering.
 *
 * `astro dev` computes every answer again on each request, so an edit shows
 * at once (as src/data/listings.ts does for the lists).
 */
const kept = new Map<string, Promise<unknown>>();

/** `compute()`, or its answer from earlier in this build; `key` names what it computes. */
export function perBuild<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return compute();
  let answer = kept.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = compute();
    kept.set(key, answer);
  }
  return answer;
}

/**
 * A list computed once per build, as a new array for each caller: callers
 * may sort or filter their copy (the entries themselves are shared; do not
 * modify them).
 */
export async function listPerBuild<T>(key: string, compute: () => Promise<T[]>): Promise<T[]> {
  return [...(await perBuild(key, compute))];
}
