import { describe, expect, it } from "vitest";
import { isNewKnowledgeBase, startSteps } from "../../src/lib/site/start-steps.ts";

const made = { courses: 1, policies: 0, cases: 0, terms: 0, topics: 2 };

describe("what the home page of a new knowledge base asks its authors to add", () => {
  it("a knowledge base made by init (one example course, starter topics): every step but topics", () => {
    expect(startSteps(made)).toEqual(["site", "policies", "courses", "cases", "terms", "build"]);
  });

  it("an empty one: topics too", () => {
    expect(startSteps({ ...made, courses: 0, topics: 0 })).toEqual([
      "site",
      "topics",
      "policies",
      "courses",
      "cases",
      "terms",
      "build",
    ]);
  });

  it("nothing once it has grown: a second course, a case or a glossary term", () => {
    for (const grown of [{ courses: 2 }, { cases: 1 }, { terms: 1 }]) {
      expect(isNewKnowledgeBase({ ...made, ...grown })).toBe(false);
      expect(startSteps({ ...made, ...grown })).toEqual([]);
    }
  });
});
