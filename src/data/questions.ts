import { type CollectionEntry, getCollection } from "astro:content";
import { nameIn, translator } from "../i18n/index.ts";
import { intToChinese } from "../lib/law/chinese-numerals.ts";
import { drawQuestions } from "../lib/quiz/draw.ts";
import { type QuizItem, quizItem, seedOf } from "../lib/quiz/items.ts";
import type { Locale } from "../schemas/common.ts";
import { getArticle, getPolicies } from "./policies.ts";
import { href, routes } from "./urls.ts";

export type QuestionEntry = CollectionEntry<"questions">;

/** How many questions a lesson's or course's self-test shows. */
export const SELF_TEST_SIZE = 5;

/** The course of a question: its id is `<course>/<question id>`. */
export const courseOf = (entry: Pick<QuestionEntry, "id">): string =>
  entry.id.slice(0, entry.id.indexOf("/"));

let all: Promise<QuizItem[]> | undefined;

/** Every question of every course as a page shows it, computed once per build. */
export function getQuizItems(): Promise<QuizItem[]> {
  all ??= (async () => {
    const entries = await getCollection("questions");
    const courses = new Map((await getCollection("courses")).map((c) => [c.id, c.data.lang]));
    const titles = new Map((await getPolicies()).map((p) => [p.id, p.data.shortTitle]));
    const articles = new Map<string, Awaited<ReturnType<typeof getArticle>>>();
    for (const entry of entries) {
      for (const cite of entry.data.cites) {
        const key = `${cite.policy}#${cite.article}`;
        if (!articles.has(key)) articles.set(key, await getArticle(cite.policy, cite.article));
      }
    }
    return entries.map((entry) => {
      const course = courseOf(entry);
      const tr = translator(courses.get(course) ?? "zh-CN");
      return quizItem(entry.id, course, entry.data, [tr("quiz.true"), tr("quiz.false")], {
        shortTitle: (policy) => titles.get(policy) ?? policy,
        article: (policy, article) => articles.get(`${policy}#${article}`),
        href: (policy, article) => href(routes.article(policy, article)),
        label: (title, article) => `《${title}》第${intToChinese(article)}条`,
      });
    });
  })();
  return all;
}

/** The lesson of each question that names one, by question id. */
async function lessonsOf(): Promise<Map<string, string | undefined>> {
  return new Map((await getCollection("questions")).map((e) => [e.id, e.data.lesson]));
}

/** A short self-test for a lesson: its own questions (up to SELF_TEST_SIZE), the same on every build. */
export async function lessonSelfTest(course: string, slug: string): Promise<QuizItem[]> {
  const lessons = await lessonsOf();
  const pool = (await getQuizItems()).filter(
    (q) => q.course === course && lessons.get(q.id) === slug,
  );
  return drawQuestions(pool, Math.min(SELF_TEST_SIZE, pool.length), seedOf(`${course}/${slug}`));
}

/** A short self-test for a course page, drawn from all its questions. */
export async function courseSelfTest(course: string): Promise<QuizItem[]> {
  const pool = (await getQuizItems()).filter((q) => q.course === course);
  return drawQuestions(pool, Math.min(SELF_TEST_SIZE, pool.length), seedOf(course));
}

/** A set of questions the quiz page offers: all, one course's, or one topic's. */
export interface QuizScope {
  /** `all`, `course:<id>` or `topic:<id>`. */
  id: string;
  label: string;
  /** Indexes into the page's question list. */
  questions: number[];
}

/** What the quiz page of one UI language shows: its questions and the scopes to pick from. */
export interface QuizPageData {
  items: QuizItem[];
  scopes: QuizScope[];
}

/**
 * The quiz page's questions (the courses written in `locale`) and the scopes
 * a visitor can pick: all of them, each course, each topic, leaving out a
 * scope with fewer questions than one level needs.
 */
export async function quizPageData(
  locale: Locale,
  perLevel: number,
  allLabel: (count: number) => string,
): Promise<QuizPageData> {
  const courses = (await getCollection("courses")).filter((c) => c.data.lang === locale);
  const ids = new Set(courses.map((c) => c.id));
  const items = (await getQuizItems())
    .filter((q) => ids.has(q.course))
    .map(({ cites, ...item }) => ({
      ...item,
      // The kiosk page names the articles; their full text is on the lesson pages and the policy page.
      cites: cites.map((c) => ({ ...c, paragraphs: [] })),
    }));
  const indexes = (keep: (q: QuizItem) => boolean) => items.flatMap((q, i) => (keep(q) ? [i] : []));
  const scopes: QuizScope[] = [
    { id: "all", label: allLabel(items.length), questions: indexes(() => true) },
    ...courses.map((c) => ({
      id: `course:${c.id}`,
      label: c.data.title,
      questions: indexes((q) => q.course === c.id),
    })),
    ...(await getCollection("topics")).map((t) => ({
      id: `topic:${t.id}`,
      label: nameIn(locale, t.data),
      questions: indexes((q) => q.topics.includes(t.id)),
    })),
  ];
  return { items, scopes: scopes.filter((s) => s.questions.length >= perLevel) };
}

/** The UI languages that have questions: the quiz page exists only in those. */
export async function quizLocales(): Promise<Locale[]> {
  const langs = new Map((await getCollection("courses")).map((c) => [c.id, c.data.lang]));
  const found = new Set((await getCollection("questions")).map((q) => langs.get(courseOf(q))));
  return (["zh-CN", "en"] as const).filter((l) => found.has(l));
}
