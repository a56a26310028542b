import type { KnowledgeBase } from "../../kb/load.ts";
import { checkIds } from "./ids.ts";
import type { Report } from "./report.ts";

/** Checks that site.yaml's `featuredCourses` and `keyPolicies` name existing entries. */
export function checkSiteLists(report: Report, kb: KnowledgeBase): void {
  const site = kb.site;
  if (!site) return;
  const courseIds = new Set(kb.courses.map((c) => c.id));
  const policyIds = new Set(kb.policies.map((p) => p.id));
  checkIds(
    report,
    site,
    "featuredCourses",
    site.data.featuredCourses,
    courseIds,
    "site/unknown-featured-course",
  );
  checkIds(
    report,
    site,
    "keyPolicies",
    site.data.keyPolicies,
    policyIds,
    "site/unknown-key-policy",
  );
}
