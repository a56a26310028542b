import { type MdxNode, parseMdx, plainTextOf } from "./parse.ts";
import { componentsOf } from "./scan.ts";

/** A discussion question written as <Question>…</Question> in an MDX body. */
export interface MdxQuestion {
  /** The question as plain text (tags and Markdown emphasis removed). */
  text: string;
  /** 1-based line of the opening tag in the whole file. */
  line: number;
}

/** The <Question> texts of a parsed body, in order. */
export function questionsOf(tree: MdxNode, bodyLine: number): MdxQuestion[] {
  return componentsOf(tree, bodyLine)
    .filter((element) => element.name === "Question")
    .map((element) => ({ text: plainTextOf(element.node), line: element.line }));
}

/**
 * The <Question> texts of an MDX body, in order, so handouts can list them
 * after the lesson's frontmatter `questions`. `bodyLine` is the file line where
 * the body starts (from splitFrontmatter). Questions inside code examples are
 * skipped: the body is parsed as the build parses it.
 */
export function extractQuestions(body: string, bodyLine = 1): MdxQuestion[] {
  const result = parseMdx(body);
  return "tree" in result ? questionsOf(result.tree, bodyLine) : [];
}
