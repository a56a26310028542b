import { scanMdxElements } from "./content-check/mdx-scan.ts";

/** A discussion question written as <Question>…</Question> in an MDX body. */
export interface MdxQuestion {
  /** The question as plain text (tags and Markdown emphasis removed). */
  text: string;
  /** 1-based line of the opening tag in the whole file. */
  line: number;
}

const QUESTION = /<Question\b[^>]*?(?:\/>|>([\s\S]*?)<\/Question\s*>)/g;

/** Markdown and JSX reduced to the words a reader sees. */
function plainText(source: string): string {
  return source
    .replace(/<[^>]+>/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The <Question> texts of an MDX body, in order, so handouts can list them
 * after the lesson's frontmatter `questions`. `bodyLine` is the file line where
 * the body starts (from splitFrontmatter). Questions inside code examples are
 * skipped: only elements that scanMdxElements sees count.
 */
export function extractQuestions(body: string, bodyLine = 1): MdxQuestion[] {
  const real = new Set(
    scanMdxElements(body, bodyLine)
      .filter((element) => element.name === "Question")
      .map((element) => element.line),
  );
  const questions: MdxQuestion[] = [];
  for (const match of body.matchAll(QUESTION)) {
    const line = bodyLine + (body.slice(0, match.index).match(/\n/g)?.length ?? 0);
    if (!real.has(line)) continue;
    questions.push({ text: plainText(match[1] ?? ""), line });
  }
  return questions;
}
