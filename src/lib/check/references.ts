import type { Citation } from "../../schemas/common.ts";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { closest, listValues } from "../kb/suggest.ts";
import { intToChinese } from "../law/chinese-numerals.ts";
import {
  CALLOUT_TYPES,
  MDX_COMPONENT_SPECS,
  MDX_COMPONENTS,
  type MdxComponentName,
} from "../mdx/components.ts";
import { mdxTreeOf } from "../mdx/parse.ts";
import { questionsOf } from "../mdx/questions.ts";
import { componentsOf, type MdxElement } from "../mdx/scan.ts";
import { type Finding, finding, inFile, type Problem } from "../problems/problem.ts";

/** Reports a problem found in an entry (its severity comes from the catalogue). */
type Report = (entry: Pick<Entry<unknown>, "file">, found: Finding) => void;

/** The problems of an id that names nothing: a topic, a related term, a course or a policy. */
type UnknownIdCode =
  | "topic/unknown"
  | "glossary/unknown-related-term"
  | "course/unknown-translation"
  | "site/unknown-featured-course"
  | "site/unknown-key-policy";

function withLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** Checks that every id in `ids` names one of `known`, with a "did you mean". */
function checkIds(
  report: Report,
  entry: Entry<unknown>,
  field: string,
  ids: readonly string[],
  known: ReadonlySet<string>,
  code: UnknownIdCode,
): void {
  ids.forEach((id, index) => {
    if (known.has(id)) return;
    const guess = closest(id, known);
    report(
      entry,
      finding(code, {
        line: entry.lineOf([field, index]),
        field: `${field}[${index}]`,
        found: JSON.stringify(id),
        variant: guess ? "guess" : undefined,
        values: { id, known: listValues([...known].sort()), ...(guess ? { guess } : {}) },
      }),
    );
  });
}

