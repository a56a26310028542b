#!/usr/bin/env node
/**
 * `npm run new`: create a course, lesson, policy, case or glossary term from a
 * template with valid frontmatter and helpful comments. Asks for what is
 * missing when run in a terminal; takes everything as options in scripts.
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import * as prompts from "@clack/prompts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { contentDir } from "../src/lib/kb/content-dir.ts";
import { formatReport } from "../src/lib/kb/problems.ts";
import { listCourses } from "../src/lib/scaffold/courses.ts";
import { scaffold } from "../src/lib/scaffold/create.ts";
import {
  ENTITY_KINDS,
  type EntityKind,
  ScaffoldError,
  type ScaffoldRequest,
} from "../src/lib/scaffold/request.ts";
import { pinyinOf, slugFromTitle } from "../src/lib/scaffold/slug.ts";

const HELP = `Usage: npm run new -- [kind] [options]

Creates a new entry from a template. Without options it asks questions.

Kinds and their options:
  course  --title "…"                       content/courses/<slug>/course.yaml
  lesson  --course <course> --title "…"     content/courses/<course>/NN-<slug>.mdx
  policy  --title "…"                       content/policies/<slug>/index.mdx
          (summary only; import the official text with npm run import-law)
  case    --title "…" [--real]              content/cases/<slug>.mdx
  term    --zh … --en … [--pinyin …] [--definition …]
                                            appended to content/glossary.yaml

Options:
  --title-en "…"   the English title (course, lesson, case, policy)
  --slug <slug>    the address (or term id) instead of one made from the title;
                   Chinese titles become pinyin: 企业的培训义务 → qi-ye-de-pei-xun-yi-wu
  --real           (case) the case really happened; default: marked fictional
  --content <dir>  the content folder (default: content, or $UNION_KB_CONTENT)
  -h, --help       show this help

Existing files are never overwritten. The new entry is checked like
\`npm run check\`; if it does not pass, it is not kept.

Exit codes: 0 created, 1 refused (exists, or the check failed), 2 usage error.`;

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  {
    title: { type: "string" },
    "title-en": { type: "string" },
    course: { type: "string" },
    slug: { type: "string" },
    zh: { type: "string" },
    en: { type: "string" },
    pinyin: { type: "string" },
    definition: { type: "string" },
    real: { type: "boolean" },
    content: { type: "string" },
  },
  HELP,
  true,
);

function usage(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(EXIT.usage);
}

const dir = values.content ? resolve(values.content) : contentDir();
if (!existsSync(dir)) usage(`The content folder ${dir} does not exist.`);
if (positionals.length > 1) usage(`Give one kind, not “${positionals.join(" ")}”.`);
const givenKind = positionals[0];
if (givenKind !== undefined && !(ENTITY_KINDS as readonly string[]).includes(givenKind)) {
  usage(`Unknown kind “${givenKind}”: use one of ${ENTITY_KINDS.join(", ")}.`);
}
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

/** Stops cleanly when the author presses Ctrl+C in a prompt. */
function answer<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) {
    prompts.cancel("Cancelled: nothing was created. (已取消，未创建任何文件)");
    process.exit(EXIT.ok);
  }
  return value as Exclude<T, symbol>;
}

const required = (text: string | undefined) => (text?.trim() ? undefined : "必填 (required)");

async function ask(message: string, placeholder: string, initial?: string): Promise<string> {
  return answer(
    await prompts.text({
      message,
      placeholder,
      validate: required,
      ...(initial ? { initialValue: initial } : {}),
    }),
  );
}

/** Fills in what the options left out, by asking, or fails when not in a terminal. */
async function complete(request: ScaffoldRequest): Promise<ScaffoldRequest> {
  const missing = (option: string) => {
    if (!interactive) usage(`${option} is required for ${request.kind}.`);
  };
  if (request.kind === "lesson" && !request.course) {
    missing("--course");
    const courses = listCourses(dir);
    if (!courses.length)
      usage('There is no course yet: create one first with npm run new -- course --title "…".');
    request.course = answer(
      await prompts.select({
        message: "哪门课程？ (which course)",
        options: courses.map((c) => ({ value: c, label: c })),
      }),
    );
  }
  if (request.kind === "term") {
    if (!request.zh) {
      missing("--zh");
      request.zh = await ask("术语（中文） (term in Chinese)", "职工教育经费");
    }
    if (!request.en) {
      missing("--en");
      request.en = await ask("英文 (English)", "employee education funds");
    }
    if (!request.pinyin && interactive) {
      request.pinyin = await ask("拼音 (pinyin, check the tones)", "", pinyinOf(request.zh));
    }
    return request;
  }
  if (!request.title) {
    missing("--title");
    const what = { course: "课程", lesson: "课时", policy: "法规", case: "案例" }[request.kind];
    request.title = await ask(`${what}标题 (title)`, "企业的培训义务");
  }
  if (interactive && !request.slug) {
    request.slug = await ask(
      "网址名 (address: letters, digits, dashes)",
      "",
      slugFromTitle(request.title),
    );
  }
  if (request.kind === "case" && interactive && !values.real) {
    request.fictional = answer(
      await prompts.confirm({
        message: "是虚构案例吗？ (is the case invented?)",
        initialValue: true,
      }),
    );
  }
  return request;
}

async function main(): Promise<number> {
  if (interactive) prompts.intro("Union KB · 新建 (new entry)");
  let kind = givenKind as EntityKind | undefined;
  if (!kind) {
    if (!interactive) usage("Say what to create: course, lesson, policy, case or term.");
    kind = answer(
      await prompts.select({
        message: "新建什么？ (what to create)",
        options: [
          { value: "lesson", label: "课时 lesson" },
          { value: "course", label: "课程 course" },
          { value: "case", label: "案例 case" },
          { value: "policy", label: "政策法规摘要 policy summary" },
          { value: "term", label: "术语 glossary term" },
        ],
      }),
    ) as EntityKind;
  }
  const request = await complete({
    kind,
    contentDir: dir,
    title: values.title,
    titleEn: values["title-en"],
    slug: values.slug,
    course: values.course,
    fictional: values.real ? false : undefined,
    zh: values.zh,
    en: values.en,
    pinyin: values.pinyin,
    definition: values.definition,
  });
  try {
    const result = scaffold(request);
    const shown = relative(process.cwd(), result.path) || result.path;
    const verb = kind === "term" ? `Added the term “${result.id}” to` : "Created";
    const lines = [`✔ ${verb} ${shown.startsWith("..") ? result.path : shown}`];
    if (result.problems.length) lines.push("", formatReport(result.problems));
    lines.push(
      "",
      "Next steps:",
      ...result.nextSteps.map((step) => `  • ${step}`),
      "  • check your work: npm run check",
    );
    if (result.otherErrors) {
      lines.push(
        "",
        `Note: other files of the knowledge base have ${result.otherErrors} error(s); run npm run check to see them.`,
      );
    }
    if (interactive) prompts.outro(lines.join("\n"));
    else console.log(lines.join("\n"));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    const report = error.problems.length ? `\n\n${formatReport(error.problems)}` : "";
    console.error(`✖ ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ""}${report}`);
    return error.code;
  }
}

process.exit(await main());
