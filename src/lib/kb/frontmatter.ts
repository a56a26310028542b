/** An MDX/Markdown file split into its YAML frontmatter and body. */
export interface SplitFile {
  /** YAML text between the --- fences (empty when there is none). */
  frontmatter: string;
  /** The body after the closing fence. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Why a file's frontmatter fences could not be found. */
export interface FenceProblem {
  line: number;
  message: string;
  hint: string;
}

const FENCE_HINT =
  "the file must start with a line “---”, then the fields, then another line “---”, each fence at the very start of its line";

/**
 * Splits `---` fenced frontmatter from the body. Both fences must start at the
 * beginning of their line, as every Markdown tool expects; an indented fence
 * is reported rather than guessed at.
 */
export function splitFrontmatter(text: string): SplitFile | FenceProblem {
  const lines = text.split(/\r?\n/);
  const isFence = (line: string | undefined) => line?.trimEnd() === "---";
  if (!isFence(lines[0])) {
    return lines[0]?.trim() === "---"
      ? { line: 1, message: "the opening “---” of the frontmatter is indented", hint: FENCE_HINT }
      : { line: 1, message: "the file has no frontmatter", hint: FENCE_HINT };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (close === -1) {
    return {
      line: 1,
      message: "the frontmatter is never closed: no second line “---”",
      hint: FENCE_HINT,
    };
  }
  if (!isFence(lines[close])) {
    return {
      line: close + 1,
      message: "the closing “---” of the frontmatter is indented",
      hint: "remove the spaces before “---”",
    };
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
