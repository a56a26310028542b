/** An MDX/Markdown file split into its YAML frontmatter and body. */
export interface SplitFile {
  /** YAML text between the --- fences (empty when there is none). */
  frontmatter: string;
  /** The body after the closing fence. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/**
 * Splits `---` fenced frontmatter from the body. Returns undefined when the
 * file does not start with a fence or the fence is never closed.
 */
export function splitFrontmatter(text: string): SplitFile | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (close === -1) return undefined;
  return {
    frontmatter: lines.slice(1, close).join("\n"),
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}
