import { mdxToMdast } from "satteri";
import { type Finding, finding } from "../problems/problem.ts";

/**
 * One node of the mdast tree satteri builds from MDX (the parser Astro 7
 * compiles MDX with), reduced to the fields the checks read.
 */
export interface MdxNode {
  type: string;
  children?: MdxNode[];
  /** Text, code, or the source of an expression / ESM block. */
  value?: string;
  /** Links, images and definitions. */
  url?: string;
  alt?: string | null;
  identifier?: string;
  /** JSX elements; null for a fragment `<>`. */
  name?: string | null;
  attributes?: MdxAttribute[];
  position?: { start: { line: number; column: number } };
}

/** `name="…"`, `name={…}`, a bare `name`, or a spread `{...x}` in a JSX tag. */
export type MdxAttribute =
  | {
      type: "mdxJsxAttribute";
      name: string;
      value?: string | { type: "mdxJsxAttributeValueExpression"; value: string } | null;
    }
  | { type: "mdxJsxExpressionAttribute"; value: string };

/** A syntax error as satteri reports it, with the line inside the body. */
export interface MdxSyntaxError {
  /** 1-based line in the body. */
  line: number;
  /** 1-based column in that line. */
  column: number;
  /** The parser's words without position and rule name. */
  reason: string;
}

/** A body too big and busy to parse in reasonable time (see {@link parseCost}); `line` is in the body. */
export type MdxTooComplex = Finding & { line: number };

/** The outcome of parsing one MDX body: a tree, or why there is none. */
export type ParsedMdx =
  | { tree: MdxNode }
  | { error: MdxSyntaxError }
  | { tooComplex: MdxTooComplex };

/*
 * satteri is fast on ordinary text but not linear on every input: the cost of
 * a paragraph grows with (characters × entities, tags, braces, escapes, code
 * spans and links in it) — measured 17 s for 200 `&amp;` in one 2 MB
 * paragraph, 2.3 s for 5,700 inline <Cite> in 200 KB — and an unclosed tag or
 * brace costs (nesting × file size). Astro's build pays the same price, so such
 * a body is refused before it is parsed. The budgets leave a wide margin over
 * real content (a 100 KB policy summary with 1,000 citations uses about a
 * tenth of each) and keep the worst case at about two seconds.
 */
const PARAGRAPH_BUDGET = 50_000_000;
const FILE_BUDGET = 1_000_000_000;

/** Characters that start an inline construct satteri handles per paragraph. */
function isMarkup(code: number): boolean {
  // { < > & \ ` [  (> for block quotes: nesting them costs (depth × length) too)
  return (
    code === 0x7b ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x26 ||
    code === 0x5c ||
    code === 0x60 ||
    code === 0x5b
  );
}

/** `{…}` whose end the parser cannot miss: a plain value, or one comment. */
const PLAIN_BRACES = /^[^{}"'`/\\]*$|^\/\*(?:[^*{}]|\*(?!\/))*\*\/$/;

/**
 * Counts the `{` and `<Tag` in a line that may stay open past it: an unclosed
 * one makes the parser scan the rest of the file, once for each. A `{…}` or a
 * tag is known closed only when it ends on the same line with nothing the
 * parser could read differently (a quote, a backtick, a nested brace) — this
 * errs towards counting, never towards missing one.
 */
function unclosedOpeners(line: string): number {
  let count = 0;
  let closeAt = -2;
  let tickAt = -2;
  // Past something the parser may read as still open, every later { and < counts.
  const rest = (from: number): number => {
    for (let k = from; k < line.length; k++) if (line[k] === "{" || line[k] === "<") count++;
    return count;
  };
  const braces = (from: number): number => {
    const end = line.indexOf("}", from + 1);
    if (end !== -1 && PLAIN_BRACES.test(line.slice(from + 1, end))) return end + 1;
    return -1;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === "{") {
      const next = braces(i);
      if (next === -1) return rest(i);
      i = next - 1;
    } else if (c === "<" && /[A-Za-z]/.test(line[i + 1] ?? "")) {
      // Walk the tag: names, quoted values and plain {…} until > or />.
      const name = /^[\w:.-]+/.exec(line.slice(i + 1, i + 65))?.[0] ?? "";
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const d = line[j] as string;
        if (d === '"' || d === "'") {
          const end = line.indexOf(d, j + 1);
          if (end === -1) return rest(i);
          j = end + 1;
        } else if (d === "{") {
          const next = braces(j);
          if (next === -1) return rest(i);
          j = next;
        } else if (d === "/" && line[j + 1] === ">") {
          closed = true;
          j += 2;
          break;
        } else if (d === ">") {
          // Known closed only by its own </Name> later on the line, with no code span
          // before it. (The searches only move forward: one pass per line.)
          if (closeAt < j) closeAt = line.indexOf("</", j);
          if (tickAt < j) tickAt = line.indexOf("`", j);
          closed =
            closeAt !== -1 &&
            (tickAt === -1 || tickAt > closeAt) &&
            line.startsWith(`${name}>`, closeAt + 2);
          j++;
          break;
        } else if (d === "<" || d === "`") break;
        else j++;
      }
      if (!closed) count++;
      i = j - 1;
    }
  }
  return count;
}

