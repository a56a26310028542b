/*
 * Every problem `npm run check` can report, by its stable code — in the
 * spirit of Astro's core/errors/errors-data.ts. Rules never write a message
 * themselves: they name a code here and give the values for its `{placeholders}`
 * (src/lib/problems/problem.ts). docs/problems.md is generated from this file
 * (`npm run problems-doc`); a unit test keeps it up to date.
 *
 * Codes are `area/what-is-wrong` and never change once released: scripts and
 * editors may match on them. Wording may be improved; tests check the texts.
 * A `{name}` is a placeholder; braces around anything else ({24}, {/* … *\/})
 * are text. `variants` hold other wording for particular cases, chosen by name
 * where the problem is found; `null` in a variant leaves that line out.
 */

/** Texts of one problem, each a template with `{placeholders}`. */
export interface ProblemTexts {
  /** Short statement of what is wrong (the `problem:` line). */
  message: string;
  /** What should be there instead (the `expected:` line). */
  expected?: string;
  /** What was found, when it is more than the value itself (the `found:` line). */
  found?: string;
  /** How to fix it (the `hint:` line). */
  hint?: string;
}

/** An example of the problem for docs/problems.md, as `npm run check` prints it. */
export interface ProblemExample {
  /** `file:line` as printed, e.g. content/courses/training-rights/01-duties.mdx:12 */
  where: string;
  field?: string;
  found?: string;
  variant?: string;
  values?: Readonly<Record<string, string | number>>;
}

/** One entry of the catalogue. */
export interface ProblemData extends ProblemTexts {
  severity: "error" | "warning";
  /** A few words naming the problem, for docs/problems.md. */
  title: string;
  variants?: Readonly<Record<string, Readonly<Partial<Record<keyof ProblemTexts, string | null>>>>>;
  example: ProblemExample;
}

const LESSON = "content/courses/training-rights/01-duties.mdx";
const CASE = "content/cases/training-refused.mdx";
const POLICY_TEXT = "content/policies/vocational-education-law-2022/text.zh.md";
const EVENT = "content/events/safety-class-2026.yaml";
const QUESTIONS = "content/courses/training-rights/questions.yaml";
const GUESS = { hint: "did you mean “{guess}”?" } as const;
const FENCES = "the file to start with a line “---”, the fields, and another line “---”";
const FENCE_HINT =
  "the file must start with a line “---”, then the fields, then another line “---”, each fence at the very start of its line";
const LESS_THAN_HINT =
  "MDX reads < as the start of a tag; to write the sign, use the full-width ＜ or &lt; (年龄＜18岁 or 年龄&lt;18岁)";
const BRACE_HINT =
  "in MDX, { starts a piece of code; to show a brace write \\{ , or use full-width ｛ ｝; a comment is written {/* … */}";
const IMAGE_PATH_HINT =
  "put the picture beside the entry in the content folder and write ![description](./picture.jpg), or in public/images/ and write ![description](/images/picture.jpg)";
const ALT_HINT =
  "describe what the picture shows for readers who cannot see it, or use <Figure src alt caption />";
const POLICY_IDS_HINT = "policy ids are the folder names under content/policies/";

