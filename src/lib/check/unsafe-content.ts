import type { Entry, KnowledgeBase } from "../kb/load.ts";
import type { Problem } from "../kb/problems.ts";
import { fileLine, type MdxAttribute, type MdxNode, mdxTreeOf, walkMdx } from "../mdx/parse.ts";
import { isJsxElement } from "../mdx/scan.ts";

/*
 * MDX is a programming language: `import`, `export` and `{…}` run code at build
 * time, and raw HTML can carry scripts into every reader's browser. Content
 * written by many hands is therefore limited to Markdown plus our components
 * with literal props, unless site.yaml says `allowScripts: true`. The rules run
 * over the tree the build's own parser (satteri) makes, so code examples,
 * escaped braces and entities are seen exactly as the build sees them.
 */

type Found = Omit<Problem, "file" | "severity">;

const LINK = {
  message: "a link with a javascript:, vbscript: or data: address",
  hint: "links must point to web pages (https://…) or pages of this site (/courses/…)",
};
const EXPRESSION = {
  message: "a curly brace “{” in the text",
  hint: "in MDX, { starts a piece of code; to show a brace write \\{ , or use full-width ｛ ｝; a comment is written {/* … */}",
};

/** HTML elements that run code, load other pages or change the whole page, with why. */
const DANGEROUS_ELEMENTS: Record<string, { message: string; hint: string }> = {
  script: {
    message: "raw <script> in content",
    hint: "scripts are not allowed in content; ask the site's developer to add a component instead",
  },
  ...Object.fromEntries(
    ["iframe", "frame", "frameset", "object", "embed", "applet"].map((name) => [
      name,
      {
        message: "embedded frame or object in content",
        hint: "embedded pages and plugins are not allowed; link to the page instead",
      },
    ]),
  ),
  meta: {
    message: "a <meta> element in content",
    hint: "page settings belong to the site, not to one entry; remove it",
  },
  base: {
    message: "a <base> element in content",
    hint: "it changes where every link of the page points; remove it",
  },
  link: {
    message: "a <link> element in content",
    hint: "it loads files into the page; write a Markdown link [text](https://…) instead",
  },
  form: {
    message: "a <form> element in content",
    hint: "forms send what readers type to another address; link to the form's page instead",
  },
  style: {
    message: "a <style> element in content",
    hint: "styles change the whole site's look; ask the site's developer to add a component instead",
  },
  ...Object.fromEntries(
    ["animate", "set", "animatemotion", "animatetransform", "foreignobject"].map((name) => [
      name,
      {
        message: `an SVG <${name}> element in content`,
        hint: "SVG animation and embedded HTML can rewrite links into scripts; use an image file with <Figure> instead",
      },
    ]),
  ),
};

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

/** Plain data in `name={…}`: a number, true/false, or a quoted string without escapes. */
const LITERAL = /^\s*(?:-?(?:0|[1-9]\d*)(?:\.\d+)?|true|false|"[^"\\\n]*"|'[^'\\\n]*')\s*$/;

/** The value of a literal string expression `{"…"}`, for the address rules. */
function literalString(source: string): string | undefined {
  const m = /^\s*(["'])(.*)\1\s*$/s.exec(source);
  return m ? m[2] : undefined;
}

/** Whether an expression is only comments, `{/* … *\/}`, which compiles to nothing. */
export function isOnlyComments(source: string): boolean {
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) i++;
    else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) return false;
      i = end + 2;
    } else if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      if (end === -1) return false;
      i = end + 1;
    } else return false;
  }
  return true;
}

function checkAttribute(attribute: MdxAttribute, tag: string, line: number, found: Found[]): void {
  if (attribute.type === "mdxJsxExpressionAttribute") {
    found.push({
      line,
      message: `code inside the ${tag} tag`,
      found: `{${attribute.value}}`,
      hint: 'write each prop on its own: text in quotes title="…", numbers in braces article={24}',
    });
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    found.push({
      line,
      message: "an HTML event handler attribute (onclick=…, onerror=…)",
      hint: "event handlers run scripts; remove the attribute",
    });
  }
  let address = typeof value === "string" ? value : undefined;
  if (value && typeof value === "object") {
    if (!LITERAL.test(value.value)) {
      found.push({
        line,
        message: `the value of ${name} is code, not a plain value`,
        found: `{${value.value}}`,
        hint: 'write numbers as {24} and text in quotes: title="…"',
      });
      return;
    }
    address = literalString(value.value);
  }
  if (address !== undefined && URL_ATTRIBUTES.has(name.toLowerCase()) && isDangerousUrl(address)) {
    found.push({ line, ...LINK, found: `${name}="${address}"` });
  }
}

function checkElement(node: MdxNode, line: number, found: Found[]): void {
  const name = node.name ?? "";
  const tag = name ? `<${name}>` : "<>";
  // `<svg:script>` is a <script> too.
  const local = name.slice(name.lastIndexOf(":") + 1);
  const danger = /^[a-z]/.test(local) ? DANGEROUS_ELEMENTS[local.toLowerCase()] : undefined;
  if (danger) {
    const refresh =
      local === "meta" &&
      node.attributes?.some(
        (a) => a.type === "mdxJsxAttribute" && a.name.toLowerCase() === "http-equiv",
      );
    found.push({
      line,
      ...danger,
      ...(refresh
        ? {
            message: 'a <meta http-equiv="…"> in content',
            hint: "a refresh sends every reader, and a kiosk, to another address; write a link instead: [text](https://…)",
          }
        : {}),
    });
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
      found.push({
        line,
        message: "an import/export statement in content",
        hint: "components are available without importing; remove the line (see docs/authoring.md)",
      });
    } else if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
      if (!isOnlyComments(node.value ?? "")) found.push({ line, ...EXPRESSION });
    } else if (
      (node.type === "link" || node.type === "image" || node.type === "definition") &&
      isDangerousUrl(node.url ?? "")
    ) {
      found.push({ line, ...LINK, found: node.url ?? "" });
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
    return unsafeConstructs(tree, entry.bodyLine ?? 1).map((problem) => ({
      severity: "error" as const,
      file: entry.file,
      ...problem,
    }));
  });
}
