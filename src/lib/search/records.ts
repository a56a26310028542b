import { t } from "../../i18n/index.ts";
import { byLocale, nameIn } from "../../i18n/localized.ts";
import type { EntryBase, Locale } from "../../schemas/common.ts";
import type { GlossaryTerm } from "../../schemas/glossary.ts";
import type { Topic } from "../../schemas/topic.ts";
import { lawVersionsOf } from "../check/references/law-changes.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import { articleId } from "../law/parse-law-text.ts";
import { joinBase, routes } from "../site/routes.ts";
import { pinyinKeys } from "./pinyin.ts";
import { type VocabularyEntry, vocabularyOf } from "./vocabulary.ts";

/**
 * Search records that are not pages: glossary terms and law articles, each
 * linking to its anchor. The search index adds them to the built pages
 * (src/lib/search/indexer.ts).
 */

/** A search record that is not a page: a glossary term or a law article, linking to its anchor. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * One record per glossary term and locale, so a term is found by its Chinese,
 * English or pinyin name — including toneless and run-together pinyin a
 * phone keyboard produces.
 */
export function glossaryRecords(
  terms: readonly GlossaryTerm[],
  topics: readonly Topic[],
  base: string,
  locales: readonly Locale[] = ["zh-CN"],
): SearchRecord[] {
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  return locales.flatMap((locale) =>
    terms.map((term) => {
      const definition = byLocale(locale, {
        "zh-CN": term.definition,
        en: term.definitionEn ?? term.definition,
      });
      const other = byLocale(locale, { "zh-CN": term.definitionEn ?? "", en: term.definition });
      const topicLabels = term.topics.flatMap((id) => {
        const topic = topicById.get(id);
        return topic ? [nameIn(locale, topic)] : [];
      });
      return {
        url: joinBase(base, routes.term(term.id, locale)),
        language: "zh-cn",
        content: [`${term.zh} ${term.pinyin} ${term.en}.`, synonymLine(term), definition, other]
          .filter(Boolean)
          .join(" "),
        meta: {
          title: byLocale(locale, {
            "zh-CN": `${term.zh} · ${term.en}`,
            en: `${term.en} · ${term.zh}`,
          }),
          type: t(locale, "type.term"),
          pinyin: term.pinyin,
          // Searchable like the text, but kept out of the excerpt readers see.
          pinyin_variants: [
            ...pinyinVariants(term.pinyin),
            ...term.synonyms.map(pinyinKeys).filter(Boolean),
          ].join(" "),
          // The exact names the search page ranks first (src/components/search/results.ts).
          aliases: [term.zh, term.en, ...term.synonyms].join("|"),
        },
        filters: {
          type: [t(locale, "type.term")],
          ...(topicLabels.length ? { topic: topicLabels } : {}),
        },
      };
    }),
  );
}

/**
 * One Chinese-index record per entry written in English that declares
 * Chinese `aliases:` (a Chinese name for an English case or lesson). The
 * English page sits in Pagefind's English index, where Chinese text is not
 * split into words, so "外卖骑手" would never reach it; this record carries
 * its names into the Chinese index and links to the page itself (the search
 * page shows a URL once).
 */
export function otherLanguageRecords(kb: KnowledgeBase, base: string): SearchRecord[] {
  type Kind = "type.course" | "type.lesson" | "type.case";
  const entries: { data: EntryBase; url: string; type: Kind }[] = [
    ...kb.courses.map((e) => ({
      data: e.data,
      url: routes.course(e.id),
      type: "type.course" as const,
    })),
    ...kb.lessons.map((e) => ({
      data: e.data,
      url: routes.lesson(e.course, e.slug),
      type: "type.lesson" as const,
    })),
    ...kb.cases.map((e) => ({ data: e.data, url: routes.case(e.id), type: "type.case" as const })),
  ];
  return entries
    .filter(({ data }) => data.lang === "en" && data.aliases.some((a) => /\p{Script=Han}/u.test(a)))
    .map(({ data, url, type }) => ({
      url: joinBase(base, url),
      language: "zh-cn",
      content: [...data.aliases, data.title, data.summary].join("。"),
      meta: { title: data.title, type: t("en", type), lang: "en", aliases: data.aliases.join("|") },
      filters: { type: [t("zh-CN", type)] },
    }));
}

/** "又称：师徒制、传帮带。" — a term's synonyms as its record's text says them. */
function synonymLine(term: GlossaryTerm): string {
  return term.synonyms.length
    ? `${t("zh-CN", "entry.aliases")}${term.synonyms.join(t("zh-CN", "entry.aliasSeparator"))}。`
    : "";
}

/**
 * A search record written as a small HTML page, so that its parts can carry
 * Pagefind weights (`data-pagefind-weight`), which plain custom records cannot.
 */
