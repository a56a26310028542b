import type { Entry, KnowledgeBase } from "../../kb/load.ts";
import { closest, listValues } from "../../kb/suggest.ts";
import {
  CALLOUT_TYPES,
  MDX_COMPONENT_SPECS,
  MDX_COMPONENTS,
  type MdxComponentName,
} from "../../mdx/components.ts";
import { mdxTreeOf } from "../../mdx/parse.ts";
import { questionsOf } from "../../mdx/questions.ts";
import { componentsOf, type MdxElement } from "../../mdx/scan.ts";
import { finding } from "../../problems/problem.ts";
import { checkCitation } from "./citations.ts";
import type { Report } from "./report.ts";

/** Checks the components of an MDX body: names, props, <Cite> citations and empty <Question>s. */
export function checkMdxBody(report: Report, kb: KnowledgeBase, entry: Entry<unknown>): void {
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
    const flag = element.attributes.historical;
    const historical = flag === true || flag === "true";
    checkCitation(
      report,
      kb,
      entry,
      { policy, article, ...(historical ? { historical } : {}) },
      { line: element.line },
    );
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
