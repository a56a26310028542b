import type { Entry, KnowledgeBase } from "../../kb/load.ts";
import { checkIds } from "./ids.ts";
import type { Report } from "./report.ts";

/** Checks that every entry's `topics` are ids of content/topics.yaml (unless that file is broken). */
export function checkTopics(report: Report, kb: KnowledgeBase): void {
  if (kb.unreadable.has("topics")) return;
  const topicIds = new Set(kb.topics.map((t) => t.id));
  const tagged: Entry<{ topics: string[] }>[] = [
    ...kb.courses,
    ...kb.lessons,
    ...kb.questions,
    ...kb.policies,
    ...kb.cases,
    ...kb.glossary,
    ...kb.events,
    ...kb.materials,
    ...kb.campaigns,
  ];
  for (const entry of tagged) {
    checkIds(report, entry, "topics", entry.data.topics, topicIds, "topic/unknown");
  }
}
