import { existsSync } from "node:fs";
import { relative } from "node:path";
import * as prompts from "@clack/prompts";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { contentDir, knowledgeBaseLine } from "../kb/content-dir.ts";
import { formatReport } from "../kb/problems.ts";
import { askKind, completeRequest, reportCreated, wasCancelled } from "./ask.ts";
import { scaffold } from "./create.ts";
import {
  ENTITY_KINDS,
  isEntityKind,
  ScaffoldError,
  type ScaffoldRequest,
  type ScaffoldResult,
} from "./request.ts";

/** `npm run new`'s options, as typed on the command line. */
export interface NewOptions {
  /** course, lesson, policy, case or term; asked when missing in a terminal. */
  kind?: string | undefined;
  /** The content folder (default: content, or $UNION_KB_CONTENT). */
  contentDir?: string | undefined;
  title?: string | undefined;
  titleEn?: string | undefined;
  slug?: string | undefined;
  course?: string | undefined;
  zh?: string | undefined;
  en?: string | undefined;
  pinyin?: string | undefined;
  definition?: string | undefined;
  /** (event) a campaign template of content/campaigns.yaml. */
  campaign?: string | undefined;
  /** (event from a campaign) the year; default this year. */
  year?: string | undefined;
  /** (case) it really happened; default: marked fictional. */
  real?: boolean | undefined;
}

export interface NewIo {
  output?: CliOutput;
  /** Ask for what is missing (default: when stdin and stdout are a terminal). */
  interactive?: boolean;
}

/**
 * `npm run new`: creates one entry from a template (see scaffold), asking for
 * what the options leave out when run in a terminal, and prints the next steps.
 * Returns 0 when created or cancelled, or the ScaffoldError's code (1 exists or
 * did not pass the check, 2 an unusable answer) after printing the refusal.
 * @throws CliError 2 for an unknown kind, a missing content folder, or a missing
 * option when not in a terminal.
 */
export async function runNew(options: NewOptions, io: NewIo = {}): Promise<number> {
  const output = io.output ?? console;
  const interactive = io.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const dir = contentDir(process.cwd(), options.contentDir);
  if (!existsSync(dir)) throw new CliError(2, `The content folder ${dir} does not exist.`);
  output.log(knowledgeBaseLine(dir));
  const { kind } = options;
  if (kind !== undefined && !isEntityKind(kind)) {
    throw new CliError(2, `Unknown kind “${kind}”: use one of ${ENTITY_KINDS.join(", ")}.`);
  }
  if (!kind && !interactive) {
    throw new CliError(
      2,
      "Say what to create: course, lesson, policy, case, term, event or question.",
    );
  }
  try {
    if (interactive) prompts.intro("Union KB · 新建 (new entry)");
    const request = await completeRequest(
      {
        kind: kind ?? (await askKind()),
        contentDir: dir,
        title: options.title,
        titleEn: options.titleEn,
        slug: options.slug,
        course: options.course,
        fictional: options.real ? false : undefined,
        zh: options.zh,
        en: options.en,
        pinyin: options.pinyin,
        definition: options.definition,
        campaign: options.campaign,
        year: options.year,
      },
      interactive,
    );
    const text = createdText(request, scaffold(request));
    reportCreated(text, interactive, output);
    return EXIT.ok;
  } catch (error) {
    if (wasCancelled(error)) return EXIT.ok;
    if (!(error instanceof ScaffoldError)) throw error;
    const report = error.problems.length ? `\n\n${formatReport(error.problems)}` : "";
    output.error(`✖ ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ""}${report}`);
    return error.code;
  }
}

/** The closing message: what was created, its warnings and the next steps. */
function createdText(request: ScaffoldRequest, result: ScaffoldResult): string {
  const shown = relative(process.cwd(), result.path) || result.path;
  const verb =
    request.kind === "term"
      ? `Added the term “${result.id}” to`
      : request.kind === "question"
        ? `Added the question “${result.id}” to`
        : "Created";
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
  return lines.join("\n");
}