export interface WeightedRecord {
  url: string;
  language: string;
  /** The result title (Pagefind meta `title`; the title field of the ranking boost). */
  title: string;
  /** Text blocks in reading order; `weight` is Pagefind's 0–10 scale, 1 when absent. */
  parts: { text: string; weight?: number }[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** How much an article's key-article note counts against its official wording (Pagefind weight). */
export const KEY_NOTE_WEIGHT = 2;

/**
 * Search records for the law articles readers are sent to: key articles and
 * every article a lesson, case or glossary term cites. Each is its own result
 * ("职业教育法（2022） 第二十四条") linking to `#art-N`. Besides the official
 * wording it carries the law's short and full title (so "职业教育法 第二十四条"
 * matches the record itself) and the plain-language notes authors wrote about
 * the article: the policy's key-article note, weighted above the wording
 * because it says in everyday words what the article is about, then the notes
 * of citing lessons and cases and the names of glossary terms that cite it.
 * So "企业 职工培训 义务" finds the article whose official wording says
 * "企业应当……对本单位的职工……实施职业教育". Other articles stay findable as
 * sections of the law page.
 */
export function articleRecords(kb: KnowledgeBase, base: string): WeightedRecord[] {
  const keyNotes = new Map<string, string[]>();
  const notes = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, policy: string, article: number, note?: string) => {
    const key = `${policy}#${article}`;
    const list = into.get(key) ?? [];
    if (note && !list.includes(note)) list.push(note);
    into.set(key, list);
  };
  for (const policy of kb.policies)
    for (const k of policy.data.keyArticles) add(keyNotes, policy.id, k.article, k.note);
  for (const entry of [...kb.lessons, ...kb.cases])
    for (const c of entry.data.cites) add(notes, c.policy, c.article, c.note);
  for (const term of kb.glossary)
    for (const source of term.data.sources) add(notes, source.policy, source.article, term.data.zh);
  const topicById = new Map(kb.topics.map((topic) => [topic.id, topic.data.zh]));
  const formerly = formerArticles(kb);
  return kb.policies.flatMap((policy) => {
    const text = kb.lawTexts.get(policy.id)?.text;
    if (!text) return [];
    const { title, shortTitle, status, topics, aliases } = policy.data;
    // Superseded and repealed texts stay findable as sections of their page;
    // stand-alone results point readers to the law in force.
    if (status === "superseded" || status === "repealed") return [];
    const topicLabels = topics.flatMap((id) => topicById.get(id) ?? []);
    return text.articles.flatMap((article) => {
      // Citations name whole articles (24); 第二十四条之一 (24-1) is keyed apart.
      const key = `${policy.id}#${articleId(article)}`;
      const summary = keyNotes.get(key);
      const cited = notes.get(key);
      // "职业教育法（1996）第二十条": an old citation finds the article it became.
      const former = formerly.get(key);
      if (!summary && !cited && !former) return [];
      const others = (cited ?? []).filter((note) => !summary?.includes(note));
      const body = article.paragraphs.map((p) => `${p.item ?? ""}${p.text}`).join(" ");
      const duty = dutyLine(body);
      const type = t("zh-CN", "type.policy");
      return [
        {
          url: joinBase(base, routes.article(policy.id, articleId(article))),
          language: "zh-cn",
          title: `${shortTitle} ${article.label}`,
          parts: [
            {
              text: [...(summary ?? []), duty].filter(Boolean).join("；"),
              weight: KEY_NOTE_WEIGHT,
            },
            { text: body },
            ...(others.length ? [{ text: others.join("；") }] : []),
            // As much a name of this article as its own number: weighted like the key notes.
            ...(former ? [{ text: former.join(" "), weight: KEY_NOTE_WEIGHT }] : []),
            // The law's other names (职教法, VEL), so "职教法 企业责任" finds its articles.
            { text: [title, ...aliases].join(" ") },
          ],
          meta: { type, lang: "zh-CN" },
          filters: {
            type: [type],
            status: [t("zh-CN", `status.${status}`)],
            ...(topicLabels.length ? { topic: topicLabels } : {}),
          },
        },
      ];
    });
  });
}

/**
 * The articles of superseded versions each article of a law in force came
 * from, by `<policy>#<article>`: "职业教育法（1996）第二十条" for 2022's 第二十四条
 * (the article maps of docs/law-versions.md). Indexed with the new article,
 * so a search for an article of an old printed handout finds the article in
 * force as well as the old text on its own page.
 */
function formerArticles(kb: KnowledgeBase): Map<string, string[]> {
  const formerly = new Map<string, string[]>();
  for (const { oldId, newId, rows } of lawVersionsOf(kb).maps.values()) {
    const old = kb.policies.find((p) => p.id === oldId);
    const articles = kb.lawTexts.get(oldId)?.text.articles ?? [];
    if (!old) continue;
    for (const row of rows)
      for (const id of row.new) {
        const labels = row.old.flatMap((o) => {
          const article = articles.find((a) => articleId(a) === o);
          return article ? [`${old.data.shortTitle}${article.label}`] : [];
        });
        if (labels.length) formerly.set(`${newId}#${id}`, labels);
      }
  }
  return formerly;
}

/**
 * What an article obliges, in the words readers search with. 应当/必须/不得
 * make an article a duty (义务性规范), but the text never says 义务; readers
 * type "企业 义务" or "用人单位 培训 义务". So each clause that opens with a
 * short subject followed by 应当/必须/不得 yields "<subject>的义务"
 * ("企业应当……" → "企业的义务"); an article with a duty but no such subject
 * yields plain "义务", and one without a duty nothing.
 */
export function dutyLine(body: string): string {
  if (!/应当|必须|不得/.test(body)) return "";
  const holders = new Set<string>();
  for (const clause of body.split(/[，。；：、,.;:\s]+/)) {
    const subject = /^([^，。；：、]{1,10}?)(?:应当|必须|不得)/.exec(clause)?.[1];
    // Connectives and time or amount phrases ("但是", "一般每日") are not who is obliged.
    if (subject && !/^(?:但|并|也|还|如|若|一般|同时|其)|[最每]/.test(subject))
      holders.add(subject);
  }
  return holders.size ? [...holders].map((holder) => `${holder}的义务`).join(" ") : "义务";
}

/**
 * The HTML Pagefind indexes for a weighted record: `<html lang>` picks the
 * segmentation; `data-pagefind-body` is needed because the site's pages use
 * it (Pagefind then skips pages without it); the title is a plain line (the
 * result title, without a heading's weight on every article of a law);
 * filters and meta are given inline.
 */
export function recordHtml(record: WeightedRecord): string {
  const attr = (value: string) => escapeHtml(value).replaceAll('"', "&quot;");
  const inline = (kind: "filter" | "meta", key: string, value: string) =>
    `<span data-pagefind-${kind}="${attr(`${key}:${value}`)}"></span>`;
  return [
    `<!doctype html><html lang="${attr(record.language)}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>`,
    `<p data-pagefind-meta="title">${escapeHtml(record.title)}</p>`,
    ...record.parts
      .filter(({ text }) => text !== "")
      .map(({ text, weight }) =>
        weight === undefined || weight === 1
          ? `<p>${escapeHtml(text)}</p>`
          : `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>`,
      ),
    ...Object.entries(record.meta).map(([key, value]) => inline("meta", key, value)),
    ...Object.entries(record.filters).flatMap(([key, values]) =>
      values.map((value) => inline("filter", key, value)),
    ),
    "</main></body></html>",
  ].join("\n");
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * Toneless spellings of a pinyin phrase: every run of two or more neighbouring
 * syllables joined ("shi dai tu" → "shidai", "daitu", "shidaitu"), with ü also
 * as "v", the usual keyboard stand-in.
 */
export function pinyinVariants(pinyin: string): string[] {
  const syllables = stripTones(pinyin)
    .toLowerCase()
    .split(/[\s'-]+/)
    .filter(Boolean);
  const variants = new Set<string>();
  for (let start = 0; start < syllables.length; start++) {
    for (let end = start + 2; end <= syllables.length; end++)
      variants.add(syllables.slice(start, end).join(""));
  }
  for (const variant of [...variants])
    if (variant.includes("ü")) variants.add(variant.replaceAll("ü", "v"));
  for (const syllable of syllables)
    if (syllable.includes("ü")) variants.add(syllable.replaceAll("ü", "v"));
  return [...variants].map((v) => v.replaceAll("ü", "u"));
}

/** "shī dài tú" → "shi dai tu"; ü keeps its dots (lǜ → lü). */
function stripTones(pinyin: string): string {
  return pinyin
    .normalize("NFD")
    .replace(/[\u0300\u0301\u0304\u030c]/g, "")
    .normalize("NFC");
}

/** Every record the search index adds to the built pages. */
export interface SearchRecords {
  terms: SearchRecord[];
  articles: WeightedRecord[];
  /** Names the search page reads besides the index (src/lib/search/vocabulary.ts). */
  vocabulary: VocabularyEntry[];
}

/** The glossary and law-article records of a knowledge base under `base`. */
export function searchRecordsOf(kb: KnowledgeBase, base: string): SearchRecords {
  return {
    terms: [
      ...glossaryRecords(
        kb.glossary.map((entry) => entry.data),
        kb.topics.map((entry) => entry.data),
        base,
      ),
      ...otherLanguageRecords(kb, base),
    ],
    articles: articleRecords(kb, base),
    vocabulary: vocabularyOf(kb, base),
  };
}
