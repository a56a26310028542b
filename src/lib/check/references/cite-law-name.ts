import type { Entry, KnowledgeBase } from "../../kb/load.ts";
import { articleLabel, lawShortName } from "../../law/article-label.ts";
import { fileLine, type MdxNode, mdxTreeOf, plainTextOf, walkMdx } from "../../mdx/parse.ts";
import { isJsxElement } from "../../mdx/scan.ts";
import { finding } from "../../problems/problem.ts";
import type { Report } from "./report.ts";

/**
 * The names of a law an author may write before a citation of it: 《short
 * name》, the title and the short title, with or without 《》.
 */
function writtenNames(policy: { title: string; shortTitle: string }): string[] {
  const short = lawShortName(policy.shortTitle);
  return [
    ...new Set([
      `《${policy.title}》`,
      `《${policy.shortTitle}》`,
      `《${short}》`,
      policy.title,
      policy.shortTitle,
    ]),
  ];
}

/**
 * The law's name at the end of `before`, optionally followed by a note in
 * brackets such as “（2022年修订）”, or undefined when the text does not end so.
 */
export function nameAtEnd(before: string, names: readonly string[]): string | undefined {
  const text = before.replace(/\s+$/, "");
  const withoutNote = text.replace(/（[^（）]{1,20}）$/, "");
  for (const candidate of [text, withoutNote]) {
    // Longest first, so 《中华人民共和国工会法》 wins over 工会法 inside it.
    const name = [...names].sort((a, b) => b.length - a.length).find((n) => candidate.endsWith(n));
    if (name) return text.slice(candidate.length - name.length);
  }
  return undefined;
}

/**
 * Warns where a law's name is written right before a `<Cite>` of the same law:
 * the component prints 《工会法》第三十二条 itself, so “《工会法》<Cite …/>”
 * reads “《工会法》《工会法》第三十二条”.
 */
export function checkLawNameBeforeCite(
  report: Report,
  kb: KnowledgeBase,
  entry: Entry<unknown>,
): void {
  const tree = mdxTreeOf(entry);
  if (!tree || entry.bodyLine === undefined) return;
  const bodyLine = entry.bodyLine;
  walkMdx(tree, (parent: MdxNode) => {
    const children = parent.children;
    if (!children) return;
    for (let i = 1; i < children.length; i++) {
      const cite = children[i] as MdxNode;
      if (!isJsxElement(cite) || cite.name !== "Cite") continue;
      const policyId = cite.attributes?.find(
        (a) => a.type === "mdxJsxAttribute" && a.name === "policy",
      );
      const articleAttr = cite.attributes?.find(
        (a) => a.type === "mdxJsxAttribute" && a.name === "article",
      );
      if (policyId?.type !== "mdxJsxAttribute" || typeof policyId.value !== "string") continue;
      const policy = kb.policies.find((p) => p.id === policyId.value);
      if (!policy) continue;
      const previous = children[i - 1] as MdxNode;
      const before = previous.type === "text" ? (previous.value ?? "") : plainTextOf(previous);
      const written = nameAtEnd(before, writtenNames(policy.data));
      if (!written) continue;
      const articleText =
        articleAttr?.type === "mdxJsxAttribute" &&
        typeof articleAttr.value === "object" &&
        articleAttr.value
          ? articleAttr.value.value.trim()
          : "";
      const printed = /^\d+$/.test(articleText)
        ? articleLabel(policy.data.shortTitle, Number(articleText))
        : `《${lawShortName(policy.data.shortTitle)}》第…条`;
      report(
        entry,
        finding("cite/law-name-twice", {
          line: fileLine(cite, bodyLine),
          found: `${written}<Cite policy="${policy.id}" article={${articleText}} />`,
          values: { written, printed },
        }),
      );
    }
  });
}
