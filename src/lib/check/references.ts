import type { Citation } from "../../schemas/common.ts";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import type { Problem } from "../kb/problems.ts";
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

type Report = (
  entry: Pick<Entry<unknown>, "file">,
  problem: Omit<Problem, "file" | "severity">,
  severity?: Problem["severity"],
) => void;

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
  what: string,
  hint: string,
): void {
  ids.forEach((id, index) => {
    if (known.has(id)) return;
    const guess = closest(id, known);
    report(entry, {
      ...withLine(entry.lineOf([field, index])),
      field: `${field}[${index}]`,
      message: `unknown ${what} “${id}”`,
      expected: `one of: ${listValues([...known].sort())}`,
      found: JSON.stringify(id),
      hint: guess ? `did you mean “${guess}”?` : hint,
    });
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
    report(entry, {
      ...where,
      message: `cites a policy that does not exist: “${citation.policy}”`,
      expected: `a policy id: ${listValues(kb.policies.map((p) => p.id).sort())}`,
      found,
      hint: guess
        ? `did you mean “${guess}”?`
        : "policy ids are the folder names under content/policies/",
    });
    return;
  }
  const text = kb.lawTexts.get(policy.id);
  if (!text) {
    report(entry, {
      ...where,
      message: `cites article ${citation.article} of “${policy.id}”, which has no full text`,
      found,
      hint: `add ${policy.file.replace(/index\.mdx$/, "text.zh.md")} (npm run import-law), or cite a policy that has its text`,
    });
    return;
  }
  const last = text.text.articles.at(-1)?.number ?? 0;
  if (!text.text.articles.some((a) => a.number === citation.article)) {
    report(entry, {
      ...where,
      message: `cites article ${citation.article} of ${policy.data.shortTitle}, which has no such article`,
      expected: `an article number from 1 to ${last} (第一条 to 第${intToChinese(last)}条)`,
      found,
      hint: "check the article number in the official text; numbers change between versions of a law",
    });
    return;
  }
  if (policy.data.status === "repealed" && (entry as unknown) !== policy) {
    report(
      entry,
      {
        ...where,
        message: `cites ${policy.data.shortTitle}, which is repealed`,
        found,
        hint: policy.data.supersededBy
          ? `cite the law now in force, “${policy.data.supersededBy}”, unless the old text is the point`
          : "make sure readers are told that this text is no longer in force",
      },
      "warning",
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
      report(entry, {
        line: element.line,
        message: `unknown component <${element.name}>`,
        expected: `one of: ${[...known].join(", ")}`,
        hint: guess
          ? `did you mean <${guess}>?`
          : "see docs/authoring.md for the components you can use",
      });
      continue;
    }
    if (!checkComponentProps(report, kb, entry, element as MdxElement & { name: MdxComponentName }))
      continue;
    if (element.name !== "Cite") continue;
    const { policy, article } = element.attributes;
    if (typeof policy !== "string" || typeof article !== "number") {
      report(entry, {
        line: element.line,
        message: "<Cite> needs a policy id and an article number",
        expected: '<Cite policy="vocational-education-law-2022" article={24} />',
        found: JSON.stringify(element.attributes),
        hint: "write the article number in curly braces: article={24}",
      });
      continue;
    }
    checkCitation(report, kb, entry, { policy, article }, { line: element.line });
  }
  for (const question of questionsOf(tree, entry.bodyLine)) {
    if (question.text) continue;
    report(entry, {
      line: question.line,
      message: "<Question> has no question in it",
      expected: MDX_COMPONENT_SPECS.Question.example,
      hint: "write the question between <Question> and </Question>",
    });
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
    report(entry, {
      line: element.line,
      message: `${tag} has an unknown prop “${prop}”`,
      expected: allowed.length
        ? `props: ${allowed.join(", ")}, e.g. ${spec.example}`
        : `no props, e.g. ${spec.example}`,
      hint: guess
        ? `did you mean ${guess}=…?`
        : "remove it; see docs/authoring.md for what each component accepts",
    });
    ok = false;
  }
  if (element.name === "Cite") return ok;
  for (const prop of spec.required) {
    const value = element.attributes[prop];
    if (typeof value === "string" ? value.trim() : value !== undefined) continue;
    report(entry, {
      line: element.line,
      message: `${tag} needs ${prop}="…"`,
      expected: spec.example,
      found: JSON.stringify(element.attributes),
      hint: propHint(element.name, prop),
    });
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
    report(entry, {
      line: element.line,
      message: `<Callout> type must be one of ${CALLOUT_TYPES.join(", ")}`,
      expected: `one of: ${CALLOUT_TYPES.join(", ")}`,
      found: JSON.stringify(type),
      hint: guess
        ? `did you mean “${guess}”?`
        : "note for background, tip for advice, warning for a risk or common mistake",
    });
    return false;
  }
  if (element.name === "Figure" && typeof src === "string" && !src.startsWith("/")) {
    report(entry, {
      line: element.line,
      message: "<Figure> src must be an image in the public/ folder",
      expected: "a path starting with /, e.g. /images/class.jpg for public/images/class.jpg",
      found: JSON.stringify(src),
      hint: /^https?:/i.test(src)
        ? "the site must work without internet: download the image into public/images/ and link that copy"
        : "put the image in public/images/ and write its path from there, starting with /",
    });
    return false;
  }
  if (
    element.name === "Term" &&
    typeof id === "string" &&
    !kb.glossary.some((term) => term.id === id)
  ) {
    const ids = kb.glossary.map((term) => term.id);
    const guess = closest(id, ids);
    report(entry, {
      line: element.line,
      message: `<Term> links a glossary term that does not exist: “${id}”`,
      expected: `an id from content/glossary.yaml: ${listValues(ids.sort())}`,
      found: JSON.stringify(id),
      hint: guess
        ? `did you mean “${guess}”?`
        : "add the term first with `npm run new -- term --zh … --en …`, then use its id",
    });
    return false;
  }
  return true;
}

function propHint(component: MdxComponentName, prop: string): string {
  if (component === "Figure" && prop === "alt") {
    return 'alt describes the picture for readers who cannot see it, e.g. alt="三名职工在车间听师傅讲解"';
  }
  if (component === "Figure" && prop === "caption")
    return "caption is the line printed under the picture";
  if (component === "Term") return "id is the id of an entry in content/glossary.yaml";
  return `add ${prop}="…" inside the tag`;
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
        report(policy, {
          ...withLine(policy.lineOf([field])),
          field,
          message: `refers to a policy that does not exist: “${target}”`,
          expected: `a policy id: ${listValues([...byId.keys()].sort())}`,
          hint: "policy ids are the folder names under content/policies/",
        });
      }
    }
    const seen = [policy.id];
    let next = policy.data.supersedes;
    while (next && byId.has(next)) {
      if (seen.includes(next)) {
        report(policy, {
          ...withLine(policy.lineOf(["supersedes"])),
          field: "supersedes",
          message: `supersedes forms a circle: ${[...seen, next].join(" → ")}`,
          hint: "a policy can only supersede older ones; remove one of the links",
        });
        break;
      }
      seen.push(next);
      next = byId.get(next)?.data.supersedes;
    }
    if (policy.data.status === "superseded" && !policy.data.supersededBy) {
      report(policy, {
        ...withLine(policy.lineOf(["status"])),
        field: "supersededBy",
        message: "a superseded policy must say which policy replaced it",
        hint: "add `supersededBy: <id of the policy in force>`",
      });
    }
  }
}

