import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { markParseStale, sharedParse } from "../../src/lib/kb/shared-parse.ts";
import { fixtureContent } from "../helpers/fixtures.ts";

// The valid fixture: lesson training-rights/duties (01-duties.mdx) and case training-refused.
const content = fixtureContent();
afterAll(() => rmSync(content, { recursive: true, force: true }));
const lessonFile = join(content, "courses/training-rights/01-duties.mdx");

describe("the shared parse in npm run dev", () => {
  it("reads an edited lesson again on its own, keeping the rest of the parse", () => {
    const before = sharedParse(content);
    appendFileSync(lessonFile, "\n新加的一段。\n");
    markParseStale("change", lessonFile);
    const after = sharedParse(content);
    expect(after).not.toBe(before);
    expect(after.lessons.find((l) => l.id === "training-rights/duties")?.body).toContain(
      "新加的一段",
    );
    // Everything else is the same parse: its policies, glossary and other entries.
    expect(after.policies).toBe(before.policies);
    expect(after.glossary).toBe(before.glossary);
    expect(after.lessons.find((l) => l.id === "training-rights/funds")).toBe(
      before.lessons.find((l) => l.id === "training-rights/funds"),
    );
  });

  it("parses everything again when a file is added, or an edit brings a problem", () => {
    const before = sharedParse(content);
    writeFileSync(join(content, "cases/new-case.mdx"), "---\ntitle: x\n---\n");
    markParseStale("add", join(content, "cases/new-case.mdx"));
    const added = sharedParse(content);
    expect(added.policies).not.toBe(before.policies);
    rmSync(join(content, "cases/new-case.mdx"));
    markParseStale("unlink", join(content, "cases/new-case.mdx"));
    const clean = sharedParse(content);
    writeFileSync(lessonFile, "---\ntitle: [unclosed\n---\n");
    markParseStale("change", lessonFile);
    const broken = sharedParse(content);
    expect(broken.policies).not.toBe(clean.policies);
    expect(broken.lessons.some((l) => l.id === "training-rights/duties")).toBe(false);
  });
});
