import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { fileLine, type MdxNode, type MdxSyntaxError, mdxOf, walkMdx } from "../mdx/parse.ts";
import { isJsxElement } from "../mdx/scan.ts";
import { type Finding as Found, finding, inFile, type Problem } from "../problems/problem.ts";

/** HTML elements that never have content; MDX still needs them written `<br />`. */
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"]);

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
    const code = VOID.has(name.toLowerCase()) ? "mdx/void-element-not-closed" : "mdx/unclosed-tag";
    return finding(code, { line, values: { name } });
  }
  m =
    /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):\d+\)/.exec(
      reason,
    );
  if (m) {
    const [, closing = "", open = "", openLine] = m;
    return finding("mdx/mismatched-closing-tag", {
      line,
      values: { closing, open, openLine: bodyLine + Number(openLine) - 1 },
    });
  }
  m = /^Unexpected closing tag `<\/([^>`]*)>`, expected an open tag first/.exec(reason);
  if (m) {
    return finding("mdx/unexpected-closing-tag", { line, values: { name: m[1] ?? "" } });
  }
  if (at.startsWith("<!--")) {
    return finding("mdx/html-comment", { line, found: at.slice(0, 40) });
  }
  if (/^Unexpected character/.test(reason) && at.startsWith("<")) {
    const next = Array.from(at)[1] ?? "";
    if (!/[A-Za-z/>]/.test(next)) {
      return finding("mdx/bare-less-than", { line, found: at.slice(0, 20) });
    }
    return finding("mdx/unreadable-tag", { line, found: at.slice(0, 40) });
  }
  if (/Invalid number/.test(reason)) {
    const number = /^\{?\s*(-?0\d+)/.exec(at)?.[1];
    return number
      ? finding("mdx/leading-zero", {
          line,
          found: number,
          values: { number, value: String(Number(number)) },
        })
      : finding("mdx/unreadable-number", { line });
  }
  if (/expected a corresponding closing brace for `\{`/.test(reason)) {
    return finding("mdx/unclosed-brace", { line });
  }
  return finding("mdx/syntax", { line, values: { reason } });
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
      const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      found.push(finding("mdx/control-character", { line, values: { codePoint } }));
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
function imagePathProblem(url: string, roots: ImageRoots, line: number): Found | undefined {
  if (/^(?:https?:)?\/\//i.test(url)) return undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) {
    // javascript: and data: are reported as dangerous links.
    if (/^(?:javascript|vbscript|data):/i.test(url)) return undefined;
    return finding("image/not-a-file", { line, values: { url } });
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
    return finding("image/outside", {
      line,
      values: { url, root: fromPublic ? "public/ folder" : "knowledge base" },
    });
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    return finding("image/missing-file", {
      line,
      values: { url, path: relative(process.cwd(), target) || target },
    });
  }
  return undefined;
}

/** Markdown images `![](…)` and HTML `<img>` without a text alternative, and image paths. */
function imageProblems(tree: MdxNode, bodyLine: number, roots: ImageRoots): Found[] {
  const found: Found[] = [];
  const definitions = new Map<string, string>();
  const references: MdxNode[] = [];
  const checkPath = (url: string, line: number) => {
    const problem = imagePathProblem(url, roots, line);
    if (problem) found.push(problem);
  };
  walkMdx(tree, (node) => {
    const line = fileLine(node, bodyLine);
    if (node.type === "definition") definitions.set(node.identifier ?? "", node.url ?? "");
    else if (node.type === "imageReference") references.push(node);
    else if (node.type === "image") {
      if (!node.alt?.trim()) {
        found.push(finding("image/missing-alt", { line, found: `![](${node.url ?? ""})` }));
      }
      checkPath(node.url ?? "", line);
    } else if (isJsxElement(node) && node.name?.toLowerCase() === "img") {
      const alt = node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === "alt");
      const text = alt?.type === "mdxJsxAttribute" ? alt.value : undefined;
      if (typeof text !== "string" || !text.trim())
        found.push(finding("image/img-missing-alt", { line }));
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
    found.push({ ...parsed.tooComplex, line: bodyLine + parsed.tooComplex.line - 1 });
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
    bodyProblems(entry, { contentDir, publicDir, file: resolve(cwd, entry.file) }).map((found) =>
      inFile(found, entry.file),
    ),
  );
}
