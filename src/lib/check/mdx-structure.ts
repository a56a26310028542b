import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import type { Problem } from "../kb/problems.ts";
import { fileLine, type MdxNode, type MdxSyntaxError, mdxOf, walkMdx } from "../mdx/parse.ts";
import { isJsxElement } from "../mdx/scan.ts";

type Found = Omit<Problem, "file" | "severity">;

/** HTML elements that never have content; MDX still needs them written `<br />`. */
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"]);

const LESS_THAN_HINT =
  "MDX reads < as the start of a tag; to write the sign, use the full-width ＜ or &lt; (年龄＜18岁 or 年龄&lt;18岁)";

/** The source line of a syntax error, and the text from its column on. */
function textAt(body: string, error: MdxSyntaxError): string {
  let start = 0;
  for (let line = 1; line < error.line && start !== -1; line++)
    start = body.indexOf("\n", start) + 1;
  const end = body.indexOf("\n", start);
  const lineText = body.slice(start, end === -1 ? undefined : end);
  // Columns count code points; Array.from keeps astral characters whole.
  return Array.from(lineText)
    .slice(error.column - 1)
    .join("");
}

/**
 * A syntax error of the MDX parser in the check's words: what is wrong and how
 * to write it, for the mistakes authors make most.
 */
export function syntaxErrorProblem(body: string, error: MdxSyntaxError, bodyLine: number): Found {
  const line = bodyLine + error.line - 1;
  const { reason } = error;
  const at = textAt(body, error);
  let m = /^Expected a closing tag for `<([^>`]*)>`/.exec(reason);
  if (m) {
    const name = m[1] as string;
    return VOID.has(name.toLowerCase())
      ? {
          line,
          message: `<${name}> must be written as <${name} /> in MDX`,
          hint: `add a slash before the closing bracket: <${name} />`,
        }
      : {
          line,
          message: `<${name}> is never closed`,
          hint: `add </${name}> after its content, or write <${name} … /> if it has none`,
        };
  }
  m =
    /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):\d+\)/.exec(
      reason,
    );
  if (m) {
    const [, closing, open, openLine] = m;
    return {
      line,
      message: `closing tag </${closing}> does not match <${open}> opened on line ${bodyLine + Number(openLine) - 1}`,
      hint: `close <${open}> first with </${open}>`,
    };
  }
  m = /^Unexpected closing tag `<\/([^>`]*)>`, expected an open tag first/.exec(reason);
  if (m) {
    return {
      line,
      message: `closing tag </${m[1]}> does not match any opening tag`,
      hint: `remove </${m[1]}> or add the opening <${m[1]}>`,
    };
  }
  if (at.startsWith("<!--")) {
    return {
      line,
      message: "HTML comments are not MDX; write {/* … */}",
      found: at.slice(0, 40),
      hint: "replace <!-- … --> with {/* … */}; the text inside is not shown to readers",
    };
  }
  if (/^Unexpected character/.test(reason) && at.startsWith("<")) {
    const next = Array.from(at)[1] ?? "";
    if (!/[A-Za-z/>]/.test(next)) {
      return {
        line,
        message: "a bare “<” in the text",
        found: at.slice(0, 20),
        hint: LESS_THAN_HINT,
      };
    }
    return {
      line,
      message: "a tag MDX cannot read",
      found: at.slice(0, 40),
      hint: `write attribute values in quotes (title="…") or as numbers in braces (article={24}), and end the tag with > or />; ${LESS_THAN_HINT}`,
    };
  }
  if (/Invalid number/.test(reason)) {
    const number = /^\{?\s*(-?0\d+)/.exec(at)?.[1];
    return {
      line,
      message: number
        ? `the number ${number} starts with 0, which MDX cannot read`
        : "a number MDX cannot read",
      ...(number ? { found: number } : {}),
      hint: number
        ? `write it without the leading zero: {${String(Number(number))}}, e.g. article={24}`
        : "write whole numbers in braces without leading zeros, e.g. article={24}",
    };
  }
  if (/expected a corresponding closing brace for `\{`/.test(reason)) {
    return {
      line,
      message: "a curly brace “{” that is never closed",
      hint: "in MDX, { starts a piece of code; to show a brace write \\{ , or use full-width ｛ ｝; a comment is written {/* … */}",
    };
  }
  return {
    line,
    message: `MDX cannot read this: ${reason}`,
    hint: "the build would stop here too; see “What MDX allows” in docs/authoring.md",
  };
}

/**
 * C0 control characters (U+0000–U+001F but tab, line feed and carriage return)
 * are invisible, and the parser passes them into every page's HTML.
 */
function controlCharacters(body: string, bodyLine: number): Found[] {
  const found: Found[] = [];
  let line = bodyLine;
  let reported = -1;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x0a) line++;
    else if (code < 0x20 && code !== 0x09 && code !== 0x0d && line !== reported) {
      reported = line;
      found.push({
        line,
        message: "an invisible control character in the text",
        found: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
        hint: "it usually comes from copying out of another program; delete it (retype the characters around it)",
      });
      if (found.length === 20) break;
    }
  }
  return found;
}

