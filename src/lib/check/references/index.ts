import type { KnowledgeBase } from "../../kb/load.ts";
import { inFile, type Problem } from "../../problems/problem.ts";
import { checkCitationList, checkKeyArticles } from "./citations.ts";
import { checkLawNameBeforeCite } from "./cite-law-name.ts";
import { checkMdxBody } from "./components.ts";
import { checkCourses } from "./courses.ts";
import { checkEvents } from "./events.ts";
import { checkGlossary } from "./glossary.ts";
import { checkQuestions } from "./questions.ts";
import type { Report } from "./report.ts";
import { checkSiteLists } from "./site.ts";
import { checkSupersedes } from "./supersedes.ts";
import { checkTopics } from "./topics.ts";

/**
 * Checks every cross-reference in a loaded knowledge base: topics, glossary
 * links, citations (ids and article ranges), supersedes chains, components.
 * One file per kind of reference; the order here is the order of the report.
 */
export function checkReferences(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (entry, found) => {
    problems.push(inFile(found, entry.file));
  };
  checkTopics(report, kb);
  checkGlossary(report, kb);
  checkCourses(report, kb);
  for (const entry of [...kb.lessons, ...kb.cases]) {
    checkCitationList(report, kb, entry);
    checkMdxBody(report, kb, entry);
    checkLawNameBeforeCite(report, kb, entry);
  }
  for (const policy of kb.policies) {
    checkMdxBody(report, kb, policy);
    checkLawNameBeforeCite(report, kb, policy);
    checkKeyArticles(report, kb, policy);
  }
  checkQuestions(report, kb);
  checkSupersedes(report, kb);
  checkSiteLists(report, kb);
  checkEvents(report, kb);
  return withoutRepeatedWarnings(problems);
}

/** One warning per file and message: citing a repealed law five times is one thing to review. */
function withoutRepeatedWarnings(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (p.severity !== "warning") return true;
    const key = `${p.file}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
