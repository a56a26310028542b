import { fileLine, type MdxAttribute, type MdxNode, parseMdx, walkMdx } from "./parse.ts";

/** A JSX element used in an MDX body, as written. */
export interface MdxElement {
  name: string;
  /**
   * Attribute values: strings for "…", numbers for {123}, raw text for other
   * {…}, true for a bare name. Spreads `{...x}` are left out (the unsafe-content
   * check refuses them).
   */
  attributes: Record<string, string | number | boolean>;
  /** 1-based line in the whole file. */
  line: number;
  /** The element's node in the parse, for rules that read its children. */
  node: MdxNode;
}

/** Whether a node is a JSX element, `<x>` in a block or in running text. */
export function isJsxElement(node: MdxNode): boolean {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function attributeValues(attributes: readonly MdxAttribute[]): MdxElement["attributes"] {
  const values: MdxElement["attributes"] = {};
  for (const attribute of attributes) {
    if (attribute.type !== "mdxJsxAttribute") continue;
    const { name, value } = attribute;
    if (value === undefined || value === null) values[name] = true;
    else if (typeof value === "string") values[name] = value;
    else {
      const expression = value.value.trim();
      values[name] = /^\d+$/.test(expression) ? Number(expression) : expression;
    }
  }
  return values;
}

/** Capitalised JSX elements (components) of a parsed body, in document order. */
export function componentsOf(tree: MdxNode, bodyLine: number): MdxElement[] {
  const elements: MdxElement[] = [];
  walkMdx(tree, (node) => {
    if (!isJsxElement(node) || !node.name || !/^[A-Z]/.test(node.name)) return;
    elements.push({
      name: node.name,
      attributes: attributeValues(node.attributes ?? []),
      line: fileLine(node, bodyLine),
      node,
    });
  });
  return elements;
}

/**
 * Finds capitalised JSX elements (components) in an MDX body, as the build's
 * parser sees them: examples in code are text, not components.
 * `bodyLine` is the file line where the body starts. A body that does not
 * parse has none (the check reports it).
 */
export function scanMdxElements(body: string, bodyLine: number): MdxElement[] {
  const result = parseMdx(body);
  return "tree" in result ? componentsOf(result.tree, bodyLine) : [];
}
