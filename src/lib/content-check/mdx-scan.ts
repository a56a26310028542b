/** A JSX element used in an MDX body, as written. */
export interface MdxElement {
  name: string;
  /** Attribute values: strings for "…", numbers for {123}, raw text for other {…}. */
  attributes: Record<string, string | number>;
  /** 1-based line in the whole file. */
  line: number;
}

/** A capitalised JSX element (component), with quoted or {…} attribute values. */
export const ELEMENT = /<([A-Z][A-Za-z0-9]*)\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*)\/?>/g;
const ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g;

function parseAttributes(source: string): Record<string, string | number> {
  const attributes: Record<string, string | number> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1] as string;
    const quoted = m[2] ?? m[3];
    const expression = m[4]?.trim();
    if (quoted !== undefined) attributes[name] = quoted;
    else if (expression !== undefined)
      attributes[name] = /^\d+$/.test(expression) ? Number(expression) : expression;
  }
  return attributes;
}

/** Blanks out fenced code blocks and inline code so examples are not checked as real use. */
export function withoutCode(body: string): string {
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, " "))
    .replace(/`[^`\n]*`/g, (code) => " ".repeat(code.length));
}

/**
 * Finds capitalised JSX elements (components) in an MDX body.
 * `bodyLine` is the file line where the body starts.
 */
export function scanMdxElements(body: string, bodyLine: number): MdxElement[] {
  const text = withoutCode(body);
  const elements: MdxElement[] = [];
  for (const m of text.matchAll(ELEMENT)) {
    const before = text.slice(0, m.index);
    const line = bodyLine + (before.match(/\n/g)?.length ?? 0);
    elements.push({ name: m[1] as string, attributes: parseAttributes(m[2] ?? ""), line });
  }
  return elements;
}

/** 1-based file line of a character offset in a body that starts at `bodyLine`. */
export function lineAt(text: string, offset: number, bodyLine: number): number {
  return bodyLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
}
