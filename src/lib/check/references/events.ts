import { scheduleOf } from "../../events/schedule.ts";
import type { KnowledgeBase } from "../../kb/load.ts";
import { closest, listValues } from "../../kb/suggest.ts";
import { finding } from "../../problems/problem.ts";
import type { UnknownIdCode } from "./ids.ts";
import type { Report } from "./report.ts";

/**
 * Checks every event: its times (time zone, end after start, a recurrence
 * with an end that starts on one of its days) and its links to courses,
 * lessons, policies, cases and its campaign template.
 */
export function checkEvents(report: Report, kb: KnowledgeBase): void {
  const known = {
    courses: new Set(kb.courses.map((c) => c.id)),
    lessons: new Set(kb.lessons.map((l) => `${l.course}/${l.slug}`)),
    policies: new Set(kb.policies.map((p) => p.id)),
    cases: new Set(kb.cases.map((c) => c.id)),
    campaigns: new Set(kb.campaigns.map((c) => c.id)),
  };
  const codes = {
    courses: "event/unknown-course",
    lessons: "event/unknown-lesson",
    policies: "event/unknown-policy",
    cases: "event/unknown-case",
  } as const satisfies Record<string, UnknownIdCode>;
  // A broken file is reported once; links into it are not reported again.
  const unreadable = (kind: keyof typeof codes, id: string) =>
    kind === "courses" || kind === "lessons"
      ? kb.unreadable.has(`course:${id.split("/")[0]}`)
      : kind === "policies" && kb.unreadable.has(`policy:${id}`);

  for (const event of kb.events) {
    for (const issue of scheduleOf(event.data).issues) {
      report(
        event,
        finding(issue.code, {
          line: event.lineOf([issue.field]),
          field: issue.field,
          found: JSON.stringify((event.data as unknown as Record<string, unknown>)[issue.field]),
          values: issue.values as never,
        }),
      );
    }
    for (const kind of Object.keys(codes) as (keyof typeof codes)[]) {
      event.data.links[kind].forEach((id, index) => {
        if (known[kind].has(id) || unreadable(kind, id)) return;
        unknownId(report, event, ["links", kind, index], id, known[kind], codes[kind]);
      });
    }
    const { campaign } = event.data;
    if (campaign && !kb.unreadable.has("campaigns") && !known.campaigns.has(campaign)) {
      unknownId(report, event, ["campaign"], campaign, known.campaigns, "event/unknown-campaign");
    }
  }
}

function unknownId(
  report: Report,
  entry: KnowledgeBase["events"][number],
  path: (string | number)[],
  id: string,
  known: ReadonlySet<string>,
  code: UnknownIdCode,
): void {
  const guess = closest(id, known);
  report(
    entry,
    finding(code, {
      line: entry.lineOf(path),
      field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join(""),
      found: JSON.stringify(id),
      variant: guess ? "guess" : undefined,
      values: { id, known: listValues([...known].sort()) || "(none)", ...(guess ? { guess } : {}) },
    }),
  );
}
