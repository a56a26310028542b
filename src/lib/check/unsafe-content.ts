import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { isLiteral, isOnlyComments, literalString } from "../mdx/literal.ts";
import { fileLine, type MdxAttribute, type MdxNode, mdxTreeOf, walkMdx } from "../mdx/parse.ts";
import { isJsxElement } from "../mdx/scan.ts";
import {
  type Finding as Found,
  finding,
  inFile,
  type Problem,
  type ProblemCode,
} from "../problems/problem.ts";

/*
 * MDX is a programming language: `import`, `export` and `{…}` run code at build
 * time, and raw HTML can carry scripts into every reader's browser. Content
 * written by many hands is therefore limited to Markdown plus our components
 * with literal props, unless site.yaml says `allowScripts: true`. The rules run
 * over the tree the build's own parser (satteri) makes, so code examples,
 * escaped braces and entities are seen exactly as the build sees them.
 */

type ElementCode = Exclude<
  Extract<ProblemCode, `html/${string}`>,
  "html/svg-animation" | "html/event-handler"
>;

/** HTML elements that run code, load other pages or change the whole page. */
const DANGEROUS_ELEMENTS: Record<string, ElementCode> = {
  script: "html/script",
  ...Object.fromEntries(
    ["iframe", "frame", "frameset", "object", "embed", "applet"].map((name) => [
      name,
      "html/frame" as const,
    ]),
  ),
  meta: "html/meta",
  base: "html/base",
  link: "html/link",
  form: "html/form",
  style: "html/style",
};

/** SVG elements that animate or embed HTML (`html/svg-animation`). */
const SVG_ANIMATION = new Set([
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "foreignobject",
]);

/** Attributes whose value the browser follows or loads as an address. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "cite",
  "background",
  "data",
  "srcset",
  "ping",
]);

/**
 * Whether an address runs code or carries a document in itself. Browsers ignore
 * spaces and control characters around and inside the scheme and its case;
 * entities are already decoded by the parser (`jav&#97;script:`).
 */
export function isDangerousUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a browser skips in a scheme
  const squeezed = url.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  return /^(?:javascript|vbscript|livescript|data):/.test(squeezed);
}

function checkAttribute(attribute: MdxAttribute, tag: string, line: number, found: Found[]): void {
  if (attribute.type === "mdxJsxExpressionAttribute") {
    found.push(
      finding("mdx/spread-attribute", { line, found: `{${attribute.value}}`, values: { tag } }),
    );
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    found.push(finding("html/event-handler", { line }));
  }
  let address = typeof value === "string" ? value : undefined;
  if (value && typeof value === "object") {
    if (!isLiteral(value.value)) {
      found.push(
        finding("mdx/code-in-attribute", { line, found: `{${value.value}}`, values: { name } }),
      );
      return;
    }
    address = literalString(value.value);
  }
  if (address !== undefined && URL_ATTRIBUTES.has(name.toLowerCase()) && isDangerousUrl(address)) {
    found.push(finding("link/dangerous-address", { line, found: `${name}="${address}"` }));
  }
}

function checkElement(node: MdxNode, line: number, found: Found[]): void {
  const name = node.name ?? "";
  const tag = name ? `<${name}>` : "<>";
  // `<svg:script>` is a <script> too.
  const local = name.slice(name.lastIndexOf(":") + 1);
  const lower = local.toLowerCase();
  if (/^[a-z]/.test(local) && SVG_ANIMATION.has(lower)) {
    found.push(finding("html/svg-animation", { line, values: { name: lower } }));
  }
  const danger = /^[a-z]/.test(local) ? DANGEROUS_ELEMENTS[lower] : undefined;
  if (danger) {
    const refresh =
      local === "meta" &&
      node.attributes?.some(
        (a) => a.type === "mdxJsxAttribute" && a.name.toLowerCase() === "http-equiv",
      );
    found.push(finding(refresh ? "html/meta-refresh" : danger, { line }));
  }
  for (const attribute of node.attributes ?? []) checkAttribute(attribute, tag, line, found);
}

/** Every unsafe construct of one parsed body, with file lines. */
export function unsafeConstructs(tree: MdxNode, bodyLine: number): Found[] {
  const found: Found[] = [];
  walkMdx(tree, (node) => {
    const line = fileLine(node, bodyLine);
    if (isJsxElement(node)) checkElement(node, line, found);
    else if (node.type === "mdxjsEsm") {
      found.push(finding("mdx/import-export", { line }));
    } else if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
      if (!isOnlyComments(node.value ?? "")) found.push(finding("mdx/expression", { line }));
    } else if (
      (node.type === "link" || node.type === "image" || node.type === "definition") &&
      isDangerousUrl(node.url ?? "")
    ) {
      found.push(finding("link/dangerous-address", { line, found: node.url ?? "" }));
    }
  });
  return found;
}

/** Finds scripts, code and dangerous links in MDX bodies (unless the site allows scripts). */
export function checkUnsafeContent(kb: KnowledgeBase): Problem[] {
  if (kb.site?.data.allowScripts) return [];
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  return entries.flatMap((entry) => {
    const tree = mdxTreeOf(entry);
    if (!tree) return [];
    return unsafeConstructs(tree, entry.bodyLine ?? 1).map((found) => inFile(found, entry.file));
  });
}
