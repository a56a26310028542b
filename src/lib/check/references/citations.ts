import type { Citation } from "../../../schemas/common.ts";
import type { Entry, KnowledgeBase } from "../../kb/load.ts";
import { closest, listValues } from "../../kb/suggest.ts";
import { intToChinese } from "../../law/chinese-numerals.ts";
import { finding } from "../../problems/problem.ts";
import { lawVersionsOf, rowOfOldArticle } from "./law-changes.ts";
import { placeOf, type Report } from "./report.ts";

/**
 * Checks one citation against the policies and their parsed texts: the policy
 * exists and has its text, the article exists, and a repealed law is flagged.
 */
export function checkCitation(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<unknown>,
  citation: Citation,
  where: { field?: string; line?: number },
): void {
  const policy = kb.policies.find((p) => p.id === citation.policy);
  const found = `${citation.policy}, article ${citation.article}`;
  if (!policy && kb.unreadable.has(`policy:${citation.policy}`)) return;
  if (!policy) {
    const guess = closest(
      citation.policy,
      kb.policies.map((p) => p.id),
    );
    report(
      entry,
      finding("cite/unknown-policy", {
        ...where,
        found,
        variant: guess ? "guess" : undefined,
        values: {
          policy: citation.policy,
          known: listValues(kb.policies.map((p) => p.id).sort()),
          ...(guess ? { guess } : {}),
        },
      }),
    );
    return;
  }
  const text = kb.lawTexts.get(policy.id);
  if (!text) {
    report(
      entry,
      finding("cite/no-full-text", {
        ...where,
        found,
        values: {
          article: citation.article,
          policy: policy.id,
          textFile: policy.file.replace(/index\.mdx$/, "text.zh.md"),
        },
      }),
    );
    return;
  }
  const last = text.text.articles.at(-1)?.number ?? 0;
  if (!text.text.articles.some((a) => a.number === citation.article)) {
    report(
      entry,
      finding("cite/article-out-of-range", {
        ...where,
        found,
        values: {
          article: citation.article,
          policy: policy.data.shortTitle,
          last,
          lastInChinese: intToChinese(last),
        },
      }),
    );
    return;
  }
  if (!citation.historical && (entry as unknown) !== policy) {
    checkSupersededVersion(report, kb, entry, citation, where, found);
  }
  if (policy.data.status === "repealed" && (entry as unknown) !== policy) {
    const { supersededBy } = policy.data;
    report(
      entry,
      finding("cite/repealed-policy", {
        ...where,
        found,
        variant: supersededBy ? "replaced" : undefined,
        values: { policy: policy.data.shortTitle, ...(supersededBy ? { supersededBy } : {}) },
      }),
    );
  }
}

/** Checks the `cites` list of a lesson or case. */
export function checkCitationList(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<{ cites: Citation[] }>,
): void {
  entry.data.cites.forEach((citation, index) => {
    checkCitation(report, kb, entry, citation, placeOf(entry, `cites[${index}]`, ["cites", index]));
  });
}

/** Checks the `keyArticles` of a policy against its own text. */
export function checkKeyArticles(
  report: Report,
  kb: KnowledgeBase,
  policy: KnowledgeBase["policies"][number],
): void {
  policy.data.keyArticles.forEach((key, index) => {
    checkCitation(
      report,
      kb,
      policy,
      { policy: policy.id, article: key.article },
      placeOf(policy, `keyArticles[${index}]`, ["keyArticles", index]),
    );
  });
}

/**
 * Warns when a citation names an article of a version that a newer one
 * superseded: which article is in force now, and how it changed.
 */
function checkSupersededVersion(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<unknown>,
  citation: Citation,
  where: { field?: string; line?: number },
  found: string,
): void {
  const located = rowOfOldArticle(lawVersionsOf(kb), citation.policy, String(citation.article));
  if (!located) return;
  const { map, row } = located;
  const older = kb.policies.find((p) => p.id === map.oldId);
  const newer = kb.policies.find((p) => p.id === map.newId);
  if (!older || !newer) return;
  const articles = row.new.map(
    (id) =>
      `第${intToChinese(Number(id.split("-")[0]))}条${id.includes("-") ? `之${intToChinese(Number(id.split("-")[1]))}` : ""}`,
  );
  report(
    entry,
    finding("cite/superseded-version", {
      ...where,
      found,
      variant: row.new.length === 0 ? "deleted" : undefined,
      values: {
        cited: `${older.data.shortTitle}第${intToChinese(citation.article)}条`,
        current: `${newer.data.shortTitle}${articles.join("、")}`,
        changeClass: row.class,
      },
    }),
  );
}
