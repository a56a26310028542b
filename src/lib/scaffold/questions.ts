import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ID_PATTERN, LESSON_FILE } from "../kb/content-paths.ts";
import { listCourses } from "./courses.ts";
import { ScaffoldError, type ScaffoldRequest } from "./request.ts";

/** The first `policy`/`article` pair a course's lessons cite, as YAML lines of the template. */
function firstCitation(courseDir: string): { policy: string; article: number } | undefined {
  for (const file of readdirSync(courseDir).sort()) {
    if (!LESSON_FILE.test(file)) continue;
    const text = readFileSync(join(courseDir, file), "utf8");
    const match = /\n\s*-\s*policy:\s*([a-z0-9-]+)\s*\n\s*article:\s*(\d+)/.exec(text);
    if (match) return { policy: match[1] as string, article: Number(match[2]) };
  }
  return undefined;
}

/** Ids already used in a questions.yaml (read loosely: the check reads it properly). */
function usedIds(text: string): Set<string> {
  return new Set([...text.matchAll(/^- id:\s*([a-z0-9-]+)\s*$/gm)].map((m) => m[1] as string));
}

/** The YAML of a new single-choice question with TODO lines the check accepts. */
export function questionYaml(
  id: string,
  question: string,
  cite: { policy: string; article: number },
): string {
  return [
    `- id: ${id}`,
    "  type: single # single, multiple or true-false",
    `  question: ${JSON.stringify(question)}`,
    "  options: # A, B, C, D in this order; true-false questions have none",
    "    - TODO 选项一",
    "    - TODO 选项二",
    "    - TODO 选项三",
    "    - TODO 选项四",
    "  answer: A # a letter; multiple: [A, C]; true-false: true or false",
    "  explanation: TODO：依据所引条文，说明为什么这是正确答案",
    "  difficulty: medium # easy, medium or hard",
    "  topics: []",
    "  cites: # the article(s) the answer rests on: check the answer against their text",
    `    - policy: ${cite.policy}`,
    `      article: ${cite.article}`,
    "",
  ].join("\n");
}

/**
 * Appends a question to content/courses/<course>/questions.yaml (made when
 * missing), keeping every byte already there. It cites what the course's
 * first lessons cite, so the new entry passes the check as it stands.
 */
export function appendQuestion(request: ScaffoldRequest): {
  path: string;
  id: string;
  text: string;
  before: string | undefined;
} {
  const course = request.course?.trim();
  if (!course)
    throw new ScaffoldError(2, "--course is required", "e.g. --course vocational-education-rights");
  if (!listCourses(request.contentDir).includes(course)) {
    throw new ScaffoldError(
      2,
      `there is no course “${course}”`,
      `use one of: ${listCourses(request.contentDir).join(", ") || "(none yet)"}`,
    );
  }
  const courseDir = join(request.contentDir, "courses", course);
  const path = join(courseDir, "questions.yaml");
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  const used = usedIds(before ?? "");
  let id = request.slug;
  if (id === undefined) {
    let n = used.size + 1;
    while (used.has(`q${String(n).padStart(2, "0")}`)) n++;
    id = `q${String(n).padStart(2, "0")}`;
  }
  if (!ID_PATTERN.test(id))
    throw new ScaffoldError(2, `--slug “${id}” is not a valid id`, "e.g. --slug train-before-post");
  if (used.has(id))
    throw new ScaffoldError(1, `${path} already has a question “${id}”; nothing was changed`);
  const cite = firstCitation(courseDir);
  if (!cite) {
    throw new ScaffoldError(
      2,
      `no lesson of “${course}” cites an article yet`,
      "a question rests on a law article: cite one in a lesson first, or write the question in questions.yaml by hand",
    );
  }
  const question = request.title?.trim() || "TODO：题干（依据所引条文提问）";
  const header =
    before ?? "# Question bank of this course. Field reference: docs/authoring.md#questions\n";
  const text = `${header}${header.endsWith("\n") ? "" : "\n"}${questionYaml(id, question, cite)}`;
  writeFileSync(path, text, "utf8");
  return { path, id, text, before };
}
