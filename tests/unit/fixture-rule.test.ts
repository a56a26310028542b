import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { type FixtureGroup, fixtureContent, ROOT } from "../helpers/fixtures.ts";

/**
 * Every overlay on the valid fixture and what it plants. The folder says what
 * the check must make of it (tests/README.md): `invalid/` is refused,
 * `extra/` passes (warnings allowed). A new scenario folder needs a line here.
 */
const SCENARIOS: Record<FixtureGroup, Record<string, string>> = {
  invalid: {
    "article-out-of-range": "a case cites article 99 of a law with 69 articles",
    "bad-date": "a case updated on 2026-02-30",
    "bad-props": "a lesson using <Callout>, <Figure>, <Term>, <Question> with wrong props",
    bom: "course.yaml saved with a UTF-8 byte-order mark",
    "circular-supersedes": "two policies that supersede each other",
    "duplicate-slug": "a second lesson named “duties” and a second case “training-refused”",
    "event-end-before-start": "an event that ends at 17:00 before it starts at 19:00",
    "event-recurrence-no-end": "a weekly class with neither COUNT nor UNTIL",
    "event-unknown-course": "an event linking to the course “training-right”",
    "event-unknown-time-zone": "an event in the time zone “Asia/Beijing”",
    gbk: "topics.yaml saved in GBK",
    "import-statement": "an import statement in a lesson body",
    "invalid-utf8": "a case with a byte that is not UTF-8",
    "media-missing-file": "a lesson whose <Video> names a video file that is not in media/",
    "media-no-captions": "a lesson with a <Video> (with speech) and no captions",
    "media-unplayable-format": "a lesson whose <Video> is an AVI file",
    "javascript-url": "a javascript: link in a lesson body",
    "law-changes-mapped-twice": "an article map naming 1996 Art. 20 in two amended rows",
    "law-changes-not-versions": "an article map in the 1996 law's folder, from the 2022 law",
    "law-changes-unknown-article": "an article map naming article 41 of the 40-article 1996 law",
    "lesson-without-course": "a lesson in a course folder with no course.yaml",
    "long-title": "a lesson title of 2,004 characters",
    "malformed-yaml": "a full-width colon in frontmatter",
    "missing-field": "a lesson without its duration",
    "question-answer-out-of-range": "a single-choice question answered D with options A to C",
    "question-duplicate-id": "two questions with the id “before-post”",
    "question-empty-explanation": "a question whose explanation is empty",
    "question-missing-article": "a question citing article 124 of a law with 69 articles",
    "question-one-option": "a multiple-choice question with one option",
    "raw-script": "a raw <script> in a lesson body",
    tabs: "course.yaml indented with tabs",
    "text-expression": "a curly brace in lesson text",
    "unclosed-jsx": "a <Callout> that is never closed",
    "unknown-component": "a lesson using <Calout>",
    "unknown-policy": "a lesson citing a policy that does not exist",
    "unknown-topic": "a lesson tagged with a misspelt topic",
    "wrong-enum": "a course whose level is “beginner”",
  },
  extra: {
    "cites-repealed": "the cited policy marked repealed (warnings only)",
    components: "a lesson using every author component correctly",
    events:
      "five events (weekly and monthly classes, campaigns, a lecture) and campaigns.yaml, for the events tests",
    "html-emoji": "HTML, emoji and CJK Extension B characters in frontmatter and text",
    "law-versions":
      "the 1996 law superseded by the 2022 one, their article map and a lesson citing both (one warning)",
    "law-name-before-cite":
      "a lesson writing the law's name right before <Cite> of that law (warnings only)",
    questions:
      "a question bank for training-rights (every type) and the superseded 1996 law one question cites (warnings only)",
    reading:
      "a lesson with a table of figures, the superseded 1996 law with its text, English glossary terms starting with a quote mark",
    media:
      "a lesson with a <Video> (poster, zh and en captions, chapters, transcript) and an <Audio>, files in media/",
    library:
      "more courses and lessons, a translated course, policies and cases, for tests/unit/data/",
    "schema-1":
      "site.yaml written for schema version 1: kiosk.idleSeconds, renamed in version 2 (warnings only)",
  },
};

const folders = (group: FixtureGroup) => readdirSync(join(ROOT, "tests/fixtures", group)).sort();

describe("one rule for fixtures laid over the valid knowledge base", () => {
  it.each(["invalid", "extra"] as const)(
    "every folder in %s/ is listed here, and no more",
    (group) => {
      expect(folders(group)).toEqual(Object.keys(SCENARIOS[group]).sort());
    },
  );

  it.each(Object.keys(SCENARIOS.invalid))("invalid/%s is refused by the check", (scenario) => {
    const dir = fixtureContent(scenario, "invalid");
    try {
      expect(checkKnowledgeBase(dir).errors).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(Object.keys(SCENARIOS.extra))("extra/%s passes the check", (scenario) => {
    const dir = fixtureContent(scenario, "extra");
    try {
      const { errors, problems } = checkKnowledgeBase(dir);
      expect(errors, JSON.stringify(problems, null, 2)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
