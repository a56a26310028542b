import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkKnowledgeBase } from "../check/check.ts";
import { CliError } from "../cli/cli-error.ts";
import { ID_PATTERN, parseLessonPath } from "../kb/content-paths.ts";
import type { Problem } from "../kb/problems.ts";
import { appendGlossaryTerm, GlossaryClash } from "./glossary.ts";
import { hasChinese, pinyinOf, slugFromTitle } from "./slug.ts";
import { caseMdx, courseYaml, lessonMdx, policyMdx } from "./templates.ts";
import { localToday } from "./today.ts";

/** What `npm run new` can create. */
export const ENTITY_KINDS = ["course", "lesson", "policy", "case", "term"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Answers for one new entry, from the command line or the prompts. */
export interface ScaffoldRequest {
  kind: EntityKind;
  contentDir: string;
  title?: string | undefined;
  titleEn?: string | undefined;
  /** Overrides the slug made from the title (or, for a term, the id). */
  slug?: string | undefined;
  /** Lessons: the course folder name. */
  course?: string | undefined;
  /** Cases: false for a real case (default: fictional, so it is labelled). */
  fictional?: boolean | undefined;
  zh?: string | undefined;
  en?: string | undefined;
  pinyin?: string | undefined;
  definition?: string | undefined;
  /** YYYY-MM-DD; default today. */
  today?: string | undefined;
}

/** What was created, for the closing message. */
export interface ScaffoldResult {
  /** Absolute path of the created or changed file. */
  path: string;
  /** Id or slug of the new entry. */
  id: string;
  /** Warnings about the new file (errors elsewhere are only counted). */
  problems: Problem[];
  /** Errors in other files of the knowledge base, already there before. */
  otherErrors: number;
  nextSteps: string[];
}

/** A refusal with the exit code to use: 1 (content: exists, invalid) or 2 (usage). */
export class ScaffoldError extends CliError {
  /** The check's report on the new entry, when that is why it was refused. */
  problems: Problem[] = [];
}

// Kept in its own module so that import-law does not load the checker.
export { localToday } from "./today.ts";

/** Folder names under content/courses that have a course.yaml. */
export function listCourses(contentDir: string): string[] {
  const dir = join(contentDir, "courses");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "course.yaml")))
    .sort();
}

/** The number the next lesson of a course gets: one more than the highest, from 1. */
export function nextLessonNumber(courseDir: string): number {
  const orders = existsSync(courseDir)
    ? readdirSync(courseDir).flatMap((file) => parseLessonPath(`c/${file}`)?.order ?? [])
    : [];
  return Math.max(0, ...orders) + 1;
}

function requireText(value: string | undefined, option: string, example: string): string {
  const text = value?.trim();
  if (!text) throw new ScaffoldError(2, `${option} is required`, `e.g. ${option} ${example}`);
  return text;
}

function chooseSlug(request: ScaffoldRequest, from: string): string {
  const slug = request.slug ?? slugFromTitle(from);
  if (!ID_PATTERN.test(slug)) {
    throw new ScaffoldError(
      2,
      request.slug
        ? `--slug “${request.slug}” is not a valid address`
        : `no address can be made from “${from}”`,
      "give one with --slug: lower-case letters, digits and dashes, e.g. --slug training-duties",
    );
  }
  return slug;
}

/** Writes a new file; never replaces one. */
function writeNew(path: string, text: string): void {
  if (existsSync(path)) {
    throw new ScaffoldError(
      1,
      `${path} already exists; nothing was changed`,
      "choose another title, or give another name with --slug",
    );
  }
  writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
}

