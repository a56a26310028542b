import { type Finding, finding } from "../problems/problem.ts";

/** An MDX/Markdown file split into its YAML frontmatter and body. */
export interface SplitFile {
  /** YAML text between the --- fences (empty when there is none). */
  frontmatter: string;
  /** The body after the closing fence. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Why a file's frontmatter fences could not be found (a `frontmatter/…` problem). */
export type FenceProblem = Finding & { line: number };

/**
 * Splits `---` fenced frontmatter from the body. Both fences must start at the
 * beginning of their line, as every Markdown tool expects; an indented fence
 * is reported rather than guessed at.
 */
export function splitFrontmatter(text: string): SplitFile | FenceProblem {
  const lines = text.split(/\r?\n/);
  const isFence = (line: string | undefined) => line?.trimEnd() === "---";
  if (!isFence(lines[0])) {
    const code =
      lines[0]?.trim() === "---" ? "frontmatter/opening-indented" : "frontmatter/missing";
    return { ...finding(code, {}), line: 1 };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (close === -1) {
    return { ...finding("frontmatter/not-closed", {}), line: 1 };
  }
  if (!isFence(lines[close])) {
    return { ...finding("frontmatter/closing-indented", {}), line: close + 1 };
  }
  return {
    frontmatter: lines.slice(1, close).join("\n"),
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}

/** True when the split failed. */
export function isFenceProblem(split: SplitFile | FenceProblem): split is FenceProblem {
  return "message" in split;
}