/** Checks one citation against the policies and their parsed texts. */
function checkCitation(
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

/** Checks <Cite> and other components in an MDX body. */
function checkMdxBody(report: Report, kb: KnowledgeBase, entry: Entry<unknown>): void {
  const tree = mdxTreeOf(entry);
  if (!tree || entry.bodyLine === undefined) return;
  const known = new Set<string>(MDX_COMPONENTS);
  for (const element of componentsOf(tree, entry.bodyLine)) {
    if (!known.has(element.name)) {
      const guess = closest(element.name, known);
      report(
        entry,
        finding("mdx/unknown-component", {
          line: element.line,
          variant: guess ? "guess" : undefined,
          values: { name: element.name, known: [...known].join(", "), ...(guess ? { guess } : {}) },
        }),
      );
      continue;
    }
    if (!checkComponentProps(report, kb, entry, element as MdxElement & { name: MdxComponentName }))
      continue;
    if (element.name !== "Cite") continue;
    const { policy, article } = element.attributes;
    if (typeof policy !== "string" || typeof article !== "number") {
      report(
        entry,
        finding("cite/incomplete", {
          line: element.line,
          found: JSON.stringify(element.attributes),
        }),
      );
      continue;
    }
    checkCitation(report, kb, entry, { policy, article }, { line: element.line });
  }
  for (const question of questionsOf(tree, entry.bodyLine)) {
    if (question.text) continue;
    report(
      entry,
      finding("mdx/empty-question", {
        line: question.line,
        values: { example: MDX_COMPONENT_SPECS.Question.example },
      }),
    );
  }
}

/**
 * Checks the props of one author component: unknown and missing props, and
 * the values of Callout's type, Figure's image and Term's glossary id.
 * Returns false when a problem was reported (Cite's own checks are then skipped).
 */
function checkComponentProps(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<unknown>,
  element: MdxElement & { name: MdxComponentName },
): boolean {
  const spec = MDX_COMPONENT_SPECS[element.name];
  const allowed = [...spec.required, ...spec.optional];
  const tag = `<${element.name}>`;
  let ok = true;
  for (const prop of Object.keys(element.attributes)) {
    if (allowed.includes(prop)) continue;
    const guess = closest(prop, allowed);
    const variant = allowed.length
      ? guess
        ? "guess"
        : undefined
      : guess
        ? "noPropsGuess"
        : "noProps";
    report(
      entry,
      finding("mdx/unknown-prop", {
        line: element.line,
        variant,
        values: {
          tag,
          prop,
          allowed: allowed.join(", "),
          example: spec.example,
          ...(guess ? { guess } : {}),
        },
      }),
    );
    ok = false;
  }
  if (element.name === "Cite") return ok;
  for (const prop of spec.required) {
    const value = element.attributes[prop];
    if (typeof value === "string" ? value.trim() : value !== undefined) continue;
    report(
      entry,
      finding("mdx/missing-prop", {
        line: element.line,
        found: JSON.stringify(element.attributes),
        variant: propHint(element.name, prop),
        values: { tag, prop, example: spec.example },
      }),
    );
    ok = false;
  }
  if (!ok) return false;
  const { type, src, id } = element.attributes;
  if (
    element.name === "Callout" &&
    type !== undefined &&
    !(CALLOUT_TYPES as readonly unknown[]).includes(type)
  ) {
    const guess = typeof type === "string" ? closest(type, CALLOUT_TYPES) : undefined;
    report(
      entry,
      finding("mdx/callout-type", {
        line: element.line,
        found: JSON.stringify(type),
        variant: guess ? "guess" : undefined,
        values: { types: CALLOUT_TYPES.join(", "), ...(guess ? { guess } : {}) },
      }),
    );
    return false;
  }
  if (element.name === "Figure" && typeof src === "string" && !src.startsWith("/")) {
    report(
      entry,
      finding("mdx/figure-src", {
        line: element.line,
        found: JSON.stringify(src),
        variant: /^https?:/i.test(src) ? "web" : undefined,
      }),
    );
    return false;
  }
  if (
    element.name === "Term" &&
    typeof id === "string" &&
    !kb.glossary.some((term) => term.id === id)
  ) {
    const ids = kb.glossary.map((term) => term.id);
    const guess = closest(id, ids);
    report(
      entry,
      finding("glossary/unknown-term", {
        line: element.line,
        found: JSON.stringify(id),
        variant: guess ? "guess" : undefined,
        values: { id, known: listValues(ids.sort()), ...(guess ? { guess } : {}) },
      }),
    );
    return false;
  }
  return true;
}

/** Which hint of `mdx/missing-prop` explains a missing prop best. */
function propHint(
  component: MdxComponentName,
  prop: string,
): "figureAlt" | "figureCaption" | "termId" | undefined {
  if (component === "Figure" && prop === "alt") return "figureAlt";
  if (component === "Figure" && prop === "caption") return "figureCaption";
  if (component === "Term") return "termId";
  return undefined;
}

function checkCitationList(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<{ cites: Citation[] }>,
): void {
  entry.data.cites.forEach((citation, index) => {
    checkCitation(report, kb, entry, citation, {
      field: `cites[${index}]`,
      ...withLine(entry.lineOf(["cites", index])),
    });
  });
}

/** Follows supersedes links to find a cycle (A supersedes B supersedes A). */
function checkSupersedes(report: Report, kb: KnowledgeBase): void {
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

/**
 * Checks every cross-reference in a loaded knowledge base: topics, glossary
 * links, citations (ids and article ranges), supersedes chains, components.
 */
export function checkReferences(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (entry, found) => {
    problems.push(inFile(found, entry.file));
  };
  const topicIds = new Set(kb.topics.map((t) => t.id));
  const tagged: Entry<{ topics: string[] }>[] = [
    ...kb.courses,
    ...kb.lessons,
    ...kb.policies,
    ...kb.cases,
    ...kb.glossary,
  ];
  if (!kb.unreadable.has("topics")) {
    for (const entry of tagged) {
      checkIds(report, entry, "topics", entry.data.topics, topicIds, "topic/unknown");
    }
  }

  const termIds = new Set(kb.glossary.map((t) => t.id));
  for (const term of kb.glossary) {
    if (kb.unreadable.has("glossary")) break;
    checkIds(report, term, "related", term.data.related, termIds, "glossary/unknown-related-term");
    term.data.sources.forEach((citation, index) => {
      checkCitation(report, kb, term, citation, {
        field: `sources[${index}]`,
        ...withLine(term.lineOf(["sources", index])),
      });
    });
  }

  const courseIds = new Set(kb.courses.map((c) => c.id));
  for (const course of kb.courses) {
    const { translationOf } = course.data;
    if (translationOf)
      checkIds(
        report,
        course,
        "translationOf",
        [translationOf],
        courseIds,
        "course/unknown-translation",
      );
    if (!kb.lessons.some((l) => l.course === course.id)) {
      report(course, finding("course/no-lessons", {}));
    }
  }

  for (const entry of [...kb.lessons, ...kb.cases]) {
    checkCitationList(report, kb, entry);
    checkMdxBody(report, kb, entry);
  }
  for (const policy of kb.policies) {
    checkMdxBody(report, kb, policy);
    policy.data.keyArticles.forEach((key, index) => {
      checkCitation(
        report,
        kb,
        policy,
        { policy: policy.id, article: key.article },
        {
          field: `keyArticles[${index}]`,
          ...withLine(policy.lineOf(["keyArticles", index])),
        },
      );
    });
  }
  checkSupersedes(report, kb);

  if (kb.site) {
    const site = kb.site;
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
