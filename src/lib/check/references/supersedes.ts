import type { KnowledgeBase } from "../../kb/load.ts";
import { listValues } from "../../kb/suggest.ts";
import { finding } from "../../problems/problem.ts";
import type { Report } from "./report.ts";

/**
 * Checks the links between versions of a policy: `supersedes` and
 * `supersededBy` name existing policies, never form a circle (A supersedes B
 * supersedes A), and a superseded policy names its successor. Warns about a
 * policy with a full text but no `textChecked` day (issue 23).
 */
export function checkSupersedes(report: Report, kb: KnowledgeBase): void {
  const byId = new Map(kb.policies.map((p) => [p.id, p]));
  for (const policy of kb.policies) {
    for (const field of ["supersedes", "supersededBy"] as const) {
      const target = policy.data[field];
      if (target && !byId.has(target)) {
        report(
          policy,
          finding("policy/unknown-reference", {
            line: policy.lineOf([field]),
            field,
            values: { target, known: listValues([...byId.keys()].sort()) },
          }),
        );
      }
    }
    const seen = [policy.id];
    let next = policy.data.supersedes;
    while (next && byId.has(next)) {
      if (seen.includes(next)) {
        report(
          policy,
          finding("policy/supersedes-circle", {
            line: policy.lineOf(["supersedes"]),
            field: "supersedes",
            values: { chain: [...seen, next].join(" → ") },
          }),
        );
        break;
      }
      seen.push(next);
      next = byId.get(next)?.data.supersedes;
    }
    if (kb.lawTexts.has(policy.id) && !policy.data.textChecked) {
      report(
        policy,
        finding("policy/text-not-checked", {
          line: policy.lineOf(["status"]),
          field: "textChecked",
        }),
      );
    }
    if (policy.data.status === "superseded" && !policy.data.supersededBy) {
      report(
        policy,
        finding("policy/superseded-without-successor", {
          line: policy.lineOf(["status"]),
          field: "supersededBy",
        }),
      );
    }
  }
}
