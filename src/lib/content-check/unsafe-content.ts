import type { Problem } from "../problems.ts";
import type { Entry, KnowledgeBase } from "./load.ts";
import { ELEMENT, lineAt, withoutCode } from "./mdx-scan.ts";

/**
 * MDX is a programming language: `import`, `export` and `{…}` run code at build
 * time, and raw HTML can carry scripts into every reader's browser. Content
 * written by many hands is therefore limited to Markdown plus our components
 * with literal props, unless site.yaml says `allowScripts: true`.
 */
const RULES: { pattern: RegExp; message: string; hint: string }[] = [
  {
    pattern: /<script\b/gi,
    message: "raw <script> in content",
    hint: "scripts are not allowed in content; ask the site's developer to add a component instead",
  },
  {
    pattern: /<(iframe|object|embed)\b/gi,
    message: "embedded frame or object in content",
    hint: "embedded pages and plugins are not allowed; link to the page instead",
  },
  {
    pattern: /(?:\]\(\s*|href\s*=\s*["']?\s*)(?:javascript|vbscript|data):/gi,
    message: "a link with a javascript:, vbscript: or data: address",
    hint: "links must point to web pages (https://…) or pages of this site (/courses/…)",
  },
  {
    pattern: /<[a-z][a-z0-9]*\b[^>]*\son[a-z]+\s*=/gi,
    message: "an HTML event handler attribute (onclick=…, onerror=…)",
    hint: "event handlers run scripts; remove the attribute",
  },
  {
    pattern: /^(?:import|export)\s/gm,
    message: "an import/export statement in content",
    hint: "components are available without importing; remove the line (see docs/authoring.md)",
  },
];

/** Attribute values that are plain data: numbers, booleans, quoted strings. */
const LITERAL = /^\s*(?:-?\d+(?:\.\d+)?|true|false|"[^"]*"|'[^']*')\s*$/;

function scanBody(entry: Entry<unknown>): Omit<Problem, "file" | "severity">[] {
  if (entry.body === undefined || entry.bodyLine === undefined) return [];
  const bodyLine = entry.bodyLine;
  const text = withoutCode(entry.body).replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const found: Omit<Problem, "file" | "severity">[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      found.push({ line: lineAt(text, m.index, bodyLine), message: rule.message, hint: rule.hint });
    }
  }
  // Expressions inside component attributes must be literals…
  for (const m of text.matchAll(ELEMENT)) {
    for (const attr of (m[2] ?? "").matchAll(/([A-Za-z][\w-]*)\s*=\s*\{([^}]*)\}/g)) {
      if (LITERAL.test(attr[2] ?? "")) continue;
      found.push({
        line: lineAt(text, m.index, bodyLine),
        message: `the value of ${attr[1]} is code, not a plain value`,
        found: `{${attr[2]}}`,
        hint: 'write numbers as {24} and text in quotes: title="…"',
      });
    }
  }
  // …and braces anywhere else are MDX expressions: code, or a typo for a literal brace.
  const outsideTags = text.replace(ELEMENT, (tag) => tag.replace(/[^\n]/g, " "));
  for (const m of outsideTags.matchAll(/\{/g)) {
    found.push({
      line: lineAt(outsideTags, m.index, bodyLine),
      message: "a curly brace “{” in the text",
      hint: "in MDX, { starts a piece of code; to show a brace write \\{ , or use full-width ｛ ｝",
    });
  }
  return found;
}

/** Finds scripts, code and dangerous links in MDX bodies (unless the site allows scripts). */
export function checkUnsafeContent(kb: KnowledgeBase): Problem[] {
  if (kb.site?.data.allowScripts) return [];
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  return entries.flatMap((entry) =>
    scanBody(entry).map((problem) => ({
      severity: "error" as const,
      file: entry.file,
      ...problem,
    })),
  );
}
