import { type CollectionEntry, getCollection } from "astro:content";
import { pinyin } from "pinyin-pro";
import { sortableText } from "../lib/site/glossary-index.ts";
import type { Locale } from "../schemas/common.ts";
import { listPerBuild } from "./per-build.ts";

export type CaseEntry = CollectionEntry<"cases">;
export type TopicEntry = CollectionEntry<"topics">;
export type TermEntry = CollectionEntry<"glossary">;

/** Cases, newest year first. */
export function getCases(): Promise<CaseEntry[]> {
  return listPerBuild("cases", async () =>
    (await getCollection("cases")).sort(
      (a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id),
    ),
  );
}

/** Topics in the order of topics.yaml. */
export function getTopics(): Promise<TopicEntry[]> {
  return listPerBuild("topics", () => getCollection("topics"));
}

const SORT_KEYS = {
  "zh-CN": (term) => pinyin(term.data.zh, { toneType: "none", separator: "" }),
  en: (term) => sortableText(term.data.en),
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
