/*
 * What MDX may hold where code could go, for content written by many hands:
 * plain data in `name={…}` and comments in `{…}`. The check refuses anything
 * else (src/lib/check/unsafe-content.ts) and the renderer
 * (src/lib/mdx/render/render.ts) reads exactly these, so both agree.
 */

/** Plain data in `name={…}`: a number, true/false, or a quoted string without escapes. */
const LITERAL = /^\s*(?:(-?(?:0|[1-9]\d*)(?:\.\d+)?)|(true|false)|"([^"\\\n]*)"|'([^'\\\n]*)')\s*$/;

/** Whether the source of `{…}` in an attribute is plain data. */
export function isLiteral(source: string): boolean {
  return LITERAL.test(source);
}

/** The value of plain data in `name={…}`, or undefined when it is code. */
export function literalValue(source: string): string | number | boolean | undefined {
  const m = LITERAL.exec(source);
  if (!m) return undefined;
  if (m[1] !== undefined) return Number(m[1]);
  if (m[2] !== undefined) return m[2] === "true";
  return m[3] ?? m[4] ?? "";
}

/** The value of a literal string expression `{"…"}`, for the address rules. */
export function literalString(source: string): string | undefined {
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