export const PROBLEMS = {
  // ── Files and folders ──────────────────────────────────────────────────
  "fs/dangling-link": {
    severity: "error",
    title: "Link to nothing",
    message: "this is a link to a file or folder that does not exist",
    hint: "remove the link, or put back what it points to",
    example: { where: "content/cases/gone.mdx" },
  },
  "fs/link-loop": {
    severity: "error",
    title: "Loop of links",
    message: "this link points to itself (a loop of links)",
    hint: "remove the link",
    example: { where: "content/cases/loop.mdx" },
  },
  "fs/permission-denied": {
    severity: "error",
    title: "No permission to read",
    message: "this cannot be read: permission denied",
    hint: "let the user who runs the check and the build read it (e.g. `chmod -R a+rX content`)",
    example: { where: LESSON },
  },
  "fs/unreadable": {
    severity: "error",
    title: "Cannot be read",
    message: "this cannot be read ({reason})",
    hint: "check that the file is on a working disk and readable",
    example: { where: LESSON, values: { reason: "EIO" } },
  },
  "fs/folder-not-file": {
    severity: "error",
    title: "A folder where a file belongs",
    message: "this is a folder, but a content file has this name",
    hint: "rename the folder (or move its files) so the name is free for the file",
    example: { where: "content/topics.yaml" },
  },
  "fs/not-a-file": {
    severity: "error",
    title: "Not an ordinary file",
    message: "this is not an ordinary file (a device, pipe or socket)",
    hint: "content files must be ordinary text files; remove it",
    example: { where: "content/glossary.yaml" },
  },
  "fs/not-a-web-address": {
    severity: "error",
    title: "Name cannot be a web address",
    message: "“{id}” cannot be used as a web address",
    expected: "lower-case letters, digits and dashes, e.g. training-rights",
    hint: "rename the file or folder; Chinese titles go inside the file, not in its name",
    example: { where: "content/courses/Training_Rights", values: { id: "Training_Rights" } },
  },
  "fs/reserved-name": {
    severity: "error",
    title: "Name reserved for list pages",
    message: "“{id}” is reserved for list pages",
    hint: "numbers are page numbers (/cases/2/) and “filter” holds the filter pages; choose a descriptive name",
    example: { where: "content/cases/filter.mdx", values: { id: "filter" } },
  },
  "fs/misnamed-file": {
    severity: "warning",
    title: "Data file with the wrong name",
    message: "this file is not read",
    hint: "rename it to {name}",
    example: { where: "content/glossary.yml", values: { name: "glossary.yaml" } },
  },
  "fs/unknown-name": {
    severity: "warning",
    title: "Name Union KB does not know",
    message: "this is not read: it is not a name Union KB knows",
    hint: "did you mean {guess}? The knowledge base is read from {known}",
    example: {
      where: "content/case",
      values: {
        guess: "cases",
        known:
          "site.yaml, topics.yaml, glossary.yaml, campaigns.yaml, courses, policies, cases, events",
      },
    },
  },
  "fs/entry-outside-folder": {
    severity: "warning",
    title: "Entry outside its folder",
    message: "this file is not read: entries go into a folder",
    hint: "lessons go in courses/<course>/, cases in cases/, policy summaries in policies/<policy>/index.mdx",
    example: { where: "content/01-duties.mdx" },
  },

  // ── Reading a file as text ─────────────────────────────────────────────
  "file/empty": {
    severity: "error",
    title: "Empty file",
    message: "the file is empty (0 bytes)",
    hint: "write the entry's content, or delete the file",
    example: { where: LESSON },
  },
  "file/too-large": {
    severity: "error",
    title: "File too large",
    message: "the file is too large ({size} MB)",
    expected: "at most {max} MB",
    hint: "split it into several entries, and keep images and PDFs out of content files",
    example: { where: LESSON, values: { size: "3.4", max: 2 } },
  },
  "file/byte-order-mark": {
    severity: "error",
    title: "Byte-order mark",
    message: "the file starts with a byte-order mark (BOM)",
    hint: "save it as “UTF-8” without BOM (in Notepad: Save as → Encoding: UTF-8; in VS Code: click “UTF-8 with BOM” in the status bar → Save with Encoding → UTF-8)",
    example: { where: `${LESSON}:1` },
  },
  "file/gbk-encoding": {
    severity: "error",
    title: "GBK instead of UTF-8",
    message: "the file is not UTF-8; it looks like GBK/GB18030 (a Chinese Windows encoding)",
    hint: "open it and save it again with the encoding “UTF-8” (VS Code: Reopen with Encoding → GB18030, then Save with Encoding → UTF-8)",
    example: { where: `${LESSON}:2` },
  },
  "file/not-utf8": {
    severity: "error",
    title: "Not UTF-8 text",
    message: "the file contains bytes that are not valid UTF-8 text",
    hint: "the file may be damaged or not a text file; copy the text into a new UTF-8 file",
    example: { where: `${LESSON}:1` },
  },
  "file/control-character": {
    severity: "error",
    title: "Invisible control character",
    message: "the file contains an invisible control character ({codePoint})",
    hint: "it usually comes from copying out of another program or a damaged file; delete it (retype the line if your editor does not show it)",
    example: { where: "content/glossary.yaml:5", values: { codePoint: "U+0000" } },
  },

  // ── YAML ───────────────────────────────────────────────────────────────
  "yaml/syntax": {
    severity: "error",
    title: "Invalid YAML",
    message: "invalid YAML: {reason}",
    hint: "check the indentation and quotes on this line; text containing “: ” or starting with a special character needs quotes",
    variants: {
      fullWidthColon: {
        hint: "this line uses a full-width colon “：”; after a field name write a half-width colon and a space, e.g. `title: 标题`",
      },
      tab: {
        hint: "YAML does not allow tabs for indentation; indent with spaces (two per level)",
      },
      missingColon: {
        hint: "every line should be `field: value` or a list item `- value`; check for a missing colon",
      },
    },
    example: {
      where: `${LESSON}:5`,
      variant: "fullWidthColon",
      values: { reason: "Implicit keys need to be on a single line" },
    },
  },
  "yaml/unknown-tag": {
    severity: "error",
    title: "Unknown YAML tag",
    message: "invalid YAML: an unknown tag ({tag})",
    hint: "remove the tag (the word starting with “!”); write the value as plain text, in quotes if it starts with ! or another special character",
    example: { where: "content/topics.yaml:2", values: { tag: "!zh" } },
  },
  "yaml/too-many-aliases": {
    severity: "error",
    title: "Too many YAML aliases",
    message: "invalid YAML: {reason}",
    hint: "the file uses too many YAML aliases (*name); write the values out instead of referring to them",
    example: {
      where: "content/site.yaml:1",
      values: { reason: "Excessive alias count indicates a resource exhaustion attack" },
    },
  },
  "yaml/not-a-list": {
    severity: "error",
    title: "Data file is not a list",
    message: "the file should be a list of entries",
    hint: "start each entry with “- id: …”",
    example: { where: "content/topics.yaml:1" },
  },
  "yaml/duplicate-id": {
    severity: "error",
    title: "Duplicate id",
    message: "duplicate id “{id}”",
    hint: "entry {first} already uses this id; ids must be unique",
    example: {
      where: "content/topics.yaml:9",
      field: "[2].id",
      values: { id: "vocational-training", first: 1 },
    },
  },

  // ── Frontmatter fences ─────────────────────────────────────────────────
  "frontmatter/missing": {
    severity: "error",
    title: "No frontmatter",
    message: "the file has no frontmatter",
    expected: FENCES,
    hint: "copy the frontmatter of an existing entry, or create the file with `npm run new`",
    example: { where: `${LESSON}:1` },
  },
  "frontmatter/opening-indented": {
    severity: "error",
    title: "Opening fence indented",
    message: "the opening “---” of the frontmatter is indented",
    expected: FENCES,
    hint: FENCE_HINT,
    example: { where: `${LESSON}:1` },
  },
  "frontmatter/not-closed": {
    severity: "error",
    title: "Frontmatter never closed",
    message: "the frontmatter is never closed: no second line “---”",
    expected: FENCES,
    hint: FENCE_HINT,
    example: { where: `${LESSON}:1` },
  },
  "frontmatter/closing-indented": {
    severity: "error",
    title: "Closing fence indented",
    message: "the closing “---” of the frontmatter is indented",
    expected: FENCES,
    hint: "remove the spaces before “---”",
    example: { where: `${LESSON}:14` },
  },

  // ── Fields (the zod schemas) ───────────────────────────────────────────
  "schema/missing-field": {
    severity: "error",
    title: "Required field missing",
    message: "a required field is missing",
    expected: "{type}",
    hint: "add a line `{name}: …`",
    example: {
      where: `${LESSON}:2`,
      field: "duration",
      found: "(missing)",
      values: { type: "a number", name: "duration" },
    },
  },
  "schema/wrong-type": {
    severity: "error",
    title: "Value of the wrong type",
    message: "the value has the wrong type",
    expected: "{type}",
    example: {
      where: `${LESSON}:4`,
      field: "duration",
      found: '"45 分钟"',
      values: { type: "a number" },
    },
  },
  "schema/not-allowed": {
    severity: "error",
    title: "Value not allowed",
    message: "the value is not one of the allowed values",
    expected: "one of: {allowed}",
    hint: "use one of the values listed, spelled exactly",
    variants: { guess: GUESS },
    example: {
      where: "content/courses/training-rights/course.yaml:6",
      field: "level",
      found: '"beginner"',
      values: { allowed: "introductory, intermediate, advanced" },
    },
  },
  "schema/unknown-field": {
    severity: "error",
    title: "Unknown field",
    message: "unknown field{s}: {keys}",
    expected: "fields: {fields}",
    hint: "remove it, or check the spelling of the field name",
    variants: {
      guess: GUESS,
      nested: { expected: null },
      nestedGuess: { expected: null, ...GUESS },
    },
    example: {
      where: `${LESSON}:3`,
      variant: "guess",
      values: {
        s: "",
        keys: "sumary",
        fields: "title, summary, duration, objectives, format, topics, cites, questions, …",
        guess: "summary",
      },
    },
  },
  "schema/list-too-short": {
    severity: "error",
    title: "List too short",
    message: "the list is too short",
    expected: "at least {minimum} item(s)",
    example: { where: `${LESSON}:6`, field: "objectives", found: "[]", values: { minimum: 1 } },
  },
  "schema/too-small": {
    severity: "error",
    title: "Value too small or too short",
    message: "the value is too small or too short",
    expected: "at least {minimum}",
    example: { where: `${LESSON}:4`, field: "duration", found: "0", values: { minimum: 1 } },
  },
  "schema/text-too-long": {
    severity: "error",
    title: "Text too long",
    message: "the text is too long ({length} characters)",
    expected: "at most {maximum} characters",
    hint: "shorten it; put the detail in the summary or the body",
    example: {
      where: `${LESSON}:2`,
      field: "title",
      found: '"职工教育经费的提取、使用和管理：一堂讲清楚企业应当怎样为职工培训出钱的课"',
      values: { length: 130, maximum: 80 },
    },
  },
  "schema/too-large": {
    severity: "error",
    title: "Value too large",
    message: "the value is too large",
    expected: "at most {maximum}",
    example: { where: `${LESSON}:4`, field: "duration", found: "1000", values: { maximum: 600 } },
  },
  "schema/invalid": {
    severity: "error",
    title: "Value not valid",
    message: "the value is not valid",
    expected: "{reason}",
    example: {
      where: `${CASE}:16`,
      field: "date",
      found: '"2026-02-30"',
      values: { reason: "a real date written as YYYY-MM-DD, e.g. 2022-05-01" },
    },
  },

  // ── Content folders ────────────────────────────────────────────────────
  "site/missing": {
    severity: "error",
    title: "No site.yaml",
    message: "the site settings file is missing",
    hint: "copy content/site.yaml from the Union KB sample and change the names",
    example: { where: "content/site.yaml" },
  },
  "schema/renamed-field": {
    severity: "warning",
    title: "Field renamed in a newer schema",
    message: "“{old}” was renamed “{new}” in schema version {version} (Union KB {release})",
    expected: "{path}",
    hint: "rename the field to “{new}” (same value); then set schemaVersion: {version} in site.yaml. CHANGELOG.md, “Migrating to schema {version}”, lists every change",
    example: {
      where: "content/site.yaml:14",
      field: "kiosk.idleSeconds",
      values: {
        old: "idleSeconds",
        new: "homeAfterSeconds",
        version: 2,
        release: "0.2.0",
        path: "kiosk.homeAfterSeconds",
      },
    },
  },
  "schema/older-version": {
    severity: "warning",
    title: "Content written for an older schema",
    message:
      "this knowledge base was written for schema version {declared}; this Union KB reads version {current}",
    hint: "make the changes the other problems name (CHANGELOG.md, “Migrating”), then set schemaVersion: {current}",
    example: {
      where: "content/site.yaml:2",
      field: "schemaVersion",
      found: "1",
      values: { declared: 1, current: 2 },
    },
  },
  "schema/newer-version": {
    severity: "error",
    title: "Content written for a newer Union KB",
    message:
      "this knowledge base was written for schema version {declared}, newer than this Union KB reads ({current})",
    hint: "upgrade Union KB in the knowledge base's folder (npm install the newer union-kb), or, if the version is a typo, write schemaVersion: {current}",
    example: {
      where: "content/site.yaml:2",
      field: "schemaVersion",
      found: "3",
      values: { declared: 3, current: 2 },
    },
  },
  "course/file-outside-course": {
    severity: "error",
    title: "File directly in courses/",
    message: "files directly in content/courses/ are not read",
    hint: "each course is a folder with a course.yaml and its lessons",
    example: { where: "content/courses/01-duties.mdx" },
  },
  "course/missing-course-yaml": {
    severity: "error",
    title: "Course folder without course.yaml",
    message: "this course folder has no course.yaml",
    expected: "{path} describing the course",
    hint: "create it with `npm run new -- course`, or move the lessons into an existing course folder",
    example: {
      where: "content/courses/training-rights",
      values: { path: "content/courses/training-rights/course.yaml" },
    },
  },
  "course/no-lessons": {
    severity: "warning",
    title: "Course without lessons",
    message: "this course has no lessons yet",
    hint: "add lessons named 01-….mdx beside course.yaml",
    example: { where: "content/courses/training-rights/course.yaml" },
  },
  "lesson/bad-file-name": {
    severity: "error",
    title: "Not a lesson file name",
    message: "this file name is not a lesson file name",
    expected:
      "NN-name.mdx, e.g. 01-introduction.mdx (number, dash, lower-case letters/digits/dashes)",
    hint: "the number orders the lessons; the rest becomes the lesson's web address",
    example: { where: "content/courses/training-rights/duties.mdx", found: "duties.mdx" },
  },
  "lesson/duplicate-address": {
    severity: "error",
    title: "Two lessons with one address",
    message: "two lessons in this course have the address “{slug}”",
    hint: "{other} has the same name after the number; rename one of them",
    example: {
      where: "content/courses/training-rights/02-duties.mdx",
      values: { slug: "duties", other: "01-duties.mdx" },
    },
  },
  "policy/missing-summary": {
    severity: "error",
    title: "Policy folder without index.mdx",
    message: "this policy folder has no index.mdx (the summary)",
    hint: "create it with `npm run import-law` or `npm run new -- policy`",
    example: { where: "content/policies/labour-law-2018" },
  },
  "case/not-mdx": {
    severity: "warning",
    title: "Case file not ending in .mdx",
    message: "this file is not read: case files end in “.mdx” (lower case)",
    hint: "rename it to {name}",
    example: { where: "content/cases/overtime.MDX", values: { name: "overtime.mdx" } },
  },
  "case/duplicate-address": {
    severity: "error",
    title: "Two cases with one address",
    message: "duplicate case address “{id}”",
    hint: "{other} has the same file name; case file names must be unique even in different folders",
    example: {
      where: "content/cases/2024/training-refused.mdx",
      values: { id: "training-refused", other: CASE },
    },
  },

  // ── Events (content/events/*.yaml) ─────────────────────────────────────
  "event/not-yaml": {
    severity: "warning",
    title: "Event file not ending in .yaml",
    message: "this file is not read: events are YAML files ending in “.yaml”",
    hint: "write the event as content/events/<event>.yaml (npm run new -- event makes one)",
    example: { where: "content/events/safety-class.md" },
  },
  "event/unknown-time-zone": {
    severity: "error",
    title: "Unknown time zone",
    message: "unknown time zone “{zone}”",
    expected: "an IANA time zone name such as Asia/Shanghai (Beijing time)",
    hint: "leave timeZone out for Beijing time; names are written Region/City with a capital letter each",
    example: {
      where: `${EVENT}:8`,
      field: "timeZone",
      found: '"Asia/Beijing"',
      values: { zone: "Asia/Beijing" },
    },
  },
  "event/time-zone-changes": {
    severity: "error",
    title: "Time zone with daylight saving",
    message: "the time zone “{zone}” changes its clocks during the year",
    expected: "a time zone with one offset all year, such as Asia/Shanghai",
    hint: "calendar files are published with a fixed offset; give the times in Beijing time and leave timeZone out",
    example: {
      where: `${EVENT}:8`,
      field: "timeZone",
      found: '"Europe/Berlin"',
      values: { zone: "Europe/Berlin" },
    },
  },
  "event/mixed-date-and-time": {
    severity: "error",
    title: "Start and end written differently",
    message: "the start and the end must both be dates, or both dates with a time",
    expected:
      "start: 2026-06-01 and end: 2026-06-30, or start: 2026-03-03 19:00 and end: 2026-03-03 21:00",
    example: { where: `${EVENT}:6`, field: "end", found: '"2026-03-03"' },
  },
  "event/end-time-missing": {
    severity: "error",
    title: "Start time without an end",
    message: "the event starts at a time but has no end",
    expected: "an end with a time, e.g. end: 2026-03-03 21:00",
    hint: "leave the time out of start for an event that lasts all day",
    example: { where: `${EVENT}:5`, field: "start", found: '"2026-03-03 19:00"' },
  },
  "event/end-before-start": {
    severity: "error",
    title: "End before start",
    message: "the event ends ({end}) before it starts ({start})",
    expected: "an end after the start",
    hint: "check the month and the day; a recurring event gives the start and end of its first meeting",
    example: {
      where: `${EVENT}:6`,
      field: "end",
      found: '"2026-03-03 17:00"',
      values: { start: "2026-03-03 19:00", end: "2026-03-03 17:00" },
    },
  },
  "event/recurrence-no-end": {
    severity: "error",
    title: "Recurrence without an end",
    message: "the recurrence never ends",
    expected: "COUNT (how many times) or UNTIL (the last day), e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=12",
    hint: "every class ends: add ;COUNT=12 or ;UNTIL=20261231 to the rule",
    example: { where: `${EVENT}:9`, field: "recurrence", found: '"FREQ=WEEKLY;BYDAY=TU"' },
  },
  "event/recurrence-both-ends": {
    severity: "error",
    title: "Recurrence with two ends",
    message: "the recurrence has both COUNT and UNTIL",
    expected: "one of them",
    hint: "keep COUNT (how many times) or UNTIL (the last day), not both",
    example: {
      where: `${EVENT}:9`,
      field: "recurrence",
      found: '"FREQ=WEEKLY;COUNT=12;UNTIL=20261231"',
    },
  },
  "event/recurrence-invalid": {
    severity: "error",
    title: "Recurrence not understood",
    message: "the recurrence rule has “{part}”, which is not understood",
    expected: "{expected}",
    hint: "rules are weekly or monthly, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=12 or FREQ=MONTHLY;BYDAY=1MO;UNTIL=20261231",
    example: {
      where: `${EVENT}:9`,
      field: "recurrence",
      found: '"FREQ=DAILY;COUNT=5"',
      values: { part: "FREQ=DAILY", expected: "FREQ=WEEKLY or FREQ=MONTHLY" },
    },
  },
  "event/start-not-in-recurrence": {
    severity: "error",
    title: "Start not on a day of the recurrence",
    message: "the start ({start}) is not one of the days the recurrence names",
    expected: "a start on the first day of the rule, e.g. a Tuesday for BYDAY=TU",
    hint: "calendar programs disagree about such a start: move it to the first real meeting",
    example: {
      where: `${EVENT}:5`,
      field: "start",
      found: '"2026-03-04 19:00"',
      values: { start: "2026-03-04 19:00" },
    },
  },

  // ── Official law texts (text.zh.md) ────────────────────────────────────
  "law/no-articles": {
    severity: "error",
    title: "No articles in a law text",
    message: "no articles found",
    hint: "articles are paragraphs that start with 第一条, 第二条 … followed by a space; check that the file is a law text",
    example: { where: POLICY_TEXT },
  },
  "law/unknown-numeral": {
    severity: "error",
    title: "Unknown article number",
    message: "{kind} 第{numeral}{unit} has an unknown number ({reason})",
    hint: "write the number in Chinese numerals, e.g. 第二十四条 or 第一百零七条",
    example: {
      where: `${POLICY_TEXT}:30`,
      values: { kind: "article", numeral: "十X", unit: "条", reason: 'unknown character "X"' },
    },
  },
  "law/chapter-out-of-order": {
    severity: "error",
    title: "Chapter out of order",
    message: "chapter {label} ({number}) follows chapter {previous}; expected {expected}",
    hint: "chapters are numbered 第一章, 第二章 … without gaps; check the heading for a typo",
    example: {
      where: `${POLICY_TEXT}:40`,
      values: { label: "第三章", number: 3, previous: 1, expected: 2 },
    },
  },
  "law/section-before-chapter": {
    severity: "error",
    title: "Section before any chapter",
    message: "section {label} comes before the first chapter",
    hint: "sections (节) belong inside a chapter: add the `## 第X章 …` heading above it",
    example: { where: `${POLICY_TEXT}:3`, values: { label: "第一节" } },
  },
  "law/section-out-of-order": {
    severity: "error",
    title: "Section out of order",
    message:
      "section {label} ({number}) in {chapter} follows section {previous}; expected {expected}",
    hint: "sections are numbered 第一节, 第二节 … within each chapter",
    example: {
      where: `${POLICY_TEXT}:12`,
      values: { label: "第三节", number: 3, chapter: "第二章", previous: 1, expected: 2 },
    },
  },
  "law/duplicate-article": {
    severity: "error",
    title: "Article appears twice",
    message: "article {label} ({id}) appears twice; it was first at line {first}",
    hint: "delete the repeated article or correct its number",
    example: { where: `${POLICY_TEXT}:7`, values: { label: "第二条", id: "2", first: 5 } },
  },
  "law/inserted-article-out-of-order": {
    severity: "error",
    title: "Inserted article out of place",
    message: "article {label} ({id}) follows article {previous}; it must follow article {after}",
    hint: "an inserted article 第N条之一 comes straight after 第N条, 第N条之二 after 第N条之一; check the number",
    variants: {
      first: {
        message: "article {label} ({id}) is the first article; it must follow article {after}",
      },
    },
    example: {
      where: `${POLICY_TEXT}:2`,
      variant: "first",
      values: { label: "第一条之一", id: "1-1", after: "1" },
    },
  },
  "law/article-out-of-order": {
    severity: "error",
    title: "Article number out of order",
    message: "article {label} ({id}) follows article {previous}; expected {expected}",
    hint: "articles are numbered 1, 2, 3 … without gaps; check this number, or whether an article is missing or pasted twice",
    variants: {
      first: { message: "article {label} ({id}) is the first article; expected {expected}" },
    },
    example: {
      where: `${POLICY_TEXT}:25`,
      values: { label: "第二十四条", id: "24", previous: "22", expected: 23 },
    },
  },
  "law/stray-heading": {
    severity: "error",
    title: "Heading that is not a chapter or section",
    message: 'the heading "{text}" is not a chapter or section heading',
    hint: "use `## 第X章 标题` for chapters and `### 第X节 标题` for sections; other headings are not allowed in a law text",
    example: { where: `${POLICY_TEXT}:9`, values: { text: "## 附录" } },
  },
  "law/paragraph-outside-article": {
    severity: "error",
    title: "Paragraph outside any article",
    message: 'the paragraph "{start}…" is not inside an article',
    hint: "every paragraph after a chapter heading belongs to an article starting `第N条 `; check for a missing space after 条",
    example: { where: `${POLICY_TEXT}:3`, values: { start: "第一条甲。" } },
  },
  "law/empty-chapter": {
    severity: "error",
    title: "Chapter without articles",
    message: "chapter {label} {title} has no articles",
    hint: "a chapter heading must be followed by its articles; delete the heading or add the missing articles",
    example: { where: `${POLICY_TEXT}:7`, values: { label: "第二章", title: "附则" } },
  },
  "law/empty-section": {
    severity: "error",
    title: "Section without articles",
    message: "section {label} {title} of {chapter} has no articles",
    hint: "a section heading must be followed by its articles; delete the heading or add the missing articles",
    example: {
      where: `${POLICY_TEXT}:3`,
      values: { label: "第一节", title: "一般规定", chapter: "第一章" },
    },
  },
  "law/article-before-chapter": {
    severity: "error",
    title: "Article before the first chapter",
    message: "article {label} comes before the first chapter heading",
    hint: "when a law has chapters, every article must be inside one: move the `## 第一章 …` heading above it",
    example: { where: `${POLICY_TEXT}:2`, values: { label: "第一条" } },
  },

  // ── References between entries ─────────────────────────────────────────
  "topic/unknown": {
    severity: "error",
    title: "Unknown topic",
    message: "unknown topic “{id}”",
    expected: "one of: {known}",
    hint: "topic ids are listed in content/topics.yaml; add the topic there first",
    variants: { guess: GUESS },
    example: {
      where: "content/courses/training-rights/02-funds.mdx:9",
      field: "topics[0]",
      found: '"employee-education-fund"',
      variant: "guess",
      values: {
        id: "employee-education-fund",
        known: "employee-education-funds, union-rights-duties, vocational-training",
        guess: "employee-education-funds",
      },
    },
  },
  "glossary/unknown-related-term": {
    severity: "error",
    title: "Unknown related term",
    message: "unknown glossary term “{id}”",
    expected: "one of: {known}",
    hint: "related terms are ids of other entries in glossary.yaml",
    variants: { guess: GUESS },
    example: {
      where: "content/glossary.yaml:12",
      field: "related[0]",
      found: '"master-apprentices"',
      variant: "guess",
      values: {
        id: "master-apprentices",
        known: "employee-education-funds, master-apprentice, vocational-education",
        guess: "master-apprentice",
      },
    },
  },
  "course/unknown-translation": {
    severity: "error",
    title: "Translation of an unknown course",
    message: "unknown course “{id}”",
    expected: "one of: {known}",
    hint: "use the folder name of the course this one translates",
    variants: { guess: GUESS },
    example: {
      where: "content/courses/training-rights-en/course.yaml:3",
      field: "translationOf[0]",
      found: '"training-right"',
      variant: "guess",
      values: { id: "training-right", known: "training-rights", guess: "training-rights" },
    },
  },
  "site/unknown-featured-course": {
    severity: "error",
    title: "Unknown featured course",
    message: "unknown course “{id}”",
    expected: "one of: {known}",
    hint: "use course folder names",
    variants: { guess: GUESS },
    example: {
      where: "content/site.yaml:8",
      field: "featuredCourses[0]",
      found: '"training"',
      values: { id: "training", known: "training-rights" },
    },
  },
  "site/unknown-key-policy": {
    severity: "error",
    title: "Unknown key policy",
    message: "unknown policy “{id}”",
    expected: "one of: {known}",
    hint: "use policy folder names",
    variants: { guess: GUESS },
    example: {
      where: "content/site.yaml:10",
      field: "keyPolicies[0]",
      found: '"labour-law"',
      values: { id: "labour-law", known: "vocational-education-law-2022" },
    },
  },
  "event/unknown-course": {
    severity: "error",
    title: "Link to an unknown course",
    message: "unknown course “{id}”",
    expected: "one of: {known}",
    hint: "use the folder name of a course under content/courses/",
    variants: { guess: GUESS },
    example: {
      where: `${EVENT}:14`,
      field: "links.courses[0]",
      found: '"safety-basic"',
      values: { id: "safety-basic", known: "training-rights" },
    },
  },
  "event/unknown-lesson": {
    severity: "error",
    title: "Link to an unknown lesson",
    message: "unknown lesson “{id}”",
    expected: "one of: {known}",
    hint: "write course/lesson: the course folder and the lesson file name without its number and .mdx",
    variants: { guess: GUESS },
    example: {
      where: `${EVENT}:14`,
      field: "links.lessons[0]",
      found: '"training-rights/duty"',
      values: { id: "training-rights/duty", known: "training-rights/duties" },
    },
  },
  "event/unknown-policy": {
    severity: "error",
    title: "Link to an unknown policy",
    message: "unknown policy “{id}”",
    expected: "one of: {known}",
    hint: POLICY_IDS_HINT,
    variants: { guess: GUESS },
    example: {
      where: `${EVENT}:14`,
      field: "links.policies[0]",
      found: '"labour-law"',
      values: { id: "labour-law", known: "labour-law-2018" },
    },
  },
  "event/unknown-case": {
    severity: "error",
    title: "Link to an unknown case",
    message: "unknown case “{id}”",
    expected: "one of: {known}",
    hint: "use the file name of a case under content/cases/ without .mdx",
    variants: { guess: GUESS },
    example: {
      where: `${EVENT}:14`,
      field: "links.cases[0]",
      found: '"training-refuse"',
      values: { id: "training-refuse", known: "training-refused" },
    },
  },
  "event/unknown-campaign": {
    severity: "error",
    title: "Link to an unknown campaign",
    message: "unknown campaign “{id}”",
    expected: "one of: {known}",
    hint: "campaign ids are listed in content/campaigns.yaml",
    variants: { guess: GUESS },
    example: {
      where: `${EVENT}:14`,
      field: "campaign",
      found: '"constitution"',
      values: { id: "constitution", known: "constitution-day" },
    },
  },
  "cite/unknown-policy": {
    severity: "error",
    title: "Citation of an unknown policy",
    message: "cites a policy that does not exist: “{policy}”",
    expected: "a policy id: {known}",
    hint: POLICY_IDS_HINT,
    variants: { guess: GUESS },
    example: {
      where: `${LESSON}:11`,
      field: "cites[0]",
      found: "vocational-education-law, article 24",
      variant: "guess",
      values: {
        policy: "vocational-education-law",
        known: "vocational-education-law-2022",
        guess: "vocational-education-law-2022",
      },
    },
  },
  "cite/no-full-text": {
    severity: "error",
    title: "Citation of a policy without its text",
    message: "cites article {article} of “{policy}”, which has no full text",
    hint: "add {textFile} (npm run import-law), or cite a policy that has its text",
    example: {
      where: `${LESSON}:11`,
      field: "cites[0]",
      found: "labour-law-2018, article 68",
      values: {
        article: 68,
        policy: "labour-law-2018",
        textFile: "content/policies/labour-law-2018/text.zh.md",
      },
    },
  },
  "cite/article-out-of-range": {
    severity: "error",
    title: "Citation of an article that does not exist",
    message: "cites article {article} of {policy}, which has no such article",
    expected: "an article number from 1 to {last} (第一条 to 第{lastInChinese}条)",
    hint: "check the article number in the official text; numbers change between versions of a law",
    example: {
      where: `${CASE}:21`,
      found: "vocational-education-law-2022, article 70",
      values: { article: 70, policy: "职业教育法（2022）", last: 69, lastInChinese: "六十九" },
    },
  },
  "cite/repealed-policy": {
    severity: "warning",
    title: "Citation of a repealed law",
    message: "cites {policy}, which is repealed",
    hint: "make sure readers are told that this text is no longer in force",
    variants: {
      replaced: {
        hint: "cite the law now in force, “{supersededBy}”, unless the old text is the point",
      },
    },
    example: {
      where: `${LESSON}:11`,
      field: "cites[0]",
      found: "vocational-education-law-1996, article 20",
      variant: "replaced",
      values: { policy: "职业教育法（1996）", supersededBy: "vocational-education-law-2022" },
    },
  },
  "cite/superseded-version": {
    severity: "warning",
    title: "Citation of a superseded version",
    message: "cites {cited}; in force now: {current} ({changeClass})",
    hint: "cite the version in force, or add historical: true to the citation when the old text is the point",
    variants: {
      deleted: {
        message: "cites {cited}; the article is not in {current} ({changeClass})",
      },
    },
    example: {
      where: `${LESSON}:11`,
      field: "cites[0]",
      found: "vocational-education-law-1996, article 20",
      values: {
        cited: "职业教育法（1996）第二十条",
        current: "职业教育法（2022）第二十四条",
        changeClass: "amended",
      },
    },
  },
  "lawmap/not-versions": {
    severity: "error",
    title: "Article map between policies that are not versions of one law",
    message: "“{newId}” and “{oldId}” are not two versions of one law",
    expected:
      "a file changes-from-<old>.yaml in the folder of a policy whose supersedes chain reaches <old>, both with a text.zh.md",
    hint: "{why}",
    example: {
      where: "content/policies/vocational-education-law-2022/changes-from-labour-law-2018.yaml:1",
      values: {
        newId: "vocational-education-law-2022",
        oldId: "labour-law-2018",
        why: "vocational-education-law-2022 supersedes vocational-education-law-1996, not labour-law-2018",
      },
    },
  },
  "lawmap/unknown-article": {
    severity: "error",
    title: "Article map names an article the text does not have",
    message: "{side} article {article} is not in {policy}",
    expected: "an article of {policy}: 1 to {last}",
    hint: "check the number against content/policies/{policy}/text.zh.md",
    example: {
      where:
        "content/policies/vocational-education-law-2022/changes-from-vocational-education-law-1996.yaml:12",
      field: "changes[3].old",
      values: { side: "old", article: 41, policy: "vocational-education-law-1996", last: 40 },
    },
  },
  "lawmap/mapped-twice": {
    severity: "error",
    title: "Article mapped twice",
    message: "{side} article {article} is in two rows (lines {first} and {line})",
    expected: "each article in one row, unless every row that names it is merged or split",
    hint: "join the rows into one, or say class: merged (several old articles became one) or split (one old article became several)",
    example: {
      where:
        "content/policies/vocational-education-law-2022/changes-from-vocational-education-law-1996.yaml:14",
      field: "changes[4].old",
      values: { side: "old", article: 20, first: 8, line: 14 },
    },
  },
  "policy/unknown-reference": {
    severity: "error",
    title: "Supersedes an unknown policy",
    message: "refers to a policy that does not exist: “{target}”",
    expected: "a policy id: {known}",
    hint: POLICY_IDS_HINT,
    example: {
      where: "content/policies/vocational-education-law-2022/index.mdx:12",
      field: "supersedes",
      values: { target: "vocational-education-law", known: "vocational-education-law-2022" },
    },
  },
  "policy/supersedes-circle": {
    severity: "error",
    title: "Supersedes links in a circle",
    message: "supersedes forms a circle: {chain}",
    hint: "a policy can only supersede older ones; remove one of the links",
    example: {
      where: "content/policies/a/index.mdx:12",
      field: "supersedes",
      values: { chain: "a → b → a" },
    },
  },
  "policy/text-not-checked": {
    severity: "warning",
    title: "Law text without the day it was checked",
    message: "this policy has its full text (text.zh.md) but no textChecked date",
    hint: "compare text.zh.md with the official source word for word, then add `textChecked: YYYY-MM-DD` (the day you did); the policy page shows it",
    example: {
      where: "content/policies/labour-law-2018/index.mdx:12",
      field: "textChecked",
    },
  },
  "policy/superseded-without-successor": {
    severity: "error",
    title: "Superseded policy without its successor",
    message: "a superseded policy must say which policy replaced it",
    hint: "add `supersededBy: <id of the policy in force>`",
    example: {
      where: "content/policies/vocational-education-law-1996/index.mdx:9",
      field: "supersededBy",
    },
  },

  // ── Question bank (content/courses/<course>/questions.yaml) ────────────
  "question/options-missing": {
    severity: "error",
    title: "Choice question without options",
    message: "a {type} question needs its options",
    expected: "`options:` with at least 2 choices, listed in the order A, B, C…",
    hint: "or make it `type: true-false` with `answer: true` or `answer: false`",
    example: { where: QUESTIONS, field: "options", values: { type: "single-choice" } },
  },
  "question/options-not-allowed": {
    severity: "error",
    title: "True/false question with options",
    message: "a true/false question has no options",
    hint: "remove `options:`, or make it `type: single` with a letter as its answer",
    example: { where: `${QUESTIONS}:14`, field: "options" },
  },
  "question/answer-wrong-kind": {
    severity: "error",
    title: "Answer does not fit the question type",
    message: "the answer does not fit a {type} question",
    expected: "{expected}",
    example: {
      where: `${QUESTIONS}:9`,
      field: "answer",
      found: '"A"',
      values: {
        type: "multiple-choice",
        expected: "a list of at least 2 letters, e.g. [A, C]",
      },
    },
  },
  "question/answer-out-of-range": {
    severity: "error",
    title: "Answer names a missing option",
    message: "answer {letter} names no option: the question has {count} options, A to {last}",
    hint: "answers are letters in the order of `options:` (A is the first)",
    example: {
      where: `${QUESTIONS}:9`,
      field: "answer",
      found: '"D"',
      values: { letter: "D", count: 3, last: "C" },
    },
  },
  "question/unknown-lesson": {
    severity: "error",
    title: "Question of an unknown lesson",
    message: "the course has no lesson “{lesson}”",
    expected: "a lesson slug of this course: {known}",
    example: {
      where: `${QUESTIONS}:20`,
      field: "lesson",
      found: '"funds"',
      values: { lesson: "funds", known: "duties, education-funds" },
    },
  },
  "question/superseded-version": {
    severity: "warning",
    title: "Question rests on a superseded law version",
    message: "question “{id}” cites {policy}, a version that has been superseded",
    hint: "check the answer against “{supersededBy}” and cite that, unless the question is about the old text",
    example: {
      where: `${QUESTIONS}:12`,
      field: "cites[0]",
      found: "vocational-education-law-1996, article 20",
      values: {
        id: "train-before-post-1996",
        policy: "职业教育法（1996）",
        supersededBy: "vocational-education-law-2022",
      },
    },
  },

  // ── Components in MDX ──────────────────────────────────────────────────
  "mdx/unknown-component": {
    severity: "error",
    title: "Unknown component",
    message: "unknown component <{name}>",
    expected: "one of: {known}",
    hint: "see docs/authoring.md for the components you can use",
    variants: { guess: { hint: "did you mean <{guess}>?" } },
    example: {
      where: `${LESSON}:20`,
      variant: "guess",
      values: {
        name: "Callot",
        known: "Cite, Callout, Objectives, Question, KeyPoint, Figure, Steps, Term",
        guess: "Callout",
      },
    },
  },
  "mdx/unknown-prop": {
    severity: "error",
    title: "Unknown prop",
    message: "{tag} has an unknown prop “{prop}”",
    expected: "props: {allowed}, e.g. {example}",
    hint: "remove it; see docs/authoring.md for what each component accepts",
    variants: {
      guess: { hint: "did you mean {guess}=…?" },
      noProps: { expected: "no props, e.g. {example}" },
      noPropsGuess: { expected: "no props, e.g. {example}", hint: "did you mean {guess}=…?" },
    },
    example: {
      where: `${LESSON}:20`,
      variant: "guess",
      values: {
        tag: "<Callout>",
        prop: "kind",
        allowed: "type, title",
        example: '<Callout type="tip">…</Callout>',
        guess: "type",
      },
    },
  },
  "mdx/missing-prop": {
    severity: "error",
    title: "Missing prop",
    message: '{tag} needs {prop}="…"',
    expected: "{example}",
    hint: 'add {prop}="…" inside the tag',
    variants: {
      figureAlt: {
        hint: 'alt describes the picture for readers who cannot see it, e.g. alt="三名职工在车间听师傅讲解"',
      },
      figureCaption: { hint: "caption is the line printed under the picture" },
      termId: { hint: "id is the id of an entry in content/glossary.yaml" },
    },
    example: {
      where: "content/courses/training-rights/03-bad-props.mdx:15",
      found: '{"src":"/images/class.jpg","caption":"没有写 alt"}',
      variant: "figureAlt",
      values: {
        tag: "<Figure>",
        prop: "alt",
        example:
          '<Figure src="/images/class.jpg" alt="职工在课堂上听讲" caption="职工夜校的一堂课" />',
      },
    },
  },
  "cite/law-name-twice": {
    severity: "warning",
    title: "Law name written before <Cite>",
    message:
      "the law's name is written right before <Cite>, which prints it again: readers see “{written}{printed}”",
    hint: "delete “{written}” before <Cite>: the component prints {printed} itself",
    example: {
      where: `${LESSON}:18`,
      found: '《工会法》<Cite policy="trade-union-law-2021" article={32} />',
      values: { written: "《工会法》", printed: "《工会法》第三十二条" },
    },
  },
  "cite/incomplete": {
    severity: "error",
    title: "<Cite> without policy or article",
    message: "<Cite> needs a policy id and an article number",
    expected: '<Cite policy="vocational-education-law-2022" article={24} />',
    hint: "write the article number in curly braces: article={24}",
    example: {
      where: `${LESSON}:18`,
      found: '{"policy":"vocational-education-law-2022","article":"24"}',
    },
  },
  "mdx/callout-type": {
    severity: "error",
    title: "Unknown <Callout> type",
    message: "<Callout> type must be one of {types}",
    expected: "one of: {types}",
    hint: "note for background, tip for advice, warning for a risk or common mistake",
    variants: { guess: GUESS },
    example: {
      where: "content/courses/training-rights/03-bad-props.mdx:11",
      found: '"danger"',
      values: { types: "note, tip, warning" },
    },
  },
  "mdx/figure-src": {
    severity: "error",
    title: "<Figure> image not in public/",
    message: "<Figure> src must be an image in the public/ folder",
    expected: "a path starting with /, e.g. /images/class.jpg for public/images/class.jpg",
    hint: "put the image in public/images/ and write its path from there, starting with /",
    variants: {
      web: {
        hint: "the site must work without internet: download the image into public/images/ and link that copy",
      },
    },
    example: {
      where: `${LESSON}:22`,
      found: '"https://example.org/class.jpg"',
      variant: "web",
    },
  },
  "glossary/unknown-term": {
    severity: "error",
    title: "<Term> of an unknown glossary term",
    message: "<Term> links a glossary term that does not exist: “{id}”",
    expected: "an id from content/glossary.yaml: {known}",
    hint: "add the term first with `npm run new -- term --zh … --en …`, then use its id",
    variants: { guess: GUESS },
    example: {
      where: "content/courses/training-rights/03-bad-props.mdx:17",
      found: '"employee-education-fund"',
      variant: "guess",
      values: {
        id: "employee-education-fund",
        known: "employee-education-funds, master-apprentice, vocational-education",
        guess: "employee-education-funds",
      },
    },
  },
  "mdx/empty-question": {
    severity: "error",
    title: "Empty <Question>",
    message: "<Question> has no question in it",
    expected: "{example}",
    hint: "write the question between <Question> and </Question>",
    example: { where: `${LESSON}:30`, values: { example: "<Question>…？</Question>" } },
  },

  // ── MDX syntax (what the build's parser cannot read) ───────────────────
  "mdx/void-element-not-closed": {
    severity: "error",
    title: "Empty HTML element not closed",
    message: "<{name}> must be written as <{name} /> in MDX",
    hint: "add a slash before the closing bracket: <{name} />",
    example: { where: `${LESSON}:16`, values: { name: "br" } },
  },
  "mdx/unclosed-tag": {
    severity: "error",
    title: "Tag never closed",
    message: "<{name}> is never closed",
    hint: "add </{name}> after its content, or write <{name} … /> if it has none",
    example: { where: `${LESSON}:16`, values: { name: "Callout" } },
  },
  "mdx/mismatched-closing-tag": {
    severity: "error",
    title: "Closing tag does not match",
    message: "closing tag </{closing}> does not match <{open}> opened on line {openLine}",
    hint: "close <{open}> first with </{open}>",
    example: {
      where: `${LESSON}:20`,
      values: { closing: "Callout", open: "KeyPoint", openLine: 18 },
    },
  },
  "mdx/unexpected-closing-tag": {
    severity: "error",
    title: "Closing tag without an opening tag",
    message: "closing tag </{name}> does not match any opening tag",
    hint: "remove </{name}> or add the opening <{name}>",
    example: { where: `${LESSON}:20`, values: { name: "Callout" } },
  },
  "mdx/html-comment": {
    severity: "error",
    title: "HTML comment",
    message: "HTML comments are not MDX; write {/* … */}",
    hint: "replace <!-- … --> with {/* … */}; the text inside is not shown to readers",
    example: { where: `${LESSON}:16`, found: "<!-- 待补充 -->" },
  },
  "mdx/bare-less-than": {
    severity: "error",
    title: "Bare < in the text",
    message: "a bare “<” in the text",
    hint: LESS_THAN_HINT,
    example: { where: `${LESSON}:16`, found: "<18岁的学徒不得" },
  },
  "mdx/unreadable-tag": {
    severity: "error",
    title: "Tag MDX cannot read",
    message: "a tag MDX cannot read",
    hint: `write attribute values in quotes (title="…") or as numbers in braces (article={24}), and end the tag with > or />; ${LESS_THAN_HINT}`,
    example: { where: `${LESSON}:16`, found: "<Cite policy=vel article=24 />" },
  },
  "mdx/leading-zero": {
    severity: "error",
    title: "Number with a leading zero",
    message: "the number {number} starts with 0, which MDX cannot read",
    hint: "write it without the leading zero: {{value}}, e.g. article={24}",
    example: { where: `${LESSON}:16`, found: "024", values: { number: "024", value: 24 } },
  },
  "mdx/unreadable-number": {
    severity: "error",
    title: "Number MDX cannot read",
    message: "a number MDX cannot read",
    hint: "write whole numbers in braces without leading zeros, e.g. article={24}",
    example: { where: `${LESSON}:16` },
  },
  "mdx/unclosed-brace": {
    severity: "error",
    title: "Curly brace never closed",
    message: "a curly brace “{” that is never closed",
    hint: BRACE_HINT,
    example: { where: `${LESSON}:16` },
  },
  "mdx/syntax": {
    severity: "error",
    title: "MDX cannot read this",
    message: "MDX cannot read this: {reason}",
    hint: "the build would stop here too; see “What MDX allows” in docs/authoring.md",
    example: { where: `${LESSON}:16`, values: { reason: "Unexpected end of file in expression" } },
  },
  "mdx/control-character": {
    severity: "error",
    title: "Invisible control character in the text",
    message: "an invisible control character in the text",
    found: "{codePoint}",
    hint: "it usually comes from copying out of another program; delete it (retype the characters around it)",
    example: { where: `${LESSON}:16`, values: { codePoint: "U+001B" } },
  },
  "mdx/paragraph-too-complex": {
    severity: "error",
    title: "Paragraph too complex to read",
    message: "this paragraph is too long and too full of markup for MDX to read in reasonable time",
    found: "{length} characters with {markup} of < > { & \\ ` [ and no blank line",
    hint: "split the text into paragraphs with blank lines; write a < that is not a tag as ＜ and a { as ｛",
    example: { where: `${LESSON}:16`, values: { length: "2,000,000", markup: "200" } },
  },
  "mdx/file-too-complex": {
    severity: "error",
    title: "File too complex to read",
    message: "this file has too many tags and curly braces for MDX to read in reasonable time",
    found: "{openers} tags or braces in {size} KB",
    hint: "split it into several entries; write a < that is not a tag as ＜ and a { as ｛",
    example: { where: `${LESSON}:1`, values: { openers: "20,000", size: "600" } },
  },

  // ── Images ─────────────────────────────────────────────────────────────
  "image/missing-alt": {
    severity: "error",
    title: "Image without alt text",
    message: "an image without alt text",
    expected: "![description of the picture](image path)",
    hint: ALT_HINT,
    example: { where: `${LESSON}:16`, found: "![](./class.jpg)" },
  },
  "image/img-missing-alt": {
    severity: "error",
    title: "<img> without alt text",
    message: "an <img> without alt text",
    hint: ALT_HINT,
    example: { where: `${LESSON}:16` },
  },
  "image/not-a-file": {
    severity: "error",
    title: "Image address that is not a file",
    message: "the image “{url}” is not a web address or a file of the knowledge base",
    hint: IMAGE_PATH_HINT,
    example: { where: `${LESSON}:16`, values: { url: "file:///C:/photos/class.jpg" } },
  },
  "image/outside": {
    severity: "error",
    title: "Image outside the knowledge base",
    message: "the image “{url}” is outside the {root}",
    hint: IMAGE_PATH_HINT,
    example: {
      where: `${LESSON}:16`,
      values: { url: "../../../secret.png", root: "knowledge base" },
    },
  },
  "image/missing-file": {
    severity: "error",
    title: "Image file does not exist",
    message: "the image “{url}” does not exist",
    expected: "a file at {path}",
    hint: "check the spelling and the folder: paths starting with / are in public/, others are relative to this file",
    example: {
      where: `${LESSON}:16`,
      values: { url: "./class.jpg", path: "content/courses/training-rights/class.jpg" },
    },
  },

  // ── Video and audio (<Video>, <Audio>, files in content/media/) ──────────
  "media/outside-folder": {
    severity: "error",
    title: "Media file not in the media folder",
    message: "<{tag}> {prop}=“{url}” is not a file in the knowledge base's media/ folder",
    expected:
      "a path starting with /media/, e.g. /media/class.mp4 for media/class.mp4 in the content folder",
    hint: "the site must work without internet: put the file in the content folder's media/ and write its path from there",
    example: {
      where: `${LESSON}:30`,
      values: { tag: "Video", prop: "src", url: "https://example.org/class.mp4" },
    },
  },
  "media/missing-file": {
    severity: "error",
    title: "Media file does not exist",
    message: "<{tag}> {prop}=“{url}” names a file that does not exist",
    expected: "a file at {path}",
    hint: "check the spelling and the folder: /media/… paths are in the content folder's media/",
    example: {
      where: `${LESSON}:30`,
      values: {
        tag: "Video",
        prop: "src",
        url: "/media/class.mp4",
        path: "content/media/class.mp4",
      },
    },
  },
  "media/unplayable-format": {
    severity: "error",
    title: "Media format the browser cannot play",
    message: "<{tag}> {prop}=“{url}”: {extension} files cannot be used here",
    expected: "one of {allowed}",
    hint: "browsers play MP4 (H.264/AAC), WebM, MP3 and Ogg/Opus without a plug-in; convert the file, e.g. `ffmpeg -i in.avi -c:v libx264 -c:a aac out.mp4`",
    variants: {
      content: {
        message:
          "<{tag}> {prop}=“{url}” is named {extension} but its content is not (it starts like {found})",
        expected: "a real {extension} file",
        hint: "a file renamed to .mp4 still holds its old format; convert it instead, e.g. `ffmpeg -i in.avi -c:v libx264 -c:a aac out.mp4`",
      },
    },
    example: {
      where: `${LESSON}:30`,
      values: {
        tag: "Video",
        prop: "src",
        url: "/media/class.avi",
        extension: ".avi",
        allowed: ".mp4, .m4v, .webm",
      },
    },
  },
  "media/video-no-captions": {
    severity: "error",
    title: "Video without captions",
    message: "<Video> “{title}” has no Chinese captions",
    expected: 'captions="/media/….zh.vtt": a WebVTT file with what is said',
    hint: "deaf and hard-of-hearing workers, and anyone watching without sound, need captions; a video with no speech at all says so with the prop noSpeech: <Video noSpeech … />",
    example: {
      where: `${LESSON}:30`,
      values: { title: "企业的培训义务" },
    },
  },
  "media/too-large": {
    severity: "warning",
    title: "Media file larger than the site's limit",
    message:
      "<{tag}> {prop}=“{url}” is {size} MB, more than the {max} MB set in site.yaml (media.maxFileMB)",
    hint: "a large file is slow on a phone and on the LAN; make it smaller (e.g. `ffmpeg -i in.mp4 -vf scale=-2:720 -crf 28 out.mp4`) or raise media.maxFileMB",
    example: {
      where: `${LESSON}:30`,
      values: { tag: "Video", prop: "src", url: "/media/class.mp4", size: "84.2", max: 50 },
    },
  },
  "material/missing-file": {
    severity: "error",
    title: "File of a publicity material does not exist",
    message: "the file “{url}” of this material does not exist",
    expected: "a file at {path}",
    hint: "put the file in the content folder's media/ and write its path from there, starting with /media/",
    example: {
      where: "content/materials/safety-poster.yaml:12",
      field: "files[0].path",
      values: { url: "/media/materials/poster.pdf", path: "content/media/materials/poster.pdf" },
    },
  },
  "material/preview-not-image": {
    severity: "error",
    title: "Preview of a material is not an image",
    message: "the preview “{url}” is not an image browsers show",
    expected: "one of {allowed}",
    hint: "make an image of the poster or of the PDF's first page, e.g. `pdftoppm -png -r 40 -singlefile leaflet.pdf preview`",
    example: {
      where: "content/materials/safety-poster.yaml:9",
      field: "preview",
      values: { url: "/media/materials/poster.pdf", allowed: ".jpg, .jpeg, .png, .webp, .avif" },
    },
  },
  "material/poster-image-not-image": {
    severity: "error",
    title: "Image of a noticeboard poster is not an image",
    message: "the poster's image “{url}” is not an image browsers show",
    expected: "one of {allowed}",
    hint: "a poster prints one photo or drawing: export it as PNG or JPEG into media/ (a PDF cannot be placed on the poster)",
    example: {
      where: "content/materials/safety-poster.yaml:18",
      field: "poster.image",
      values: { url: "/media/materials/poster.pdf", allowed: ".jpg, .jpeg, .png, .webp, .avif" },
    },
  },
  "material/unknown-campaign": {
    severity: "error",
    title: "Material of an unknown campaign",
    message: "this material names a campaign that content/campaigns.yaml does not have: “{id}”",
    expected: "an id from content/campaigns.yaml: {known}",
    hint: "check the spelling, or add the campaign to content/campaigns.yaml",
    example: {
      where: "content/materials/safety-poster.yaml:7",
      field: "campaign",
      values: { id: "safety-week", known: "safety-month, world-book-day" },
    },
  },

  // ── Unsafe content (refused unless site.yaml says allowScripts: true) ──
  "mdx/import-export": {
    severity: "error",
    title: "import or export",
    message: "an import/export statement in content",
    hint: "components are available without importing; remove the line (see docs/authoring.md)",
    example: { where: `${LESSON}:16` },
  },
  "mdx/expression": {
    severity: "error",
    title: "Code in curly braces",
    message: "a curly brace “{” in the text",
    hint: BRACE_HINT,
    example: { where: `${LESSON}:16` },
  },
  "mdx/spread-attribute": {
    severity: "error",
    title: "Code inside a tag",
    message: "code inside the {tag} tag",
    hint: 'write each prop on its own: text in quotes title="…", numbers in braces article={24}',
    example: { where: `${LESSON}:16`, found: "{...props}", values: { tag: "<Cite>" } },
  },
  "mdx/code-in-attribute": {
    severity: "error",
    title: "Prop value that is code",
    message: "the value of {name} is code, not a plain value",
    hint: 'write numbers as {24} and text in quotes: title="…"',
    example: { where: `${LESSON}:16`, found: "{24 + 1}", values: { name: "article" } },
  },
  "link/dangerous-address": {
    severity: "error",
    title: "javascript:, vbscript: or data: address",
    message: "a link with a javascript:, vbscript: or data: address",
    hint: "links must point to web pages (https://…) or pages of this site (/courses/…)",
    example: { where: `${LESSON}:16`, found: "javascript:alert(1)" },
  },
  "html/event-handler": {
    severity: "error",
    title: "Event handler attribute",
    message: "an HTML event handler attribute (onclick=…, onerror=…)",
    hint: "event handlers run scripts; remove the attribute",
    example: { where: `${LESSON}:16` },
  },
  "html/script": {
    severity: "error",
    title: "<script>",
    message: "raw <script> in content",
    hint: "scripts are not allowed in content; ask the site's developer to add a component instead",
    example: { where: `${LESSON}:16` },
  },
  "html/frame": {
    severity: "error",
    title: "Frame or embedded object",
    message: "embedded frame or object in content",
    hint: "embedded pages and plugins are not allowed; link to the page instead",
    example: { where: `${LESSON}:16` },
  },
  "html/meta": {
    severity: "error",
    title: "<meta>",
    message: "a <meta> element in content",
    hint: "page settings belong to the site, not to one entry; remove it",
    example: { where: `${LESSON}:16` },
  },
  "html/meta-refresh": {
    severity: "error",
    title: '<meta http-equiv="…">',
    message: 'a <meta http-equiv="…"> in content',
    hint: "a refresh sends every reader, and a kiosk, to another address; write a link instead: [text](https://…)",
    example: { where: `${LESSON}:16` },
  },
  "html/base": {
    severity: "error",
    title: "<base>",
    message: "a <base> element in content",
    hint: "it changes where every link of the page points; remove it",
    example: { where: `${LESSON}:16` },
  },
  "html/link": {
    severity: "error",
    title: "<link>",
    message: "a <link> element in content",
    hint: "it loads files into the page; write a Markdown link [text](https://…) instead",
    example: { where: `${LESSON}:16` },
  },
  "html/form": {
    severity: "error",
    title: "<form>",
    message: "a <form> element in content",
    hint: "forms send what readers type to another address; link to the form's page instead",
    example: { where: `${LESSON}:16` },
  },
  "html/style": {
    severity: "error",
    title: "<style>",
    message: "a <style> element in content",
    hint: "styles change the whole site's look; ask the site's developer to add a component instead",
    example: { where: `${LESSON}:16` },
  },
  "html/svg-animation": {
    severity: "error",
    title: "SVG animation or embedded HTML",
    message: "an SVG <{name}> element in content",
    hint: "SVG animation and embedded HTML can rewrite links into scripts; use an image file with <Figure> instead",
    example: { where: `${LESSON}:16`, values: { name: "animate" } },
  },
} as const satisfies Record<string, ProblemData>;