/**
 * Checks in one pass that a body is cheap enough to parse. A "paragraph" here
 * is text between blank lines: never shorter than what the parser treats as one.
 */
export function parseCost(body: string): MdxTooComplex | undefined {
  let total = 0;
  let openers = 0;
  let worst = { cost: 0, line: 1, length: 0, markup: 0 };
  let length = 0;
  let markup = 0;
  let startLine = 1;
  let line = 0;
  const close = () => {
    const cost = length * markup;
    total += cost;
    if (cost > worst.cost) worst = { cost, line: startLine, length, markup };
    length = 0;
    markup = 0;
  };
  let start = 0;
  while (start <= body.length) {
    line++;
    const newline = body.indexOf("\n", start);
    const end = newline === -1 ? body.length : newline;
    let blank = true;
    let lineMarkup = 0;
    let hasOpener = false;
    for (let i = start; i < end; i++) {
      const code = body.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0d) blank = false;
      if (isMarkup(code)) {
        lineMarkup++;
        if (code === 0x7b || code === 0x3c) hasOpener = true;
      }
    }
    if (blank) close();
    else {
      if (length === 0) startLine = line;
      length += end - start + 1;
      markup += lineMarkup;
      if (hasOpener) openers += unclosedOpeners(body.slice(start, end));
    }
    start = end + 1;
  }
  close();
  if (total > PARAGRAPH_BUDGET) {
    const values = {
      length: worst.length.toLocaleString("en"),
      markup: worst.markup.toLocaleString("en"),
    };
    return { ...finding("mdx/paragraph-too-complex", { values }), line: worst.line };
  }
  if (openers * body.length > FILE_BUDGET) {
    const values = {
      openers: openers.toLocaleString("en"),
      size: Math.round(body.length / 1024).toLocaleString("en"),
    };
    return { ...finding("mdx/file-too-complex", { values }), line: 1 };
  }
  return undefined;
}

/** `12:5: Unexpected … (mdx-jsx:unexpected-character)` → its parts. */
const SATTERI_ERROR = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/;

/**
 * Parses an MDX body once, as Astro's build will: a tree on success, the
 * syntax error otherwise, or a refusal when the body would take too long.
 * Never throws for any text.
 */
export function parseMdx(body: string): ParsedMdx {
  const tooComplex = parseCost(body);
  if (tooComplex) return { tooComplex };
  try {
    return { tree: mdxToMdast(body) as unknown as MdxNode };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = SATTERI_ERROR.exec(text);
    return m
      ? { error: { line: Number(m[1]), column: Number(m[2]), reason: m[3] as string } }
      : { error: { line: 1, column: 1, reason: text } };
  }
}

const parsed = new WeakMap<object, ParsedMdx>();

/**
 * The parse of an entry's MDX body, computed on first use and shared by every
 * rule (structure, unsafe content, components, citations, questions).
 */
export function mdxOf(entry: { body?: string }): ParsedMdx | undefined {
  if (entry.body === undefined) return undefined;
  let result = parsed.get(entry);
  if (!result) {
    result = parseMdx(entry.body);
    parsed.set(entry, result);
  }
  return result;
}

/** The tree of an entry's body, or undefined when it has none or did not parse. */
export function mdxTreeOf(entry: { body?: string }): MdxNode | undefined {
  const result = mdxOf(entry);
  return result && "tree" in result ? result.tree : undefined;
}

/**
 * Visits every node in document order. Iterative: a hostile body can nest
 * thousands of levels deep, more than the call stack holds.
 */
export function walkMdx(tree: MdxNode, visit: (node: MdxNode) => void): void {
  const stack: MdxNode[] = [tree];
  while (stack.length) {
    const node = stack.pop() as MdxNode;
    visit(node);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as MdxNode);
  }
}

/** 1-based file line of a node in a body that starts at file line `bodyLine`. */
export function fileLine(node: MdxNode, bodyLine: number): number {
  return bodyLine + (node.position?.start.line ?? 1) - 1;
}

/** The text a reader sees in a node: text and code, without markup. */
export function plainTextOf(node: MdxNode): string {
  const parts: string[] = [];
  walkMdx(node, (n) => {
    if (n.type === "text" || n.type === "inlineCode") parts.push(n.value ?? "");
    else if (n.type === "paragraph" || n.type === "break") parts.push(" ");
  });
  return parts.join("").replace(/\s+/g, " ").trim();
}
