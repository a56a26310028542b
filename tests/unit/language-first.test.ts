import { describe, expect, it } from "vitest";
import { featuredItems, inLanguageFirst } from "../../src/lib/site/language-first.ts";

type Item = { id: string; lang: "zh-CN" | "en" };
const courses: Item[] = [
  { id: "rights", lang: "zh-CN" },
  { id: "learning", lang: "zh-CN" },
  { id: "palaces", lang: "zh-CN" },
  { id: "china-vet", lang: "en" },
];

describe("content in the reader's language first", () => {
  it("puts items written in the UI language first, keeping each group's order", () => {
    expect(inLanguageFirst(courses, "en").map((c) => c.id)).toEqual([
      "china-vet",
      "rights",
      "learning",
      "palaces",
    ]);
    expect(inLanguageFirst(courses, "zh-CN").map((c) => c.id)).toEqual([
      "rights",
      "learning",
      "palaces",
      "china-vet",
    ]);
  });

  it("features a course in the UI language even when only Chinese ones are marked featured", () => {
    const featured = new Set(["rights", "learning"]);
    expect(featuredItems(courses, featured, "en", 6).map((c) => c.id)).toEqual([
      "china-vet",
      "rights",
      "learning",
    ]);
    expect(featuredItems(courses, featured, "zh-CN", 6).map((c) => c.id)).toEqual([
      "rights",
      "learning",
    ]);
    expect(featuredItems(courses, featured, "en", 2).map((c) => c.id)).toEqual([
      "china-vet",
      "rights",
    ]);
  });
});
