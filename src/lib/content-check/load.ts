import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "astro/zod";
import { type Case, CaseSchema } from "../../schemas/case.ts";
import { type Course, CourseSchema } from "../../schemas/course.ts";
import { type GlossaryTerm, GlossaryTermSchema } from "../../schemas/glossary.ts";
import { type Lesson, LessonSchema } from "../../schemas/lesson.ts";
import { type Policy, PolicySchema } from "../../schemas/policy.ts";
import { type Site, SiteSchema } from "../../schemas/site.ts";
import { type Topic, TopicSchema } from "../../schemas/topic.ts";
import { caseId, folderId, ID_PATTERN, parseLessonPath } from "../content-paths.ts";
import { type LawText, LawTextError, parseLawText } from "../law/parse-law-text.ts";
import type { Problem } from "../problems.ts";
import { readContentFile } from "../text-file.ts";
import { splitFrontmatter } from "./frontmatter.ts";
import { isYamlError, parseYamlSource, type YamlSource } from "./yaml-source.ts";
import { fieldPath, zodProblems } from "./zod-problems.ts";

/** One validated entry and where it came from. */
export interface Entry<T> {
  id: string;
  /** Path relative to the working directory, as shown in messages. */
  file: string;
  data: T;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  body?: string;
  bodyLine?: number;
}

export interface LessonEntry extends Entry<Lesson> {
  course: string;
  slug: string;
  order: number;
}

/** Everything in a content folder that parsed and validated on its own. */
export interface KnowledgeBase {
  contentDir: string;
  site?: Entry<Site>;
  topics: Entry<Topic>[];
  glossary: Entry<GlossaryTerm>[];
  courses: Entry<Course>[];
  lessons: LessonEntry[];
  policies: Entry<Policy>[];
  lawTexts: Map<string, { file: string; text: LawText }>;
  cases: Entry<Case>[];
  /**
   * What exists but could not be read or validated (`topics`, `glossary`,
   * `policy:<id>`, `course:<id>`): references to it are not reported again,
   * so one broken file does not bury the report in follow-on errors.
   */
  unreadable: Set<string>;
}

/** Files larger than this are refused: a lesson is never megabytes of text. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

type Schema<T> = z.ZodType<T>;

/** Collects problems while loading, with the file name to put on each. */
class Loader {
  readonly problems: Problem[] = [];
  readonly cwd: string;
  constructor(cwd: string) {
    this.cwd = cwd;
  }

