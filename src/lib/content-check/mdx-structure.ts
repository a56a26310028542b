import type { Problem } from "../problems.ts";
import type { Entry, KnowledgeBase } from "./load.ts";
import { lineAt, withoutCode } from "./mdx-scan.ts";

/** Opening `<Name …>` / `<Name … />` and closing `</Name>` tags, HTML or component. */
const TAG = /<(\/?)([A-Za-z][\w.-]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)(\/?)>/g;

/** HTML elements that never have content; MDX still needs them written `<br />`. */
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"]);

interface OpenTag {
  name: string;
  line: number;
}

/**
 * Finds tags MDX cannot compile: elements never closed, closing tags with no
 * opening one, and `<br>`-style void elements (common in text pasted from Word)
 * — so the author gets file and line instead of a compiler stack trace.
 */
function unbalancedTags(entry: Entry<unknown>): Omit<Problem, "file" | "severity">[] {
  if (entry.body === undefined || entry.bodyLine === undefined) return [];
  const text = withoutCode(entry.body).replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const problems: Omit<Problem, "file" | "severity">[] = [];
  const stack: OpenTag[] = [];
  for (const m of text.matchAll(TAG)) {
    const [, closing, name = "", , selfClosing] = m;
    const line = lineAt(text, m.index, entry.bodyLine);
    if (selfClosing) continue;
    if (!closing && VOID.has(name.toLowerCase())) {
      problems.push({
        line,
        message: `<${name}> must be written as <${name} /> in MDX`,
        hint: `add a slash before the closing bracket: <${name} />`,
      });
    } else if (!closing) {
      stack.push({ name, line });
    } else if (stack.at(-1)?.name === name) {
      stack.pop();
    } else {
      const open = stack.at(-1);
      problems.push({
        line,
        message: `closing tag </${name}> does not match ${open ? `<${open.name}> opened on line ${open.line}` : "any opening tag"}`,
        hint: open
          ? `close <${open.name}> first with </${open.name}>`
          : `remove </${name}> or add the opening <${name}>`,
      });
      const index = stack.findLastIndex((t) => t.name === name);
      if (index !== -1) stack.length = index;
    }
  }
  for (const open of stack) {
    problems.push({
      line: open.line,
      message: `<${open.name}> is never closed`,
      hint: `add </${open.name}> after its content, or write <${open.name} … /> if it has none`,
    });
  }
  return problems;
}

/** Markdown images `![](…)` and HTML `<img>` with no text alternative. */
function imagesWithoutAlt(entry: Entry<unknown>): Omit<Problem, "file" | "severity">[] {
  if (entry.body === undefined || entry.bodyLine === undefined) return [];
  const bodyLine = entry.bodyLine;
  const text = withoutCode(entry.body);
  const hint =
    "describe what the picture shows for readers who cannot see it, or use <Figure src alt caption />";
  const markdown = [...text.matchAll(/!\[\s*\]\(([^)\s]*)\)/g)].map((m) => ({
    line: lineAt(text, m.index, bodyLine),
    message: "an image without alt text",
    expected: "![description of the picture](image path)",
    found: m[0],
    hint,
  }));
  const html = [...text.matchAll(/<img\b(?![^>]*\balt\s*=\s*["'][^"']+["'])[^>]*>/gi)].map((m) => ({
    line: lineAt(text, m.index, bodyLine),
    message: "an <img> without alt text",
    hint,
  }));
  return [...markdown, ...html];
}

/** Checks the tag structure and image text alternatives of every MDX body. */
export function checkMdxStructure(kb: KnowledgeBase): Problem[] {
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  return entries.flatMap((entry) =>
    [...unbalancedTags(entry), ...imagesWithoutAlt(entry)].map((problem) => ({
      severity: "error" as const,
      file: entry.file,
      ...problem,
    })),
  );
}
