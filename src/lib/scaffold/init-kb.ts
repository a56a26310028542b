import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import * as prompts from "@clack/prompts";
import { checkKnowledgeBase } from "../check/check.ts";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { toolRoot } from "../kb/content-dir.ts";
import { formatReport } from "../kb/problems.ts";
import { answer, reportCreated, wasCancelled } from "./ask.ts";
import { importLaw } from "./import-law.ts";
import {
  exampleCourseYaml,
  exampleLessonMdx,
  GITIGNORE,
  GLOSSARY_YAML,
  type KbSettings,
  NPMRC,
  packageJson,
  readmeMd,
  siteYaml,
  TOPICS_YAML,
  VSCODE_EXTENSIONS,
  VSCODE_SETTINGS,
} from "./kb-files.ts";
import { slugFromTitle } from "./slug.ts";
import { localToday } from "./today.ts";

/** `union-kb init`'s options, as typed on the command line. */
export interface InitOptions {
  folder?: string | undefined;
  name?: string | undefined;
  nameEn?: string | undefined;
  organisation?: string | undefined;
  url?: string | undefined;
  base?: string | undefined;
  locale?: string | undefined;
  /** Official law texts the tool ships to import as policies: slugs, "all" or "none". */
  laws?: string | undefined;
  /** The union-kb dependency for package.json (a version, or a path to a .tgz). */
  tool?: string | undefined;
  /** No example course. */
  empty?: boolean | undefined;
  /** Take the defaults for everything not given, without asking. */
  yes?: boolean | undefined;
}

export interface InitIo {
  output?: CliOutput;
  /** Ask for what is missing (default: in a terminal, unless --yes). */
  interactive?: boolean;
  /** Relative folders are taken from here (npm run sets INIT_CWD to the caller's folder). */
  cwd?: string;
  today?: string;
}

const DEFAULTS: KbSettings = {
  name: "职工教育知识库",
  nameEn: "Workers' Education Knowledge Base",
  organisation: "工会宣传教育部",
  url: "https://kb.example.org",
  base: "/",
  defaultLocale: "zh-CN",
};

/** The official law texts the tool ships: the sample's policies with a text.zh.md. */
export function shippedLaws(root = toolRoot()): string[] {
  const dir = join(root, "content", "policies");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, "text.zh.md")))
    .sort();
}

function pickLaws(given: string | undefined, available: string[]): string[] {
  if (given === undefined || given === "none" || given === "") return [];
  if (given === "all") return available;
  const wanted = given
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((slug) => !available.includes(slug));
  if (unknown.length)
    throw new CliError(
      2,
      `Unknown law text “${unknown.join(", ")}”: use all, none or some of ${available.join(", ")}.`,
    );
  return wanted;
}

async function askText(message: string, initial: string): Promise<string> {
  return answer(
    await prompts.text({
      message,
      initialValue: initial,
      validate: (v) => (v?.trim() ? undefined : "必填 (required)"),
    }),
  ).trim();
}

/** Refuses a folder that exists and is not empty: init never writes over anything. */
function checkTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new CliError(1, `${target} is a file; nothing was written.`, "choose a new folder name");
  const entries = readdirSync(target);
  if (entries.length)
    throw new CliError(
      1,
      `${target} already exists and is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); nothing was written.`,
      "init never writes into a folder that has files: choose a new folder name",
    );
}

/**
 * `union-kb init <folder>`: creates a new knowledge base in a new (or empty)
 * folder: site.yaml, topics, an empty glossary, an example course with one
 * lesson (unless `empty`), a README for authors, package.json, .gitignore,
 * .npmrc and editor settings, and the official law texts asked for as
 * policies. Everything is written into a temporary folder next to it and
 * renamed into place once the check passes, so a failed init leaves nothing.
 * Returns 0 when created or cancelled.
 * @throws CliError 2 for a missing folder or unknown option value, 1 for a
 * folder that is not empty.
 */
