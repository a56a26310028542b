import { existsSync, readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { z } from "astro/zod";
import { type Campaign, CampaignSchema } from "../../schemas/campaign.ts";
import { type Case, CaseSchema } from "../../schemas/case.ts";
import { type Course, CourseSchema } from "../../schemas/course.ts";
import { type Event, EventSchema } from "../../schemas/event.ts";
import { type GlossaryTerm, GlossaryTermSchema } from "../../schemas/glossary.ts";
import { type Lesson, LessonSchema } from "../../schemas/lesson.ts";
import { type Material, MaterialSchema } from "../../schemas/material.ts";
import { type Policy, PolicySchema } from "../../schemas/policy.ts";
import { type Question, QuestionSchema } from "../../schemas/question.ts";
import { type Site, SiteSchema } from "../../schemas/site.ts";
import { type Topic, TopicSchema } from "../../schemas/topic.ts";
import { type LawText, LawTextError, parseLawText } from "../law/parse-law-text.ts";
import {
  type Details,
  type Finding,
  finding,
  inFile,
  type Problem,
  type ProblemCode,
  problem,
} from "../problems/problem.ts";
import {
  caseId,
  folderId,
  ID_PATTERN,
  KNOWN_TOP,
  PROJECT_NAMES,
  parseLessonPath,
} from "./content-paths.ts";
import { isFenceProblem, splitFrontmatter } from "./frontmatter.ts";
import { checkSchemaVersion, migrateRenamedFields } from "./schema-version.ts";
import { closest } from "./suggest.ts";
import { readContentFile } from "./text-file.ts";
import { isYamlError, parseYamlSource, type YamlSource } from "./yaml-source.ts";
import { fieldPath, zodProblems } from "./zod-problems.ts";

/** One validated entry and where it came from. */
export interface Entry<T> {
  id: string;
  /** Path relative to the working directory, as shown in messages. */
  file: string;
  /** Absolute path of the file. */
  path: string;
  data: T;
  /**
   * The data as parsed from YAML, before the schema's defaults and
   * transforms: what Astro's Content Layer validates again (src/lib/astro/kb-loader.ts).
   */
  raw: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  body?: string;
  bodyLine?: number;
}

/** A question of content/courses/<course>/questions.yaml; `id` is `<course>/<question id>`. */
export interface QuestionEntry extends Entry<Question> {
  course: string;
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
  /** content/courses/<course>/questions.yaml: the question bank (self-tests, quizzes, papers). */
  questions: QuestionEntry[];
  policies: Entry<Policy>[];
  lawTexts: Map<string, { file: string; path: string; text: LawText }>;
  cases: Entry<Case>[];
  /** content/events/<event>.yaml */
  events: Entry<Event>[];
  /** content/materials/<material>.yaml: posters, leaflets, slide decks, videos (issue 26). */
  materials: Entry<Material>[];
  /** content/campaigns.yaml: yearly templates for events (not a collection of the site). */
  campaigns: Entry<Campaign>[];
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

  /** Reports the problem `code` (see src/lib/problems/catalogue.ts) at `path`. */
  report<C extends ProblemCode>(path: string, code: C, details: Details<C>): void {
    this.problems.push(problem(code, { ...details, file: this.display(path) }));
  }

  /** Reports what a reader of text, YAML, fences or law texts found wrong at `path`. */
  place(path: string, found: Finding): void {
    this.problems.push(inFile(found, this.display(path)));
  }

  /**
   * Folder and file names become web addresses. Lists use `/cases/2/` for
   * their second page and `/cases/filter/…` for filters, and ids must be
   * lower-case kebab-case, so a few names would clash or break links.
   */
  checkAddress(path: string, id: string): void {
    if (!ID_PATTERN.test(id)) {
      this.report(path, "fs/not-a-web-address", { values: { id } });
    } else if (/^\d+$/.test(id) || id === "filter") {
      this.report(path, "fs/reserved-name", { values: { id } });
    }
  }

  /**
   * What is at `path` (following links), or undefined after reporting why it
   * cannot be looked at: a link to nothing, a loop of links, no permission.
   */
  stat(path: string): Stats | undefined {
    try {
      return statSync(path);
    } catch (error) {
      this.place(path, fileSystemProblem(error));
      return undefined;
    }
  }

  /** The names in a folder, sorted, without hidden ones (drafts, editor files), or [] after reporting why not. */
  list(path: string): string[] {
    try {
      return readdirSync(path)
        .filter((name) => !name.startsWith("."))
        .sort();
    } catch (error) {
      this.place(path, fileSystemProblem(error));
      return [];
    }
  }

  /** Reads a file as UTF-8 text, reporting what is not a readable text file, encoding and size problems. */
  read(path: string): string | undefined {
    const stats = this.stat(path);
    if (!stats) return undefined;
    if (stats.isDirectory()) {
      this.report(path, "fs/folder-not-file", {});
      return undefined;
    }
    if (!stats.isFile()) {
      this.report(path, "fs/not-a-file", {});
      return undefined;
    }
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      this.report(path, "file/too-large", {
        values: { size: (size / 1024 / 1024).toFixed(1), max: MAX_FILE_BYTES / 1024 / 1024 },
      });
      return undefined;
    }
    let result: ReturnType<typeof readContentFile>;
    try {
      result = readContentFile(path);
    } catch (error) {
      this.place(path, fileSystemProblem(error));
      return undefined;
    }
    if (result.ok) return result.text;
    const { ok: _, ...found } = result;
    this.place(path, found);
    return undefined;
  }

  /** Parses YAML text, reporting syntax errors. */
  yaml(path: string, text: string, firstLine = 1): YamlSource | undefined {
    const parsed = parseYamlSource(text, firstLine);
    if (!isYamlError(parsed)) return parsed;
    this.place(path, parsed);
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

/**
 * site.yaml as the current schema reads it: fields a newer schema renamed
 * are renamed (older content keeps building), and the check says what to
 * change (src/lib/kb/schema-version.ts).
 */
function migrateSite(loader: Loader, path: string, source: YamlSource): unknown {
  const migrated = migrateRenamedFields("site.yaml", source.data ?? {}, source.lineOf);
  for (const found of migrated.findings) loader.place(path, found);
  const data = (migrated.data ?? {}) as { schemaVersion?: unknown };
  const version = checkSchemaVersion(
    typeof data.schemaVersion === "number" ? data.schemaVersion : undefined,
    source.lineOf(["schemaVersion"]),
  );
  if (version) loader.place(path, version);
  return data;
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
  const raw = id === "site" ? migrateSite(loader, path, source) : (source.data ?? {});
  const data = loader.validate(path, schema, source, raw);
  return data === undefined
    ? undefined
    : { id, file: loader.display(path), path, data, raw, lineOf: source.lineOf };
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
    loader.report(path, "yaml/not-a-list", { line: 1 });
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
      loader.report(path, "yaml/duplicate-id", {
        field: `[${index}].id`,
        line: line || undefined,
        values: { id: data.id, first: first + 1 },
      });
      return;
    }
    seen.set(data.id, index);
    entries.push({
      id: data.id,
      file: loader.display(path),
      path,
      data,
      raw: item,
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
  if (isFenceProblem(split)) {
    loader.place(path, split);
    return undefined;
  }
  const source = loader.yaml(path, split.frontmatter, 2);
  if (!source) return undefined;
  const raw = source.data ?? {};
  const data = loader.validate(path, schema, source, raw);
  if (data === undefined) return undefined;
  return {
    id,
    file: loader.display(path),
    path,
    data,
    raw,
    lineOf: source.lineOf,
    body: split.body,
    bodyLine: split.bodyLine,
  };
}

/** Turns a file-system error into a problem an author can act on. */
function fileSystemProblem(error: unknown): Finding {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return finding("fs/dangling-link", {});
    case "ELOOP":
      return finding("fs/link-loop", {});
    case "EACCES":
    case "EPERM":
      return finding("fs/permission-denied", {});
    case "EISDIR":
      return finding("fs/folder-not-file", {});
    default:
      return finding("fs/unreadable", {
        values: {
          reason: code ?? (error instanceof Error ? error.message : String(error)),
        },
      });
  }
}

const ASSET = /\.(png|jpe?g|webp|gif|svg|avif)$/i;

function loadCourses(loader: Loader, dir: string, kb: KnowledgeBase): void {
  if (!existsSync(dir)) return;
  for (const folder of loader.list(dir)) {
    const folderPath = join(dir, folder);
    const stats = loader.stat(folderPath);
    if (!stats) continue;
    if (!stats.isDirectory()) {
      loader.report(folderPath, "course/file-outside-course", {});
      continue;
    }
    const coursePath = join(folderPath, "course.yaml");
    const files = loader.list(folderPath);
    if (!existsSync(coursePath)) {
      loader.report(folderPath, "course/missing-course-yaml", {
        values: { path: loader.display(coursePath) },
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
      if (file === "questions.yaml") {
        for (const q of loadListFile(loader, path, QuestionSchema))
          kb.questions.push({ ...q, id: `${folder}/${q.id}`, course: folder });
        continue;
      }
      const lessonPath = parseLessonPath(`${folder}/${file}`);
      if (!lessonPath) {
        loader.report(path, "lesson/bad-file-name", { found: file });
        continue;
      }
      const other = slugs.get(lessonPath.slug);
      if (other) {
        loader.report(path, "lesson/duplicate-address", {
          values: { slug: lessonPath.slug, other },
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
  if (!existsSync(dir)) return;
  for (const folder of loader.list(dir)) {
    const folderPath = join(dir, folder);
    if (!loader.stat(folderPath)?.isDirectory()) continue;
    const indexPath = join(folderPath, "index.mdx");
    if (!existsSync(indexPath)) {
      loader.report(folderPath, "policy/missing-summary", {});
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
      kb.lawTexts.set(folder, {
        file: loader.display(textPath),
        path: textPath,
        text: parseLawText(text),
      });
    } catch (error) {
      if (!(error instanceof LawTextError)) throw error;
      loader.place(textPath, error.finding);
    }
  }
}

/**
 * Every `.mdx` file under `cases/`, in sub-folders too (they only organise
 * files). Hidden files and folders (`.drafts/`) are skipped, as they are
 * everywhere else; a file that looks like a case but is not read is a warning.
 */
function caseFiles(loader: Loader, dir: string): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a link back to a folder already read
    visited.add(real);
    for (const name of loader.list(folder)) {
      const path = join(folder, name);
      if (name.endsWith(".mdx")) {
        found.push(path);
      } else if (/\.(mdx|md|markdown)$/i.test(name)) {
        loader.report(path, "case/not-mdx", { values: { name: name.replace(/\.[^.]+$/, ".mdx") } });
      } else if (loader.stat(path)?.isDirectory()) {
        walk(path);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

function loadCases(loader: Loader, dir: string, kb: KnowledgeBase): void {
  const seen = new Map<string, string>();
  for (const path of caseFiles(loader, dir)) {
    const file = relative(dir, path);
    const id = caseId(file);
    const other = seen.get(id);
    if (other) {
      loader.report(path, "case/duplicate-address", {
        values: { id, other: loader.display(join(dir, other)) },
      });
      continue;
    }
    seen.set(id, file);
    loader.checkAddress(path, id);
    const entry = loadMdx(loader, path, CaseSchema, id);
    if (entry) kb.cases.push(entry);
  }
}

/** Every `<event>.yaml` in content/events/; the file name is the event's id and address. */
function loadEvents(loader: Loader, dir: string, kb: KnowledgeBase): void {
  if (!existsSync(dir)) return;
  for (const name of loader.list(dir)) {
    const path = join(dir, name);
    if (!/\.ya?ml$/i.test(name)) {
      if (loader.stat(path)?.isFile()) loader.report(path, "event/not-yaml", {});
      continue;
    }
    const id = name.replace(/\.ya?ml$/i, "");
    loader.checkAddress(path, id);
    const entry = loadObjectFile(loader, path, EventSchema, id);
    if (entry) kb.events.push(entry);
    else kb.unreadable.add(`event:${id}`);
  }
}

/** Every `<material>.yaml` in content/materials/; the file name is its id and address. */
function loadMaterials(loader: Loader, dir: string, kb: KnowledgeBase): void {
  if (!existsSync(dir)) return;
  for (const name of loader.list(dir)) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const path = join(dir, name);
    const id = name.replace(/\.ya?ml$/i, "");
    loader.checkAddress(path, id);
    const entry = loadObjectFile(loader, path, MaterialSchema, id);
    if (entry) kb.materials.push(entry);
  }
}

const isKnownTop = (name: string): boolean => (KNOWN_TOP as readonly string[]).includes(name);

/**
 * Names at the top of the content folder that look meant for the knowledge
 * base but are not read (`glossary.yml`, `case/`): a warning each, so an
 * author does not wonder why a whole folder is missing from the site.
 */
function checkTopLevel(loader: Loader, contentDir: string): void {
  for (const name of loader.list(contentDir)) {
    if (isKnownTop(name) || (PROJECT_NAMES as readonly string[]).includes(name)) continue;
    const path = join(contentDir, name);
    const yamlName = name.replace(/\.yml$/i, ".yaml").toLowerCase();
    if (isKnownTop(yamlName) && yamlName !== name) {
      loader.report(path, "fs/misnamed-file", { values: { name: yamlName } });
      continue;
    }
    const near = closest(name, KNOWN_TOP);
    if (near) {
      loader.report(path, "fs/unknown-name", {
        values: { guess: near, known: KNOWN_TOP.join(", ") },
      });
    } else if (/\.(mdx|md)$/i.test(name)) {
      loader.report(path, "fs/entry-outside-folder", {});
    }
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
    questions: [],
    policies: [],
    lawTexts: new Map(),
    cases: [],
    events: [],
    materials: [],
    campaigns: [],
    unreadable: new Set(),
  };
  checkTopLevel(loader, contentDir);
  const sitePath = join(contentDir, "site.yaml");
  if (existsSync(sitePath)) {
    const site = loadObjectFile(loader, sitePath, SiteSchema, "site");
    if (site) kb.site = site;
  } else {
    loader.report(sitePath, "site/missing", {});
  }
  for (const name of ["topics", "glossary", "campaigns"] as const) {
    const before = loader.problems.length;
    const path = join(contentDir, `${name}.yaml`);
    if (name === "topics") kb.topics = loadListFile(loader, path, TopicSchema);
    else if (name === "glossary") kb.glossary = loadListFile(loader, path, GlossaryTermSchema);
    else kb.campaigns = loadListFile(loader, path, CampaignSchema);
    if (loader.problems.length > before) kb.unreadable.add(name);
  }
  loadCourses(loader, join(contentDir, "courses"), kb);
  loadPolicies(loader, join(contentDir, "policies"), kb);
  loadCases(loader, join(contentDir, "cases"), kb);
  loadEvents(loader, join(contentDir, "events"), kb);
  loadMaterials(loader, join(contentDir, "materials"), kb);
  return { kb, problems: loader.problems };
}

/**
 * The knowledge base with one edited lesson or case read again, for `npm run
 * dev`: saving a lesson costs one file, not the whole knowledge base. Returns
 * undefined when only a full parse will do: the file is not a known lesson or
 * case, or it now has a problem (the full parse reports it with the rest).
 */
export function reloadMdxFile(
  kb: KnowledgeBase,
  path: string,
  cwd = process.cwd(),
): KnowledgeBase | undefined {
  const loader = new Loader(cwd);
  const target = resolve(cwd, path);
  const lesson = kb.lessons.findIndex((entry) => resolve(cwd, entry.path) === target);
  if (lesson >= 0) {
    const old = kb.lessons[lesson] as LessonEntry;
    const entry = loadMdx(loader, old.path, LessonSchema, old.id);
    if (!entry || loader.problems.length > 0) return undefined;
    const lessons = kb.lessons.slice();
    lessons[lesson] = { ...entry, course: old.course, slug: old.slug, order: old.order };
    return { ...kb, lessons };
  }
  const found = kb.cases.findIndex((entry) => resolve(cwd, entry.path) === target);
  if (found < 0) return undefined;
  const old = kb.cases[found] as Entry<Case>;
  const entry = loadMdx(loader, old.path, CaseSchema, old.id);
  if (!entry || loader.problems.length > 0) return undefined;
  const cases = kb.cases.slice();
  cases[found] = entry;
  return { ...kb, cases };
}
