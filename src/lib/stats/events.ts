/**
 * What a page may report to `npm run serve -- --stats` (POST `<base>__stats/event`), and the
 * checks every report passes before it is counted. Only counts and search texts are kept: no
 * address, no cookie, no id of a person or a device.
 */

/** Longest beacon body accepted, in bytes; a longer one is refused unread (413). */
export const MAX_BEACON_BYTES = 2048;
/** Search texts are cut to this many characters (code points) after normalising. */
export const MAX_QUERY_CHARS = 100;
/** Result counts above this are stored as this (no real site has more pages). */
export const MAX_RESULT_COUNT = 100_000;

/**
 * The event types a page sends:
 * - `search`: a search the reader settled on (`query`, `results` = how many results,
 *   `opened` = whether a result was opened before the next search).
 * - `open`: a result of an already reported search was opened.
 * - `kiosk-reset`: a kiosk returned to the start page after the idle time (one kiosk session).
 * - `quiz-complete`: a level of the quiz page (知识问答) was finished; sent on the page's
 *   `union-kb:quiz-complete` event (src/components/quiz/kiosk-quiz.ts). Only counted.
 */
export type StatsEvent =
  | { type: "search"; query: string; results: number; opened: boolean }
  | { type: "open"; query: string }
  | { type: "kiosk-reset" }
  | { type: "quiz-complete" };

export const EVENT_TYPES = ["search", "open", "kiosk-reset", "quiz-complete"] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * The form a search text is counted under: Unicode NFKC (full-width letters and digits become
 * half-width), control and invisible characters removed, runs of spaces made one, lower case,
 * at most {@link MAX_QUERY_CHARS} characters. `undefined` when nothing is left.
 */
export function normalizeQuery(raw: string): string | undefined {
  const text = raw
    .slice(0, MAX_QUERY_CHARS * 4)
    .normalize("NFKC")
    .replace(CONTROL, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase();
  if (text === "") return undefined;
  const chars = Array.from(text);
  return chars.length > MAX_QUERY_CHARS ? chars.slice(0, MAX_QUERY_CHARS).join("").trim() : text;
}

/**
 * Reads a beacon body (JSON). Anything that is not exactly one of the {@link StatsEvent}
 * shapes is `undefined`, and the caller answers 400 and counts nothing.
 */
export function parseBeacon(body: string): StatsEvent | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  switch (record.type) {
    case "search": {
      const query = typeof record.query === "string" ? normalizeQuery(record.query) : undefined;
      const results = record.results;
      if (query === undefined || typeof results !== "number" || !Number.isFinite(results))
        return undefined;
      if (results < 0 || !Number.isInteger(results)) return undefined;
      return {
        type: "search",
        query,
        results: Math.min(results, MAX_RESULT_COUNT),
        opened: record.opened === true,
      };
    }
    case "open": {
      const query = typeof record.query === "string" ? normalizeQuery(record.query) : undefined;
      return query === undefined ? undefined : { type: "open", query };
    }
    case "kiosk-reset":
      return { type: "kiosk-reset" };
    case "quiz-complete":
      return { type: "quiz-complete" };
    default:
      return undefined;
  }
}
