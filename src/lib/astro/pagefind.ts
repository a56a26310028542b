import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";
import type { GlossaryTerm } from "../../schemas/glossary.ts";
import type { Topic } from "../../schemas/topic.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../content-check/load.ts";
import { joinBase, routes } from "../routes.ts";

/** What the search index holds after a build, for the build log and the size report. */
export interface IndexStats {
  pages: number;
  glossaryRecords: number;
  articleRecords: number;
  bytes: number;
  fragments: number;
  files: number;
  seconds: number;
}

/** A search record that is not a page: a glossary term or a law article, linking to its anchor. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Runs Pagefind over the built site in `astro:build:done`, so `npm run build`
 * alone yields a searchable site. Pages are indexed from the HTML (their
 * `lang` decides the Chinese segmentation); glossary terms are added as
 * records of their own so a term is found by its Chinese, English or pinyin
 * name — including toneless and run-together pinyin a phone keyboard produces.
 */
export function pagefindSearch(options: { contentDir: string }): AstroIntegration {
  let base = "/";
  return {
    name: "union-kb-pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": async ({ dir }) => {
        const stats = await buildSearchIndex({
          root: fileURLToPath(dir),
          base,
          contentDir: options.contentDir,
        });
        // Printed directly: `npm run build` runs Astro at log level "warn", and this line is the build's report.
        console.log(
          `Search: indexed ${stats.pages} pages, ${stats.glossaryRecords} glossary terms and ${stats.articleRecords} law articles in ${stats.seconds.toFixed(1)} s ` +
            `(${(stats.bytes / 1024).toFixed(0)} KB in ${stats.files} files, ${stats.fragments} fragments).`,
        );
      },
    },
  };
}

/**
 * Indexes the HTML under `root` and the glossary, writes `root/pagefind/`.
 * Throws when Pagefind reports errors, so a build never ships a broken index.
 */
export async function buildSearchIndex(options: {
  root: string;
  base: string;
  contentDir: string;
}): Promise<IndexStats> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    const added = await index.addDirectory({ path: options.root });
    if (added.errors.length)
      throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const kb = loadKnowledgeBase(options.contentDir).kb;
    const terms = glossaryRecords(
      kb.glossary.map((entry) => entry.data),
      kb.topics.map((entry) => entry.data),
      options.base,
    );
    const articles = articleRecords(kb, options.base);
    for (const record of [...terms, ...articles]) {
      const result = await index.addCustomRecord(record);
      if (result.errors.length)
        throw new Error(`Pagefind could not index ${record.url}: ${result.errors.join("; ")}`);
    }
    const outputPath = join(options.root, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    return {
      pages: added.page_count,
      glossaryRecords: terms.length,
      articleRecords: articles.length,
      ...indexSize(outputPath),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pagefind.close();
  }
}

/** Bytes and file counts of a written Pagefind bundle (`fragments` = files under fragment/). */
export function indexSize(outputPath: string): { bytes: number; files: number; fragments: number } {
  let bytes = 0;
  let files = 0;
  let fragments = 0;
  const walk = (dir: string, inFragments: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, inFragments || entry.name === "fragment");
      else {
        bytes += statSync(path).size;
        files += 1;
        if (inFragments) fragments += 1;
      }
    }
  };
  walk(outputPath, false);
  return { bytes, files, fragments };
}

/**
 * Search records for glossary terms, one per term. They go into the Chinese
 * index, which both search pages use (the content is Chinese; English titles
 * and definitions are part of it), and link to the glossary of `locales`. The
 * content repeats the pinyin without tones, run together and in every run of
 * neighbouring syllables ("zhigong jiaoyu"), because readers type pinyin the
 * way their keyboard lets them. Pagefind already ignores the tone marks.
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
      const definition = locale === "en" ? (term.definitionEn ?? term.definition) : term.definition;
      const other = locale === "en" ? term.definition : (term.definitionEn ?? "");
      const topicLabels = term.topics.flatMap((id) => {
        const topic = topicById.get(id);
        return topic ? [locale === "en" ? topic.en : topic.zh] : [];
      });
      return {
        url: joinBase(base, routes.term(term.id, locale)),
        language: "zh-cn",
        content: [
          `${term.zh} ${term.pinyin} ${term.en}.`,
          definition,
          other,
          pinyinVariants(term.pinyin).join(" "),
        ]
          .filter(Boolean)
          .join(" "),
        meta: {
          title: locale === "en" ? `${term.en} · ${term.zh}` : `${term.zh} · ${term.en}`,
          type: t(locale, "type.term"),
          pinyin: term.pinyin,
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
 * Search records for the law articles readers are sent to: key articles and
 * every article a lesson, case or glossary term cites. Each is its own result
 * ("职业教育法（2022）第二十四条") linking to `#art-N`, and carries the
 * plain-language notes authors wrote about it, so "企业 职工培训" finds the
 * article whose official wording says "企业应当……对本单位的职工……实施职业教育".
 * Other articles stay findable as sections of the law page.
 */
export function articleRecords(kb: KnowledgeBase, base: string): SearchRecord[] {
  const notes = new Map<string, string[]>();
  const add = (policy: string, article: number, note: string | undefined) => {
    const key = `${policy}#${article}`;
    const list = notes.get(key) ?? [];
    if (note && !list.includes(note)) list.push(note);
    notes.set(key, list);
  };
  for (const policy of kb.policies)
    for (const k of policy.data.keyArticles) add(policy.id, k.article, k.note);
  for (const entry of [...kb.lessons, ...kb.cases])
    for (const c of entry.data.cites) add(c.policy, c.article, c.note);
  for (const term of kb.glossary)
    for (const source of term.data.sources) add(source.policy, source.article, term.data.zh);
  const topicById = new Map(kb.topics.map((topic) => [topic.id, topic.data.zh]));
  return kb.policies.flatMap((policy) => {
    const text = kb.lawTexts.get(policy.id)?.text;
    if (!text) return [];
    const { title, shortTitle, status, topics } = policy.data;
    // Superseded and repealed texts stay findable as sections of their page;
    // stand-alone results point readers to the law in force.
    if (status === "superseded" || status === "repealed") return [];
    const topicLabels = topics.flatMap((id) => topicById.get(id) ?? []);
    return text.articles.flatMap((article) => {
      const extra = notes.get(`${policy.id}#${article.number}`);
      if (!extra) return [];
      const body = article.paragraphs.map((p) => `${p.item ?? ""}${p.text}`).join(" ");
      // 应当/必须/不得 make an article a duty (义务性规范); readers ask for 义务, the text never says it.
      const duty = /应当|必须|不得/.test(body) ? "义务" : "";
      return [
        {
          url: joinBase(base, routes.article(policy.id, article.number)),
          language: "zh-cn",
          content: [`${shortTitle} ${article.label}.`, body, extra.join("；"), title, duty].join(
            " ",
          ),
          meta: { title: `${shortTitle} ${article.label}`, type: t("zh-CN", "type.policy") },
          filters: {
            type: [t("zh-CN", "type.policy")],
            status: [t("zh-CN", `status.${status}`)],
            ...(topicLabels.length ? { topic: topicLabels } : {}),
          },
        },
      ];
    });
  });
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
