import { describe, expect, it } from "vitest";
import { answerText, correctIndexes } from "../../src/lib/quiz/answers.ts";
import { type Drawable, drawQuestions, seededRandom, typeQuota } from "../../src/lib/quiz/draw.ts";
import { QuestionSchema } from "../../src/schemas/question.ts";

const base = {
  id: "q",
  type: "single",
  question: "题干？",
  options: ["甲", "乙"],
  answer: "A",
  explanation: "依据第一条。",
  cites: [{ policy: "labour-law-2018", article: 1 }],
};

describe("QuestionSchema", () => {
  it("fills defaults and accepts every answer shape", () => {
    const q = QuestionSchema.parse(base);
    expect(q.difficulty).toBe("medium");
    expect(q.topics).toEqual([]);
    expect(QuestionSchema.parse({ ...base, type: "multiple", answer: ["A", "B"] }).answer).toEqual([
      "A",
      "B",
    ]);
    const { options: _, ...tf } = base;
    expect(QuestionSchema.parse({ ...tf, type: "true-false", answer: false }).answer).toBe(false);
  });

  it("refuses what a paper could not print", () => {
    for (const bad of [
      { ...base, options: ["甲"] },
      { ...base, explanation: "  " },
      { ...base, answer: "a" },
      { ...base, cites: [] },
      { ...base, type: "fill-in" },
      { ...base, extra: 1 },
    ]) {
      expect(QuestionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("answers", () => {
  it("reads letters and true/false as option indexes and key text", () => {
    expect(correctIndexes({ answer: "C" })).toEqual([2]);
    expect(correctIndexes({ answer: ["D", "A"] })).toEqual([0, 3]);
    expect(correctIndexes({ answer: false })).toEqual([1]);
    expect(answerText({ answer: ["D", "A"] })).toBe("AD");
    expect(answerText({ answer: true })).toBe("√");
  });
});

/** 30 single, 6 multiple, 10 true/false questions over three topics. */
const pool: Drawable[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `s${i}`,
    type: "single" as const,
    topics: [["a", "b", "c"][i % 3] as string],
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    id: `m${i}`,
    type: "multiple" as const,
    topics: ["a"],
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    id: `t${i}`,
    type: "true-false" as const,
    topics: [i < 8 ? "b" : "c"],
  })),
];

describe("drawing a paper", () => {
  it("gives the same numbers for the same seed and others for another", () => {
    const a = seededRandom(2026);
    const b = seededRandom(2026);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(seededRandom(2027)()).not.toBe(first[0]);
    for (const n of first) expect(n >= 0 && n < 1).toBe(true);
  });

  it("shares the count among the types as equally as the pool allows", () => {
    expect(typeQuota({ single: 30, multiple: 6, "true-false": 10 }, 24)).toEqual({
      single: 9,
      multiple: 6,
      "true-false": 9,
    });
    expect(typeQuota({ single: 30, multiple: 6, "true-false": 10 }, 9)).toEqual({
      single: 3,
      multiple: 3,
      "true-false": 3,
    });
  });

  it("draws the same paper for the same seed, grouped by type, topics in turn", () => {
    const paper = drawQuestions(pool, 24, 2026);
    expect(drawQuestions(pool, 24, 2026)).toEqual(paper);
    expect(drawQuestions(pool, 24, 7).map((q) => q.id)).not.toEqual(paper.map((q) => q.id));
    expect(new Set(paper.map((q) => q.id)).size).toBe(24);
    expect(paper.map((q) => q.type)).toEqual([
      ...Array(9).fill("single"),
      ...Array(6).fill("multiple"),
      ...Array(9).fill("true-false"),
    ]);
    const singleTopics = paper.filter((q) => q.type === "single").map((q) => q.topics[0]);
    for (const topic of ["a", "b", "c"])
      expect(singleTopics.filter((t) => t === topic)).toHaveLength(3);
    // true/false: only two of topic c exist, so both are drawn and b fills the rest
    expect(paper.filter((q) => q.type === "true-false" && q.topics[0] === "c")).toHaveLength(2);
  });
});