/** Creates the file(s) of one request and returns the path, without checking. */
function write(
  request: ScaffoldRequest,
  today: string,
): { path: string; id: string; created: string[]; nextSteps: string[] } {
  const { contentDir } = request;
  const draft = () => ({
    title: requireText(request.title, "--title", '"企业的培训义务"'),
    titleEn: request.titleEn,
    today,
  });
  switch (request.kind) {
    case "course": {
      const d = draft();
      const id = chooseSlug(request, d.title);
      const folder = join(contentDir, "courses", id);
      if (existsSync(folder)) {
        throw new ScaffoldError(
          1,
          `the course folder ${folder} already exists; nothing was changed`,
          "choose another title, or give another name with --slug",
        );
      }
      mkdirSync(folder, { recursive: true });
      const path = join(folder, "course.yaml");
      writeNew(path, courseYaml(d));
      return {
        path,
        id,
        created: [folder],
        nextSteps: [
          "fill in the TODO lines of course.yaml (summary, audience, objectives …)",
          `add its first lesson: npm run new -- lesson --course ${id} --title "…"`,
        ],
      };
    }
    case "lesson": {
      const courses = listCourses(contentDir);
      const course = request.course?.trim();
      if (!course || !courses.includes(course)) {
        throw new ScaffoldError(
          2,
          course ? `there is no course “${course}”` : "--course is required for a lesson",
          courses.length
            ? `courses: ${courses.join(", ")}`
            : 'create a course first: npm run new -- course --title "…"',
        );
      }
      const d = draft();
      const slug = chooseSlug(request, d.title);
      const courseDir = join(contentDir, "courses", course);
      const clash = readdirSync(courseDir).find(
        (file) => parseLessonPath(`${course}/${file}`)?.slug === slug,
      );
      if (clash) {
        throw new ScaffoldError(
          1,
          `the course already has a lesson with the address “${slug}” (${clash}); nothing was changed`,
          "give the new lesson another name with --slug",
        );
      }
      const number = String(nextLessonNumber(courseDir)).padStart(2, "0");
      const path = join(courseDir, `${number}-${slug}.mdx`);
      writeNew(path, lessonMdx(d));
      return {
        path,
        id: `${course}/${slug}`,
        created: [path],
        nextSteps: [
          "replace the TODO lines and write the lesson below the second ---",
          "preview it: npm run dev",
        ],
      };
    }
    case "policy": {
      const d = draft();
      const id = chooseSlug(request, d.title);
      const folder = join(contentDir, "policies", id);
      if (existsSync(folder)) {
        throw new ScaffoldError(
          1,
          `the policy folder ${folder} already exists; nothing was changed`,
          "choose another title, or give another name with --slug",
        );
      }
      mkdirSync(folder, { recursive: true });
      const path = join(folder, "index.mdx");
      writeNew(path, policyMdx(d));
      return {
        path,
        id,
        created: [folder],
        nextSteps: [
          "fill in the TODO lines (titleEn, issuer, adopted date, summary)",
          `to cite its articles, import the official text: npm run import-law -- <file> --slug ${id}`,
          "(import-law creates index.mdx too: for a law with a full text you can delete this folder and import instead)",
        ],
      };
    }
    case "case": {
      const d = draft();
      const id = chooseSlug(request, d.title);
      const dir = join(contentDir, "cases");
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${id}.mdx`);
      writeNew(
        path,
        caseMdx({ ...d, year: Number(today.slice(0, 4)), fictional: request.fictional ?? true }),
      );
      return {
        path,
        id,
        created: [path],
        nextSteps: [
          request.fictional === false
            ? "the case is marked real (fictional: false)"
            : "the case is marked fictional; change to fictional: false if it really happened",
          "fill in the TODO lines: sector, year, what happened, lessons learned",
        ],
      };
    }
    case "term": {
      const zh = requireText(request.zh, "--zh", "职工教育经费");
      if (!hasChinese(zh))
        throw new ScaffoldError(2, `--zh should be the term in Chinese, not “${zh}”`);
      const en = requireText(request.en, "--en", '"employee education funds"');
      const id = request.slug ?? slugFromTitle(en);
      if (!ID_PATTERN.test(id))
        throw new ScaffoldError(
          2,
          `no id can be made from “${en}”`,
          "give one with --slug, e.g. --slug employee-education-funds",
        );
      const path = join(contentDir, "glossary.yaml");
      let text: string;
      try {
        text = appendGlossaryTerm(path, {
          id,
          zh,
          en,
          pinyin: request.pinyin?.trim() || pinyinOf(zh),
          definition: request.definition?.trim() || "TODO：用一两句话解释这个术语",
        });
      } catch (error) {
        if (error instanceof GlossaryClash)
          throw new ScaffoldError(1, `${error.message}; nothing was changed`);
        throw error;
      }
      writeFileSync(path, text, "utf8");
      return {
        path,
        id,
        created: [],
        nextSteps: [
          request.definition
            ? "check the definition and pinyin in glossary.yaml"
            : "write the definition in glossary.yaml (replace the TODO)",
          `link it from a lesson: <Term id="${id}" />`,
        ],
      };
    }
  }
}

/**
 * Creates one entry from a template and checks the knowledge base. When the
 * new file has errors it is removed again (for a term, glossary.yaml is put
 * back as it was) and a ScaffoldError carrying the problems is thrown, so
 * nothing half-valid is left behind.
 */
export function scaffold(request: ScaffoldRequest, cwd = process.cwd()): ScaffoldResult {
  const glossaryPath = join(request.contentDir, "glossary.yaml");
  const isTerm = request.kind === "term";
  const originalGlossary =
    isTerm && existsSync(glossaryPath) ? readFileSync(glossaryPath, "utf8") : undefined;
  // glossary.yaml may already have errors; only new ones are the new term's fault.
  const errorsBefore = isTerm
    ? countErrorsIn(checkKnowledgeBase(request.contentDir, cwd).problems, glossaryPath, cwd)
    : 0;
  const written = write(request, request.today ?? localToday());
  const result = checkKnowledgeBase(request.contentDir, cwd);
  const mine = result.problems.filter((p) => sameFile(p.file, written.path, cwd));
  const myErrors = mine.filter((p) => p.severity === "error");
  if (myErrors.length > errorsBefore) {
    if (!isTerm) for (const path of written.created) rmSync(path, { recursive: true, force: true });
    else if (originalGlossary === undefined) rmSync(glossaryPath, { force: true });
    else writeFileSync(glossaryPath, originalGlossary, "utf8");
    const error = new ScaffoldError(1, "the new entry did not pass the check, so it was not kept");
    error.problems = myErrors;
    throw error;
  }
  return {
    path: written.path,
    id: written.id,
    problems: mine.filter((p) => p.severity === "warning"),
    otherErrors: result.errors - myErrors.length,
    nextSteps: written.nextSteps,
  };
}

function sameFile(shown: string, path: string, cwd: string): boolean {
  return shown === path || shown === relative(cwd, path);
}

function countErrorsIn(problems: readonly Problem[], path: string, cwd: string): number {
  return problems.filter((p) => p.severity === "error" && sameFile(p.file, path, cwd)).length;
}
