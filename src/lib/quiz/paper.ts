import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { translator } from "../../i18n/index.ts";
import { checkKnowledgeBase } from "../check/check.ts";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { printPage } from "../handouts/print-page.ts";
import { contentDir, defaultHandoutsDir, knowledgeBaseLine } from "../kb/content-dir.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import { intToChinese } from "../law/chinese-numerals.ts";
import { drawQuestions, TYPE_ORDER } from "./draw.ts";
import { type QuizItem, quizItem } from "./items.ts";
import { answerKeyHtml, answerSheetHtml, type PaperInput, paperHtml } from "./paper-html.ts";

/** `npm run paper`'s options, as typed on the command line. */
export interface PaperOptions {
  course?: string | undefined;
  /** Comma-separated topic ids: only questions with one of them. */
  topics?: string | undefined;
  count?: string | undefined;
  seed?: string | undefined;
  title?: string | undefined;
  out?: string | undefined;
  content?: string | undefined;
}

/** The three PDFs of one paper, by their part. */
export const PAPER_PARTS = ["paper", "answer-sheet", "answer-key"] as const;

function positiveInt(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000_000)
    throw new CliError(2, `${option} must be a whole number from 1, not "${value}".`);
  return Number(value);
}

/** The course's questions as a paper shows them (articles in full), filtered by topics. */
function questionPool(kb: KnowledgeBase, course: string, topics: string[]): QuizItem[] {
  const lang = kb.courses.find((c) => c.id === course)?.data.lang ?? "zh-CN";
  const tr = translator(lang);
  const title = (policy: string) =>
    kb.policies.find((p) => p.id === policy)?.data.shortTitle ?? policy;
  return kb.questions
    .filter((q) => q.course === course)
    .filter((q) => topics.length === 0 || q.data.topics.some((t) => topics.includes(t)))
    .map((q) => {
      const item = quizItem(q.id, course, q.data, [tr("quiz.true"), tr("quiz.false")], {
        shortTitle: title,
        article: (policy, article) =>
          kb.lawTexts.get(policy)?.text.articles.find((a) => a.number === article),
        href: (policy, article) => `/policies/${policy}/#art-${article}`,
        label: (short, article) => `《${short}》第${intToChinese(article)}条`,
      });
      // Balance by the asked topics first: a question's first asked topic leads.
      const asked = item.topics.filter((t) => topics.includes(t));
      return { ...item, topics: [...asked, ...item.topics.filter((t) => !asked.includes(t))] };
    });
}

/** Serves the three pages and the print fonts on 127.0.0.1 while Chromium prints them. */
async function servePages(pages: Record<string, string>) {
  const fonts = dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/400.css"));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(page);
      return;
    }
    const font = /^\/fonts\/((?:files\/)?[\w.-]+\.(?:css|woff2?))$/.exec(path)?.[1];
    if (font && basename(font) !== "..") {
      try {
        const body = readFileSync(join(fonts, font));
        response.writeHead(200, {
          "content-type": font.endsWith(".css") ? "text/css" : `font/${font.split(".").pop()}`,
        });
        response.end(body);
        return;
      } catch {
        // falls through to 404
      }
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * `npm run paper`: draws a paper from a course's question bank (the same seed
 * gives the same paper) and prints the paper, its answer sheet and its answer
 * key as A4 PDFs. Returns 0, or 1 when printing failed.
 * @throws CliError 2 for bad options or an unknown course, 1 when the
 * knowledge base has errors or too few questions match.
 */
export async function writePaper(
  options: PaperOptions,
  output: CliOutput = console,
): Promise<number> {
  const content = contentDir(process.cwd(), options.content);
  output.log(knowledgeBaseLine(content));
  const count = positiveInt(options.count, "--count", 50);
  const seed = positiveInt(options.seed, "--seed", 1);
  const { kb, errors } = checkKnowledgeBase(content);
  if (errors)
    throw new CliError(
      1,
      `The knowledge base has ${errors} error(s): run npm run check and fix them first.`,
    );
  const courses = kb.courses.map((c) => c.id).sort();
  const course = options.course;
  if (!course) throw new CliError(2, `--course is required: one of ${courses.join(", ")}.`);
  const entry = kb.courses.find((c) => c.id === course);
  if (!entry)
    throw new CliError(2, `There is no course “${course}”: use one of ${courses.join(", ")}.`);
  const topics = (options.topics ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = topics.filter((t) => !kb.topics.some((k) => k.id === t));
  if (unknown.length)
    throw new CliError(
      2,
      `Unknown topic(s) ${unknown.join(", ")}: use ids of topics.yaml (${kb.topics.map((t) => t.id).join(", ")}).`,
    );
  const pool = questionPool(kb, course, topics);
  if (pool.length < count) {
    const byType = TYPE_ORDER.map((t) => `${t} ${pool.filter((q) => q.type === t).length}`).join(
      ", ",
    );
    throw new CliError(
      1,
      `--count ${count} asks for more questions than exist: “${course}”${topics.length ? ` with topics ${topics.join(", ")}` : ""} has ${pool.length} (${byType}). Ask for ${pool.length} or fewer, or add questions to ${join("courses", course, "questions.yaml")}.`,
    );
  }
  const items = drawQuestions(pool, count, seed);
  const lang = entry.data.lang;
  const input: PaperInput = {
    title: options.title?.trim() || entry.data.title,
    organisation:
      (lang === "en" ? kb.site?.data.organisationEn : undefined) ??
      kb.site?.data.organisation ??
      "",
    course: entry.data.title,
    seed,
    items,
    lang,
    tr: translator(lang),
  };
  const pages = {
    "/paper.html": paperHtml(input),
    "/answer-sheet.html": answerSheetHtml(input),
    "/answer-key.html": answerKeyHtml(input),
  };
  const out = resolve(options.out ?? defaultHandoutsDir(content));
  const { server, origin } = await servePages(pages);
  let browser: Browser | undefined;
  try {
    browser = await (await import("../browser/launch.ts")).launchChromium();
    mkdirSync(out, { recursive: true });
    for (const part of PAPER_PARTS) {
      const pdf = await printPage(browser, {
        url: `${origin}/${part}.html`,
        origin,
        paper: "A4",
        paperOverride: false,
      });
      const target = join(out, `${course}-${seed}-${part}.pdf`);
      writeFileSync(`${target}.partial`, pdf);
      renameSync(`${target}.partial`, target);
      output.log(`${target} (${Math.round(pdf.byteLength / 1024)} KB)`);
    }
  } catch (error) {
    output.error(`\nPaper failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.content;
  } finally {
    await browser?.close();
    server.close();
  }
  const types = TYPE_ORDER.map((t) => `${items.filter((q) => q.type === t).length} ${t}`).join(
    ", ",
  );
  output.log(`Drew ${items.length} of ${pool.length} questions (${types}) with seed ${seed}.`);
  return EXIT.ok;
}
