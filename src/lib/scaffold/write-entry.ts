import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ID_PATTERN, parseLessonPath } from "../kb/content-paths.ts";
import { readCampaigns } from "./campaigns.ts";
import { listCourses, nextLessonNumber } from "./courses.ts";
import { appendGlossaryTerm, GlossaryClash } from "./glossary.ts";
import { appendQuestion } from "./questions.ts";
import { ScaffoldError, type ScaffoldRequest } from "./request.ts";
import { hasChinese, pinyinOf, slugFromTitle } from "./slug.ts";
import { caseMdx, courseYaml, eventYaml, lessonMdx, policyMdx } from "./templates.ts";

/** The file one request wrote, before it is checked. */
export interface WrittenEntry {
  /** The created or changed file. */
  path: string;
  id: string;
  /** What to delete if the check refuses the entry (nothing for a term: glossary.yaml is restored). */
  created: string[];
  nextSteps: string[];
}

/** The frontmatter every titled entry starts from. */
interface Draft {
  title: string;
  titleEn: string | undefined;
  today: string;
}

const ANOTHER_NAME = "choose another title, or give another name with --slug";

/**
 * Creates the file(s) of one request from its template, without checking them.
 * Existing files are never replaced.
 * @throws ScaffoldError 2 for a missing or unusable answer, 1 when the entry exists.
 */
export function writeEntry(request: ScaffoldRequest, today: string): WrittenEntry {
  const draft = (): Draft => ({
    title: requireText(request.title, "--title", '"企业的培训义务"'),
    titleEn: request.titleEn,
    today,
  });
  switch (request.kind) {
    case "course":
      return writeCourse(request, draft());
    case "lesson":
      return writeLesson(request, draft);
    case "policy":
      return writePolicy(request, draft());
    case "case":
      return writeCase(request, draft());
    case "term":
      return writeTerm(request);
    case "event":
      return writeEvent(request, today);
    case "question": {
      const { path, id } = appendQuestion(request);
      return {
        path,
        id,
        created: [],
        nextSteps: [
          "replace the TODO lines of the question with text checked against the cited article",
          "set type, answer and cites; the self-test and papers take it from there",
        ],
      };
    }
  }
}

function writeCourse(request: ScaffoldRequest, draft: Draft): WrittenEntry {
  const id = chooseSlug(request, draft.title);
  const folder = newFolder(request.contentDir, "courses", id, "course");
  const path = join(folder, "course.yaml");
  writeNew(path, courseYaml(draft));
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

/** `draft` is called only once the course is known, so a wrong course is reported first. */
function writeLesson(request: ScaffoldRequest, draft: () => Draft): WrittenEntry {
  const { contentDir } = request;
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

function writePolicy(request: ScaffoldRequest, draft: Draft): WrittenEntry {
  const id = chooseSlug(request, draft.title);
  const folder = newFolder(request.contentDir, "policies", id, "policy");
  const path = join(folder, "index.mdx");
  writeNew(path, policyMdx(draft));
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

function writeCase(request: ScaffoldRequest, draft: Draft): WrittenEntry {
  const id = chooseSlug(request, draft.title);
  const dir = join(request.contentDir, "cases");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}.mdx`);
  const year = Number(draft.today.slice(0, 4));
  writeNew(path, caseMdx({ ...draft, year, fictional: request.fictional ?? true }));
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

/**
 * content/events/<slug>.yaml: from a campaign template (--campaign, --year)
 * with its dates, title and topics, or a blank event on today's date.
 */
function writeEvent(request: ScaffoldRequest, today: string): WrittenEntry {
  const dir = join(request.contentDir, "events");
  let draft: Parameters<typeof eventYaml>[0];
  let id: string;
  if (request.campaign) {
    const campaigns = readCampaigns(request.contentDir);
    const template = campaigns.find((c) => c.id === request.campaign);
    if (!template) {
      throw new ScaffoldError(
        2,
        `there is no campaign “${request.campaign}” in content/campaigns.yaml`,
        campaigns.length ? `campaigns: ${campaigns.map((c) => c.id).join(", ")}` : undefined,
      );
    }
    const year = request.year ?? today.slice(0, 4);
    if (!/^\d{4}$/.test(year))
      throw new ScaffoldError(2, `--year “${year}” is not a year`, "e.g. --year 2027");
    draft = {
      title: request.title?.trim() || `${year}年${template.title}`,
      titleEn: request.titleEn ?? (template.titleEn && `${template.titleEn} ${year}`),
      summary: template.summary,
      summaryEn: template.summaryEn,
      today,
      kind: template.kind,
      start: `${year}-${template.start}`,
      end: template.end && `${year}-${template.end}`,
      campaign: template.id,
      topics: template.topics,
    };
    id = request.slug ?? `${template.id}-${year}`;
  } else {
    const title = requireText(request.title, "--title", '"安全生产法律知识讲座"');
    draft = { title, titleEn: request.titleEn, today, kind: "lecture", start: today, topics: [] };
    id = chooseSlug(request, title);
  }
  if (!ID_PATTERN.test(id)) {
    throw new ScaffoldError(
      2,
      `--slug “${id}” is not a valid address`,
      "e.g. --slug safety-lecture-2027",
    );
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}.yaml`);
  writeNew(path, eventYaml(draft));
  return {
    path,
    id,
    created: [path],
    nextSteps: [
      "fill in the TODO lines (place, organiser) and the start and end times",
      "for a class that meets every week, add a recurrence such as FREQ=WEEKLY;BYDAY=TU;COUNT=12",
    ],
  };
}

/** Appends to glossary.yaml, keeping every byte already there. */
function writeTerm(request: ScaffoldRequest): WrittenEntry {
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
  const path = join(request.contentDir, "glossary.yaml");
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

/** Makes the folder of a new course or policy; one that exists means the entry exists. */
function newFolder(contentDir: string, collection: string, id: string, what: string): string {
  const folder = join(contentDir, collection, id);
  if (existsSync(folder)) {
    throw new ScaffoldError(
      1,
      `the ${what} folder ${folder} already exists; nothing was changed`,
      ANOTHER_NAME,
    );
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Writes a new file; never replaces one. */
function writeNew(path: string, text: string): void {
  if (existsSync(path)) {
    throw new ScaffoldError(1, `${path} already exists; nothing was changed`, ANOTHER_NAME);
  }
  writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
}