export async function initKnowledgeBase(options: InitOptions, io: InitIo = {}): Promise<number> {
  const output = io.output ?? console;
  const cwd = io.cwd ?? process.cwd();
  const interactive =
    !options.yes && (io.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY));
  try {
    if (interactive) prompts.intro("Union KB · 新建知识库 (new knowledge base)");
    let folder = options.folder;
    if (!folder) {
      if (!interactive)
        throw new CliError(2, "Say where to create the knowledge base: union-kb init <folder>.");
      folder = await askText("文件夹 (folder for the new knowledge base)", "my-union-kb");
    }
    const target = resolve(cwd, folder);
    checkTarget(target);
    const ask = async (given: string | undefined, message: string, fallback: string) =>
      given ?? (interactive ? await askText(message, fallback) : fallback);
    const name = await ask(options.name, "知识库名称 (name)", DEFAULTS.name);
    const settings: KbSettings = {
      name,
      nameEn: await ask(options.nameEn, "英文名称 (name in English)", DEFAULTS.nameEn),
      organisation: await ask(
        options.organisation,
        "主办单位 (organisation)",
        DEFAULTS.organisation,
      ),
      url: await ask(options.url, "公开网址 (public address)", DEFAULTS.url),
      base: await ask(options.base, "子文件夹 (base path, / for none)", DEFAULTS.base),
      defaultLocale: "zh-CN",
    };
    const locale =
      options.locale ??
      (interactive
        ? answer(
            await prompts.select({
              message: "默认语言 (default language)",
              options: [
                { value: "zh-CN", label: "中文 zh-CN" },
                { value: "en", label: "English en" },
              ],
            }),
          )
        : DEFAULTS.defaultLocale);
    if (locale !== "zh-CN" && locale !== "en")
      throw new CliError(2, `--locale must be zh-CN or en, not “${locale}”.`);
    settings.defaultLocale = locale;
    const available = shippedLaws();
    const laws =
      options.laws === undefined && interactive && available.length
        ? answer(
            await prompts.multiselect({
              message:
                "导入 Union KB 自带的法律全文作为政策法规？(copy official law texts; space to pick)",
              options: available.map((slug) => ({ value: slug, label: slug })),
              required: false,
            }),
          )
        : pickLaws(options.laws, available);
    const created = writeKnowledgeBase(target, settings, {
      laws,
      tool: options.tool,
      empty: Boolean(options.empty),
      today: io.today ?? localToday(),
    });
    const text = createdText(target, cwd, created, laws, options.tool);
    reportCreated(text, interactive, output);
    return EXIT.ok;
  } catch (error) {
    if (wasCancelled(error)) return EXIT.ok;
    throw error;
  }
}

/** Writes every file into a temporary sibling folder, checks it, and renames it into place. */
function writeKnowledgeBase(
  target: string,
  settings: KbSettings,
  extra: { laws: string[]; tool: string | undefined; empty: boolean; today: string },
): string[] {
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.init-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const files: Record<string, string> = {
    "site.yaml": siteYaml(settings),
    "topics.yaml": TOPICS_YAML,
    "glossary.yaml": GLOSSARY_YAML,
    "README.md": readmeMd(settings),
    "package.json": packageJson(slugFromTitle(basename(target)) || "union-kb-site", extra.tool),
    ".gitignore": GITIGNORE,
    ".npmrc": NPMRC,
    ".vscode/settings.json": VSCODE_SETTINGS,
    ".vscode/extensions.json": VSCODE_EXTENSIONS,
    ...(extra.empty
      ? {}
      : {
          "courses/example-course/course.yaml": exampleCourseYaml(extra.today),
          "courses/example-course/01-course-files.mdx": exampleLessonMdx(extra.today),
        }),
  };
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, path)), { recursive: true });
      writeFileSync(join(temp, path), text, "utf8");
    }
    const laws = join(toolRoot(), "content", "policies");
    for (const slug of extra.laws)
      importLaw({
        file: join(laws, slug, "text.zh.md"),
        slug,
        contentDir: temp,
        today: extra.today,
      });
    const result = checkKnowledgeBase(temp);
    if (result.errors)
      throw new CliError(
        1,
        `The new knowledge base did not pass the check; nothing was kept.\n\n${formatReport(result.problems)}`,
      );
    if (existsSync(target)) rmSync(target, { recursive: false, force: true });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return [...Object.keys(files), ...extra.laws.map((slug) => `policies/${slug}/`)];
}

function createdText(
  target: string,
  cwd: string,
  created: string[],
  laws: string[],
  tool: string | undefined,
): string {
  const near = relative(cwd, target);
  const shown = near === "" ? "." : near.startsWith("..") ? target : near;
  const lines = [
    `✔ Created a new knowledge base in ${target}`,
    ...created.map((file) => `  ${file}`),
    "",
    "Next steps:",
    `  cd ${shown.includes(" ") ? JSON.stringify(shown) : shown}`,
    "  git init && git add -A && git commit -m 'New knowledge base'   (keep it in its own repository)",
    tool
      ? "  npm install                       (installs union-kb and the Node 24 it runs on)"
      : "  npm install /path/to/union-kb-<version>.tgz   (npm pack in the Union KB folder makes it)",
    "  npm run check && npm run build    (the site goes to dist/)",
  ];
  if (laws.length)
    lines.push(`  replace the TODOs in policies/*/index.mdx (${laws.length} imported law text(s))`);
  return lines.join("\n");
}
