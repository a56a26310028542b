import { type KnowledgeBase, loadKnowledgeBase } from "../kb/load.ts";
import type { Problem } from "../kb/problems.ts";
import { checkMdxStructure } from "./mdx-structure.ts";
import { checkMedia } from "./media.ts";
import { checkReferences } from "./references/index.ts";
import { lawVersionsOf } from "./references/law-changes.ts";
import { checkUnsafeContent } from "./unsafe-content.ts";

/** The outcome of checking a knowledge base. */
export interface CheckResult {
  kb: KnowledgeBase;
  problems: Problem[];
  errors: number;
  warnings: number;
}

/**
 * Validates a whole content folder: every file against its schema, then every
 * cross-reference. Collects all problems instead of stopping at the first.
 */
export function checkKnowledgeBase(contentDir: string, cwd = process.cwd()): CheckResult {
  const { kb, problems } = loadKnowledgeBase(contentDir, cwd);
  // The article maps between versions of a law, read before the citations
  // that warn about superseded versions use them.
  problems.push(...lawVersionsOf(kb, cwd).problems);
  problems.push(
    ...checkMdxStructure(kb, cwd),
    ...checkReferences(kb),
    ...checkUnsafeContent(kb),
    ...checkMedia(kb, cwd),
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  return { kb, problems, errors, warnings: problems.length - errors };
}

/**
 * How many entries of each collection the check read: the build compares
 * its own counts with these (src/lib/astro/kb-loader.ts).
 */
export function entryCounts(kb: KnowledgeBase): Record<string, number> {
  return {
    site: kb.site ? 1 : 0,
    topics: kb.topics.length,
    glossary: kb.glossary.length,
    courses: kb.courses.length,
    lessons: kb.lessons.length,
    questions: kb.questions.length,
    policies: kb.policies.length,
    lawTexts: kb.lawTexts.size,
    cases: kb.cases.length,
    events: kb.events.length,
    materials: kb.materials.length,
  };
}
