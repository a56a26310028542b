import * as prompts from "@clack/prompts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { listCourses } from "./courses.ts";
import type { EntityKind, ScaffoldRequest } from "./request.ts";
import { pinyinOf, slugFromTitle } from "./slug.ts";

/** The author pressed Ctrl+C in a prompt. */
export class Cancelled extends Error {}

/** Says what a command created: in the prompts' closing frame, or as plain lines for scripts. */
export function reportCreated(text: string, interactive: boolean, output: CliOutput): void {
  if (interactive) prompts.outro(text);
  else output.log(text);
}

/** Whether `error` is Ctrl+C in a prompt; if so it says that nothing was created. */
export function wasCancelled(error: unknown): boolean {
  if (!(error instanceof Cancelled)) return false;
  prompts.cancel("Cancelled: nothing was created. (已取消，未创建任何文件)");
  return true;
}

/** A prompt's answer, or Cancelled when the author pressed Ctrl+C. */
export function answer<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) throw new Cancelled();
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

/** Asks what to create. */
export async function askKind(): Promise<EntityKind> {
  return answer(
    await prompts.select({
      message: "新建什么？ (what to create)",
      options: [
        { value: "lesson", label: "课时 lesson" },
        { value: "course", label: "课程 course" },
        { value: "case", label: "案例 case" },
        { value: "policy", label: "政策法规摘要 policy summary" },
        { value: "term", label: "术语 glossary term" },
        { value: "event", label: "活动 event" },
        { value: "question", label: "题目 question (question bank)" },
      ],
    }),
  ) as EntityKind;
}

/**
 * Fills in what the options left out by asking, or, when not in a terminal,
 * refuses with CliError 2 naming the missing option.
 * @throws Cancelled when the author presses Ctrl+C.
 */
export async function completeRequest(
  request: ScaffoldRequest,
  interactive: boolean,
): Promise<ScaffoldRequest> {
  const missing = (option: string) => {
    if (!interactive) throw new CliError(2, `${option} is required for ${request.kind}.`);
  };
  if ((request.kind === "lesson" || request.kind === "question") && !request.course) {
    missing("--course");
    const courses = listCourses(request.contentDir);
    if (!courses.length)
      throw new CliError(
        2,
        'There is no course yet: create one first with npm run new -- course --title "…".',
      );
    request.course = answer(
      await prompts.select({
        message: "哪门课程？ (which course)",
        options: courses.map((c) => ({ value: c, label: c })),
      }),
    );
  }
  if (request.kind === "question") return request;
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
  // An event made from a campaign template takes its title from the template.
  if (!request.title && !(request.kind === "event" && request.campaign)) {
    missing("--title");
    const what = { course: "课程", lesson: "课时", policy: "法规", case: "案例", event: "活动" }[
      request.kind
    ];
    request.title = await ask(`${what}标题 (title)`, "企业的培训义务");
  }
  if (interactive && !request.slug && request.title) {
    request.slug = await ask(
      "网址名 (address: letters, digits, dashes)",
      "",
      slugFromTitle(request.title),
    );
  }
  // Asked only when --real was not given.
  if (request.kind === "case" && interactive && request.fictional === undefined) {
    request.fictional = answer(
      await prompts.confirm({
        message: "是虚构案例吗？ (is the case invented?)",
        initialValue: true,
      }),
    );
  }
  return request;
}