/** Where a Markdown image may come from: the knowledge base itself, or public/. */
interface ImageRoots {
  contentDir: string;
  publicDir: string;
  /** Absolute path of the MDX file, for relative image paths. */
  file: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Astro reads a Markdown image's file while building (and prints part of it
 * when it is not an image), so the path must stay inside the knowledge base
 * or public/ and name a file that exists.
 */
function imagePathProblem(url: string, roots: ImageRoots): Omit<Found, "line"> | undefined {
  if (/^(?:https?:)?\/\//i.test(url)) return undefined;
  const hint =
    "put the picture beside the entry in the content folder and write ![description](./picture.jpg), or in public/images/ and write ![description](/images/picture.jpg)";
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) {
    // javascript: and data: are reported as dangerous links.
    if (/^(?:javascript|vbscript|data):/i.test(url)) return undefined;
    return {
      message: `the image “${url}” is not a web address or a file of the knowledge base`,
      hint,
    };
  }
  let path = url.replace(/[?#].*$/s, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % is part of the file name.
  }
  const fromPublic = path.startsWith("/");
  const root = fromPublic ? roots.publicDir : roots.contentDir;
  const target = fromPublic ? resolve(root, `.${path}`) : resolve(dirname(roots.file), path);
  if (!inside(root, target)) {
    return {
      message: `the image “${url}” is outside the ${fromPublic ? "public/ folder" : "knowledge base"}`,
      hint,
    };
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    return {
      message: `the image “${url}” does not exist`,
      expected: `a file at ${relative(process.cwd(), target) || target}`,
      hint: "check the spelling and the folder: paths starting with / are in public/, others are relative to this file",
    };
  }
  return undefined;
}

/** Markdown images `![](…)` and HTML `<img>` without a text alternative, and image paths. */
function imageProblems(tree: MdxNode, bodyLine: number, roots: ImageRoots): Found[] {
  const found: Found[] = [];
  const definitions = new Map<string, string>();
  const references: MdxNode[] = [];
  const hint =
    "describe what the picture shows for readers who cannot see it, or use <Figure src alt caption />";
  const checkPath = (url: string, line: number) => {
    const problem = imagePathProblem(url, roots);
    if (problem) found.push({ line, ...problem });
  };
  walkMdx(tree, (node) => {
    const line = fileLine(node, bodyLine);
    if (node.type === "definition") definitions.set(node.identifier ?? "", node.url ?? "");
    else if (node.type === "imageReference") references.push(node);
    else if (node.type === "image") {
      if (!node.alt?.trim()) {
        found.push({
          line,
          message: "an image without alt text",
          expected: "![description of the picture](image path)",
          found: `![](${node.url ?? ""})`,
          hint,
        });
      }
      checkPath(node.url ?? "", line);
    } else if (isJsxElement(node) && node.name?.toLowerCase() === "img") {
      const alt = node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === "alt");
      const text = alt?.type === "mdxJsxAttribute" ? alt.value : undefined;
      if (typeof text !== "string" || !text.trim())
        found.push({ line, message: "an <img> without alt text", hint });
    }
  });
  for (const node of references) {
    const url = definitions.get(node.identifier ?? "");
    if (url !== undefined) checkPath(url, fileLine(node, bodyLine));
  }
  return found;
}

/** Problems of one MDX body that stop the build or spoil the page, whatever the site allows. */
function bodyProblems(entry: Entry<unknown>, roots: ImageRoots): Found[] {
  const parsed = mdxOf(entry);
  if (!parsed || entry.body === undefined) return [];
  const bodyLine = entry.bodyLine ?? 1;
  const found = controlCharacters(entry.body, bodyLine);
  if ("tooComplex" in parsed) {
    const { line, ...problem } = parsed.tooComplex;
    found.push({ line: bodyLine + line - 1, ...problem });
  } else if ("error" in parsed) {
    found.push(syntaxErrorProblem(entry.body, parsed.error, bodyLine));
  } else {
    found.push(...imageProblems(parsed.tree, bodyLine, roots));
  }
  return found;
}

/**
 * Checks that every MDX body parses as the build will parse it (reporting the
 * parser's errors with a fix), has no control characters, and that its images
 * have a text alternative and a path inside the knowledge base or public/.
 * `cwd` is the project folder (whose public/ holds `/…` images).
 */
export function checkMdxStructure(kb: KnowledgeBase, cwd = process.cwd()): Problem[] {
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  const contentDir = resolve(cwd, kb.contentDir);
  const publicDir = resolve(cwd, "public");
  return entries.flatMap((entry) =>
    bodyProblems(entry, { contentDir, publicDir, file: resolve(cwd, entry.file) }).map(
      (problem) => ({
        severity: "error" as const,
        file: entry.file,
        ...problem,
      }),
    ),
  );
}
