/**
 * What the home page of a new knowledge base tells its authors to add first.
 * A knowledge base made by `union-kb init` has one example course and nothing
 * else; until authors add cases, glossary terms or a second course, the home
 * page shows the steps still open, in the order they are best done. Once it
 * has grown past that, nothing is shown: readers of a real site never see it.
 */

/** How many entries of each kind the knowledge base has. */
export interface KnowledgeBaseSize {
  courses: number;
  policies: number;
  cases: number;
  terms: number;
  topics: number;
}

/** One step, named by its i18n key suffix: `start.step.<step>`. */
export type StartStep = "site" | "topics" | "policies" | "courses" | "cases" | "terms" | "build";

/** Whether the knowledge base is still new: at most one course, no cases, no glossary terms. */
export function isNewKnowledgeBase(size: KnowledgeBaseSize): boolean {
  return size.courses <= 1 && size.cases === 0 && size.terms === 0;
}

/** The steps to show on the home page, in order; empty once the knowledge base is not new. */
export function startSteps(size: KnowledgeBaseSize): StartStep[] {
  if (!isNewKnowledgeBase(size)) return [];
  const steps: StartStep[] = ["site"];
  if (size.topics === 0) steps.push("topics");
  if (size.policies === 0) steps.push("policies");
  steps.push("courses", "cases", "terms", "build");
  return steps;
}
