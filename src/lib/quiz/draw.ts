import type { QuestionType } from "../../schemas/question.ts";

/** The order question types are printed in: 单选题, 多选题, 判断题. */
export const TYPE_ORDER: readonly QuestionType[] = ["single", "multiple", "true-false"];

/** What the draw needs of a question. */
export interface Drawable {
  id: string;
  type: QuestionType;
  topics: readonly string[];
}

/**
 * A small seeded generator (mulberry32): the same seed gives the same
 * numbers on every machine and Node version, so the same seed gives the same paper.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in a random order (Fisher–Yates with `random`). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** How many of each type to draw: as equal as the pool allows, in TYPE_ORDER. */
export function typeQuota(
  available: Record<QuestionType, number>,
  count: number,
): Record<QuestionType, number> {
  const quota: Record<QuestionType, number> = { single: 0, multiple: 0, "true-false": 0 };
  let left = count;
  while (left > 0) {
    const open = TYPE_ORDER.filter((t) => quota[t] < available[t]);
    if (open.length === 0) break;
    for (const type of open) {
      if (left === 0) break;
      quota[type]++;
      left--;
    }
  }
  return quota;
}

/**
 * Draws `count` questions balanced by type (as equal shares as the pool
 * allows) and, within a type, by topic (one of each topic in turn). The
 * result is grouped by type in TYPE_ORDER. Deterministic for a seed.
 */
export function drawQuestions<T extends Drawable>(
  pool: readonly T[],
  count: number,
  seed: number,
): T[] {
  const random = seededRandom(seed);
  const byType = (type: QuestionType) => pool.filter((q) => q.type === type);
  const available = {
    single: byType("single").length,
    multiple: byType("multiple").length,
    "true-false": byType("true-false").length,
  };
  const quota = typeQuota(available, count);
  return TYPE_ORDER.flatMap((type) => {
    const buckets = new Map<string, T[]>();
    for (const q of shuffled(byType(type), random)) {
      const topic = q.topics[0] ?? "";
      buckets.set(topic, [...(buckets.get(topic) ?? []), q]);
    }
    const topics = shuffled([...buckets.keys()].sort(), random);
    const picked: T[] = [];
    while (picked.length < quota[type]) {
      for (const topic of topics) {
        const next = buckets.get(topic)?.shift();
        if (next && picked.length < quota[type]) picked.push(next);
      }
    }
    return picked;
  });
}
