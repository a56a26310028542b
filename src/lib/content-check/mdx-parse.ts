import { mdxToMdast } from "satteri";

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

/** A body too big and busy to parse in reasonable time (see {@link parseCost}). */
export interface MdxTooComplex {
  /** 1-based line in the body. */
  line: number;
  message: string;
  found: string;
  hint: string;
}

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
  // { < & \ ` [
  return (
    code === 0x7b ||
    code === 0x3c ||
    code === 0x26 ||
    code === 0x5c ||
    code === 0x60 ||
    code === 0x5b
  );
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
  let line = 1;
  let blank = true;
  const close = () => {
    const cost = length * markup;
    total += cost;
    if (cost > worst.cost) worst = { cost, line: startLine, length, markup };
    length = 0;
    markup = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x0a) {
      if (blank) close();
      else length++;
      line++;
      blank = true;
      continue;
    }
    if (blank && code !== 0x20 && code !== 0x09 && code !== 0x0d) {
      if (length === 0) startLine = line;
      blank = false;
    }
    length++;
    if (!isMarkup(code)) continue;
    markup++;
    const next = body.charCodeAt(i + 1);
    // `{` and tag openers `<a`, `</`: each unclosed one costs a pass over the rest.
    if (code === 0x7b || (code === 0x3c && (next === 0x2f || /[A-Za-z]/.test(body[i + 1] ?? ""))))
      openers++;
  }
  close();
  if (total > PARAGRAPH_BUDGET) {
    return {
      line: worst.line,
      message:
        "this paragraph is too long and too full of markup for MDX to read in reasonable time",
      found: `${worst.length.toLocaleString("en")} characters with ${worst.markup.toLocaleString("en")} of < { & \\ \` [ and no blank line`,
      hint: "split the text into paragraphs with blank lines; write a < that is not a tag as ＜ and a { as ｛",
    };
  }
  if (openers * body.length > FILE_BUDGET) {
    return {
      line: 1,
      message: "this file has too many tags and curly braces for MDX to read in reasonable time",
      found: `${openers.toLocaleString("en")} tags or braces in ${Math.round(body.length / 1024).toLocaleString("en")} KB`,
      hint: "split it into several entries; write a < that is not a tag as ＜ and a { as ｛",
    };
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