/**
 * Checks every cross-reference in a loaded knowledge base: topics, glossary
 * links, citations (ids and article ranges), supersedes chains, components.
 */
export function checkReferences(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (entry, problem, severity = "error") => {
    problems.push({ severity, file: entry.file, ...problem });
  };
  const topicIds = new Set(kb.topics.map((t) => t.id));
  const topicHint = "topic ids are listed in content/topics.yaml; add the topic there first";
  const tagged: Entry<{ topics: string[] }>[] = [
    ...kb.courses,
    ...kb.lessons,
    ...kb.policies,
    ...kb.cases,
    ...kb.glossary,
  ];
  if (!kb.unreadable.has("topics")) {
    for (const entry of tagged) {
      checkIds(report, entry, "topics", entry.data.topics, topicIds, "topic", topicHint);
    }
  }

  const termIds = new Set(kb.glossary.map((t) => t.id));
  for (const term of kb.glossary) {
    if (kb.unreadable.has("glossary")) break;
    checkIds(
      report,
      term,
      "related",
      term.data.related,
      termIds,
      "glossary term",
      "related terms are ids of other entries in glossary.yaml",
    );
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
        "course",
        "use the folder name of the course this one translates",
      );
    if (!kb.lessons.some((l) => l.course === course.id)) {
      report(
        course,
        {
          message: "this course has no lessons yet",
          hint: "add lessons named 01-….mdx beside course.yaml",
        },
        "warning",
      );
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
      "course",
      "use course folder names",
    );
    checkIds(
      report,
      site,
      "keyPolicies",
      site.data.keyPolicies,
      policyIds,
      "policy",
      "use policy folder names",
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
