import { type CollectionEntry, getCollection } from "astro:content";
import { pinyin } from "pinyin-pro";
import type { Locale } from "../schemas/common.ts";
import { getAllLessons } from "./courses.ts";
import { routes } from "./urls.ts";

export type CaseEntry = CollectionEntry<"cases">;
export type TopicEntry = CollectionEntry<"topics">;
export type TermEntry = CollectionEntry<"glossary">;

/** Cases, newest year first. */
export async function getCases(): Promise<CaseEntry[]> {
  return (await getCollection("cases")).sort(
    (a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id),
  );
}

/** Topics in the order of topics.yaml. */
export async function getTopics(): Promise<TopicEntry[]> {
  return getCollection("topics");
}

const SORT_KEYS = {
  "zh-CN": (term) => pinyin(term.data.zh, { toneType: "none", separator: "" }),
  en: (term) => term.data.en.toLowerCase(),
} satisfies Record<Locale, (term: TermEntry) => string>;

/** What a term sorts by: its pinyin without tones (zh, from pinyin-pro) or its English name (en). */
export function glossarySortKey(term: TermEntry, locale: Locale): string {
  return SORT_KEYS[locale](term);
}

const sortedGlossary = new Map<string, Promise<TermEntry[]>>();

/** Glossary terms sorted by pinyin (zh) or by English term (en); sorted once per locale and build. */
export function getGlossary(locale: "zh-CN" | "en"): Promise<TermEntry[]> {
  let sorted = sortedGlossary.get(locale);
  if (!sorted) {
    sorted = getCollection("glossary").then((terms) => {
      const keys = new Map(terms.map((t) => [t.id, glossarySortKey(t, locale)]));
      return [...terms].sort((a, b) =>
        (keys.get(a.id) ?? "").localeCompare(keys.get(b.id) ?? "", "en"),
      );
    });
    sortedGlossary.set(locale, sorted);
  }
  return sorted;
}

/** Something listed on a topic page. */
export interface TopicItem {
  kind: "course" | "lesson" | "policy" | "case" | "term";
  title: string;
  path: string;
}

let topicIndex: Promise<Map<string, TopicItem[]>> | undefined;

/** Everything tagged with each topic, computed once per build. */
export function getTopicIndex(): Promise<Map<string, TopicItem[]>> {
  topicIndex ??= (async () => {
    const map = new Map<string, TopicItem[]>();
    const add = (topics: string[], item: TopicItem) => {
      for (const topic of topics) {
        const list = map.get(topic);
        if (list) list.push(item);
        else map.set(topic, [item]);
      }
    };
    for (const c of await getCollection("courses"))
      add(c.data.topics, { kind: "course", title: c.data.title, path: routes.course(c.id) });
    for (const l of await getAllLessons())
      add(l.entry.data.topics, {
        kind: "lesson",
        title: l.entry.data.title,
        path: routes.lesson(l.course, l.slug),
      });
    for (const p of await getCollection("policies"))
      add(p.data.topics, { kind: "policy", title: p.data.title, path: routes.policy(p.id) });
    for (const c of await getCollection("cases"))
      add(c.data.topics, { kind: "case", title: c.data.title, path: routes.case(c.id) });
    for (const t of await getCollection("glossary"))
      add(t.data.topics, { kind: "term", title: t.data.zh, path: routes.term(t.id) });
    return map;
  })();
  return topicIndex;
}
