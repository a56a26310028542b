import type { KnowledgeBase } from "../../kb/load.ts";
import { checkCitation } from "./citations.ts";
import { checkIds } from "./ids.ts";
import { placeOf, type Report } from "./report.ts";

/** Checks each glossary term's `related` terms and the citations in its `sources`. */
export function checkGlossary(report: Report, kb: KnowledgeBase): void {
  if (kb.unreadable.has("glossary")) return;
  const termIds = new Set(kb.glossary.map((t) => t.id));
  for (const term of kb.glossary) {
    checkIds(report, term, "related", term.data.related, termIds, "glossary/unknown-related-term");
    term.data.sources.forEach((citation, index) => {
      checkCitation(
        report,
        kb,
        term,
        citation,
        placeOf(term, `sources[${index}]`, ["sources", index]),
      );
    });
  }
}