  /** Paths inside the project are shown relative to it; others in full. */
  display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
  }

  error(file: string, message: string, extra: Partial<Problem> = {}): void {
    this.problems.push({ severity: "error", file: this.display(file), message, ...extra });
  }

  /**
   * Folder and file names become web addresses. Lists use `/cases/2/` for
   * their second page and `/cases/filter/…` for filters, and ids must be
   * lower-case kebab-case, so a few names would clash or break links.
   */
  checkAddress(path: string, id: string): void {
    if (!ID_PATTERN.test(id)) {
      this.error(path, `“${id}” cannot be used as a web address`, {
        expected: "lower-case letters, digits and dashes, e.g. training-rights",
        hint: "rename the file or folder; Chinese titles go inside the file, not in its name",
      });
    } else if (/^\d+$/.test(id) || id === "filter") {
      this.error(path, `“${id}” is reserved for list pages`, {
        hint: "numbers are page numbers (/cases/2/) and “filter” holds the filter pages; choose a descriptive name",
      });
    }
  }

  /** Reads a file as UTF-8 text, reporting encoding and size problems. */
  read(path: string): string | undefined {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      this.error(path, `the file is too large (${(size / 1024 / 1024).toFixed(1)} MB)`, {
        expected: `at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        hint: "split it into several entries, and keep images and PDFs out of content files",
      });
      return undefined;
    }
    const result = readContentFile(path);
    if (result.ok) return result.text;
    this.error(path, result.message, {
      hint: result.hint,
      ...(result.line ? { line: result.line } : {}),
    });
    return undefined;
  }

  /** Parses YAML text, reporting syntax errors. */
  yaml(path: string, text: string, firstLine = 1): YamlSource | undefined {
    const parsed = parseYamlSource(text, firstLine);
    if (!isYamlError(parsed)) return parsed;
    this.error(path, parsed.message, { line: parsed.line, hint: parsed.hint });
    return undefined;
  }

  /** Validates data against a schema, reporting every issue. */
  validate<T>(
    path: string,
    schema: Schema<T>,
    source: YamlSource,
    data: unknown,
    base: PropertyKey[] = [],
  ): T | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
    const problems = zodProblems(result.error, {
      file: this.display(path),
      data,
      lineOf: (p) => source.lineOf([...base, ...p]),
      fields: shape ? Object.keys(shape) : [],
    });
    this.problems.push(
      ...problems.map((p) =>
        base.length ? { ...p, field: `${fieldPath(base)}${p.field ? `.${p.field}` : ""}` } : p,
      ),
    );
    return undefined;
  }
}

/** Reads a YAML data file whose top level is one object. */
function loadObjectFile<T>(
  loader: Loader,
  path: string,
  schema: Schema<T>,
  id: string,
): Entry<T> | undefined {
  const text = loader.read(path);
  if (text === undefined) return undefined;
  const source = loader.yaml(path, text);
  if (!source) return undefined;
  const data = loader.validate(path, schema, source, source.data ?? {});
  return data === undefined
    ? undefined
    : { id, file: loader.display(path), data, lineOf: source.lineOf };
}

/** Reads a YAML data file whose top level is a list of objects with ids. */
function loadListFile<T extends { id: string }>(
  loader: Loader,
  path: string,
  schema: Schema<T>,
): Entry<T>[] {
  if (!existsSync(path)) return [];
  const text = loader.read(path);
  if (text === undefined) return [];
  const source = loader.yaml(path, text);
  if (!source) return [];
  if (!Array.isArray(source.data)) {
    loader.error(path, "the file should be a list of entries", {
      line: 1,
      hint: "start each entry with “- id: …”",
    });
    return [];
  }
  const entries: Entry<T>[] = [];
  const seen = new Map<string, number>();
  source.data.forEach((item, index) => {
    const data = loader.validate(path, schema, source, item, [index]);
    if (!data) return;
    const line = source.lineOf([index]);
    const first = seen.get(data.id);
    if (first !== undefined) {
      loader.error(path, `duplicate id “${data.id}”`, {
        field: `[${index}].id`,
        ...(line ? { line } : {}),
        hint: `entry ${first + 1} already uses this id; ids must be unique`,
      });
      return;
    }
    seen.set(data.id, index);
    entries.push({
      id: data.id,
      file: loader.display(path),
      data,
      lineOf: (p) => source.lineOf([index, ...p]),
    });
  });
  return entries;
}

/** Reads an MDX file: frontmatter validated against the schema, body kept for later checks. */
function loadMdx<T>(
  loader: Loader,
  path: string,
  schema: Schema<T>,
  id: string,
): Entry<T> | undefined {
  const text = loader.read(path);
  if (text === undefined) return undefined;
  const split = splitFrontmatter(text);
  if (!split) {
    loader.error(path, "the file has no frontmatter", {
      line: 1,
      expected: "the file to start with a line “---”, the fields, and another line “---”",
      hint: "copy the frontmatter of an existing entry, or create the file with `npm run new`",
    });
    return undefined;
  }
  const source = loader.yaml(path, split.frontmatter, 2);
  if (!source) return undefined;
  const data = loader.validate(path, schema, source, source.data ?? {});
  if (data === undefined) return undefined;
  return {
    id,
    file: loader.display(path),
    data,
    lineOf: source.lineOf,
    body: split.body,
    bodyLine: split.bodyLine,
  };
}

function listDir(path: string): string[] {
  return existsSync(path)
    ? readdirSync(path)
        .filter((name) => !name.startsWith("."))
        .sort()
    : [];
}

const ASSET = /\.(png|jpe?g|webp|gif|svg|avif)$/i;

function loadCourses(loader: Loader, dir: string, kb: KnowledgeBase): void {
  for (const folder of listDir(dir)) {
    const folderPath = join(dir, folder);
    if (!statSync(folderPath).isDirectory()) {
      loader.error(folderPath, "files directly in content/courses/ are not read", {
        hint: "each course is a folder with a course.yaml and its lessons",
      });
      continue;
    }
    const coursePath = join(folderPath, "course.yaml");
    const files = listDir(folderPath);
    if (!existsSync(coursePath)) {
      loader.error(folderPath, "this course folder has no course.yaml", {
        expected: `${loader.display(coursePath)} describing the course`,
        hint: "create it with `npm run new -- course`, or move the lessons into an existing course folder",
      });
    } else {
      loader.checkAddress(folderPath, folder);
      const course = loadObjectFile(loader, coursePath, CourseSchema, folderId(folder));
      if (course) kb.courses.push(course);
      else kb.unreadable.add(`course:${folder}`);
    }
    const slugs = new Map<string, string>();
    for (const file of files) {
      if (file === "course.yaml" || ASSET.test(file)) continue;
      const path = join(folderPath, file);
      const lessonPath = parseLessonPath(`${folder}/${file}`);
      if (!lessonPath) {
        loader.error(path, "this file name is not a lesson file name", {
          expected:
            "NN-name.mdx, e.g. 01-introduction.mdx (number, dash, lower-case letters/digits/dashes)",
          found: file,
          hint: "the number orders the lessons; the rest becomes the lesson's web address",
        });
        continue;
      }
      const other = slugs.get(lessonPath.slug);
      if (other) {
        loader.error(path, `two lessons in this course have the address “${lessonPath.slug}”`, {
          hint: `${other} has the same name after the number; rename one of them`,
        });
        continue;
      }
      slugs.set(lessonPath.slug, file);
      const lesson = loadMdx(loader, path, LessonSchema, lessonPath.id);
      if (lesson)
        kb.lessons.push({
          ...lesson,
          course: folder,
          slug: lessonPath.slug,
          order: lessonPath.order,
        });
    }
  }
}

function loadPolicies(loader: Loader, dir: string, kb: KnowledgeBase): void {
  for (const folder of listDir(dir)) {
    const folderPath = join(dir, folder);
    if (!statSync(folderPath).isDirectory()) continue;
    const indexPath = join(folderPath, "index.mdx");
    if (!existsSync(indexPath)) {
      loader.error(folderPath, "this policy folder has no index.mdx (the summary)", {
        hint: "create it with `npm run import-law` or `npm run new -- policy`",
      });
      continue;
    }
    loader.checkAddress(folderPath, folder);
    const policy = loadMdx(loader, indexPath, PolicySchema, folder);
    if (policy) kb.policies.push(policy);
    else kb.unreadable.add(`policy:${folder}`);
    const textPath = join(folderPath, "text.zh.md");
    if (!existsSync(textPath)) continue;
    const text = loader.read(textPath);
    if (text === undefined) continue;
    try {
      kb.lawTexts.set(folder, { file: loader.display(textPath), text: parseLawText(text) });
    } catch (error) {
      if (!(error instanceof LawTextError)) throw error;
      loader.error(textPath, error.detail, {
        ...(error.line > 0 ? { line: error.line } : {}),
        hint: error.hint,
      });
    }
  }
}

function loadCases(loader: Loader, dir: string, kb: KnowledgeBase): void {
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".mdx"))
        .sort()
    : [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    const id = caseId(file);
    const other = seen.get(id);
    if (other) {
      loader.error(path, `duplicate case address “${id}”`, {
        hint: `${loader.display(join(dir, other))} has the same file name; case file names must be unique even in different folders`,
      });
      continue;
    }
    seen.set(id, file);
    loader.checkAddress(path, id);
    const entry = loadMdx(loader, path, CaseSchema, id);
    if (entry) kb.cases.push(entry);
  }
}

/**
 * Reads and validates every file of a knowledge base. Each file is checked on
 * its own here; cross-references are checked by checkReferences().
 */
export function loadKnowledgeBase(
  contentDir: string,
  cwd = process.cwd(),
): { kb: KnowledgeBase; problems: Problem[] } {
  const loader = new Loader(cwd);
  const kb: KnowledgeBase = {
    contentDir,
    topics: [],
    glossary: [],
    courses: [],
    lessons: [],
    policies: [],
    lawTexts: new Map(),
    cases: [],
    unreadable: new Set(),
  };
  const sitePath = join(contentDir, "site.yaml");
  if (existsSync(sitePath)) {
    const site = loadObjectFile(loader, sitePath, SiteSchema, "site");
    if (site) kb.site = site;
  } else {
    loader.error(sitePath, "the site settings file is missing", {
      hint: "copy content/site.yaml from the Union KB sample and change the names",
    });
  }
  for (const name of ["topics", "glossary"] as const) {
    const before = loader.problems.length;
    const path = join(contentDir, `${name}.yaml`);
    if (name === "topics") kb.topics = loadListFile(loader, path, TopicSchema);
    else kb.glossary = loadListFile(loader, path, GlossaryTermSchema);
    if (loader.problems.length > before) kb.unreadable.add(name);
  }
  loadCourses(loader, join(contentDir, "courses"), kb);
  loadPolicies(loader, join(contentDir, "policies"), kb);
  loadCases(loader, join(contentDir, "cases"), kb);
  return { kb, problems: loader.problems };
}
