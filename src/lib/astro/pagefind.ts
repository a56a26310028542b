import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";
import type { GlossaryTerm } from "../../schemas/glossary.ts";
import type { Topic } from "../../schemas/topic.ts";
import { astroChildSettings, partSizeFromEnv } from "../env.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../kb/load.ts";
import { articleId } from "../law/parse-law-text.ts";
import { restoreSearchIndex, saveSearchIndex, searchInputDigest } from "../search/cache.ts";
import { PARTS_MANIFEST, type PartsManifest, partFolder } from "../search/manifest.ts";
import {
  type SearchablePage,
  type Sized,
  searchablePages,
  splitIntoParts,
} from "../search/parts.ts";
import { joinBase, routes } from "../site/routes.ts";

/** Pagefind's version, part of the search cache key (a new version re-indexes). */
function pagefindVersion(): string {
  try {
    const manifest = new URL("../package.json", import.meta.resolve("pagefind"));
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** What the search index holds after a build, for the build log and the size report. */
export interface IndexStats {
  pages: number;
  glossaryRecords: number;
  articleRecords: number;
  bytes: number;
  fragments: number;
  files: number;
  seconds: number;
  /** Separate Pagefind bundles the index was split into (see src/lib/search/parts.ts). */
  parts: number;
  /** True when the index was copied from the previous build (same pages and records). */
  reused?: boolean;
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
        // `npm run build` indexes after Astro's process has ended (scripts/build.ts).
        if (astroChildSettings().indexLater) return;
        const stats = await buildSearchIndex({
          root: fileURLToPath(dir),
          base,
          contentDir: options.contentDir,
        });
        console.log(describeIndex(stats));
      },
    },
  };
}

/** The build log's line about the search index. */
export function describeIndex(stats: IndexStats): string {
  if (stats.reused)
    return `Search: pages unchanged, reused the previous index of ${stats.pages} pages in ${stats.seconds.toFixed(1)} s (${(stats.bytes / 1024).toFixed(0)} KB).`;
  return (
    `Search: indexed ${stats.pages} pages, ${stats.glossaryRecords} glossary terms and ${stats.articleRecords} law articles in ${stats.seconds.toFixed(1)} s ` +
    `(${(stats.bytes / 1024).toFixed(0)} KB in ${stats.files} files, ${stats.fragments} fragments${stats.parts > 1 ? `, ${stats.parts} parts` : ""}).`
  );
}

/**
 * Indexes the HTML under `root` and the glossary, writes `root/pagefind/`.
 * With `cacheDir`, an index built from exactly the same pages and records is
 * copied from the cache instead (see search-index-cache.ts).
 * Throws when Pagefind reports errors, so a build never ships a broken index.
 */
export async function buildSearchIndex(options: {
  root: string;
  base: string;
  contentDir: string;
  cacheDir?: string;
  /** The knowledge base when the caller has loaded it already. */
  kb?: KnowledgeBase;
  /** Characters per part (default: partSizeFromEnv()). */
  partChars?: number;
}): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(options.root, "pagefind");
  const kb = options.kb ?? loadKnowledgeBase(options.contentDir).kb;
  const terms = glossaryRecords(
    kb.glossary.map((entry) => entry.data),
    kb.topics.map((entry) => entry.data),
    options.base,
  );
  const articles = articleRecords(kb, options.base);
  const pages = searchablePages(options.root);
  const records = [
    ...terms.map((record): IndexItem => ({ kind: "term", record, chars: record.content.length })),
    ...articles.map(
      (record): IndexItem => ({
        kind: "article",
        record,
        chars: record.parts.reduce((sum, part) => sum + part.text.length, 0),
      }),
    ),
  ];
  const parts = splitIntoParts(
    [...pages.map((page): IndexItem => ({ ...page, kind: "page" })), ...records],
    options.partChars ?? partSizeFromEnv(),
  );
  // Which page or record went into which part is part of the key.
  const layout = parts.map((part) =>
    part.map((item) => (item.kind === "page" ? item.url : item.record.url)),
  );
  const digest = options.cacheDir
    ? searchInputDigest(
        pages,
        JSON.stringify({ pagefind: pagefindVersion(), layout, terms, articles }),
      )
    : undefined;
  if (options.cacheDir && digest) {
    const cached = restoreSearchIndex<IndexStats>(options.cacheDir, digest, outputPath);
    if (cached) return { ...cached, reused: true, seconds: (performance.now() - started) / 1000 };
  }
  rmSync(outputPath, { recursive: true, force: true });
  // The first part is the main bundle; the others go into folders inside it,
  // written after it.
  for (const [i, part] of parts.entries())
    await indexPart(options.root, part, join(outputPath, partFolder(i)));
  // Written for one part too, so the search page never asks for a missing file.
  const manifest: PartsManifest = { parts: parts.slice(1).map((_, i) => partFolder(i + 1)) };
  writeFileSync(join(outputPath, PARTS_MANIFEST), JSON.stringify(manifest));
  const stats: IndexStats = {
    pages: pages.length,
    glossaryRecords: terms.length,
    articleRecords: articles.length,
    parts: parts.length,
    ...indexSize(outputPath),
    seconds: (performance.now() - started) / 1000,
  };
  if (options.cacheDir && digest) saveSearchIndex(options.cacheDir, digest, outputPath, stats);
  return stats;
}

/** A page or record on its way into the index, with the size that decides its part. */
type IndexItem = Sized &
  (
    | ({ kind: "page" } & SearchablePage)
    | { kind: "term"; record: SearchRecord }
    | { kind: "article"; record: WeightedRecord }
  );

/** Records handed to Pagefind at once (one at a time leaves its threads idle). */
const IN_FLIGHT = 32;

/**
 * Indexes one part in a Pagefind process of its own and writes it to
 * `outputPath`; the process ends before the next part starts, so only one
 * part is ever in memory. The part's pages are hard-linked into a folder of
 * their own (same paths, so the same URLs) for Pagefind to read in parallel:
 * handed over one by one through its Node API, they took 1.7 times as long.
 */
async function indexPart(root: string, items: readonly IndexItem[], outputPath: string) {
  const folder = `${root}.search-part`;
  rmSync(folder, { recursive: true, force: true });
  try {
    for (const item of items) {
      if (item.kind !== "page") continue;
      const target = join(folder, item.path);
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(join(root, item.path), target);
      } catch {
        copyFileSync(join(root, item.path), target);
      }
    }
    const created = await pagefind.createIndex({});
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    if (existsSync(folder)) {
      const added = await index.addDirectory({ path: folder });
      if (added.errors.length)
        throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    }
    const add = async (item: IndexItem) => {
      if (item.kind === "page") return;
      const result =
        item.kind === "term"
          ? await index.addCustomRecord(item.record)
          : await index.addHTMLFile({ url: item.record.url, content: recordHtml(item.record) });
      if (result.errors.length)
        throw new Error(`Pagefind could not index ${item.record.url}: ${result.errors.join("; ")}`);
    };
    for (let i = 0; i < items.length; i += IN_FLIGHT)
      await Promise.all(items.slice(i, i + IN_FLIGHT).map(add));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    removeUnusedUi(outputPath);
  } finally {
    await pagefind.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Pagefind writes its ready-made search interfaces next to the index. The site
 * has its own (src/components/search/), so they would only add ~400 KB of
 * unused scripts and stylesheets to dist/ and the offline zip.
 */
const UNUSED_UI = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

function removeUnusedUi(outputPath: string): void {
  for (const file of UNUSED_UI) rmSync(join(outputPath, file), { force: true });
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
        content: [`${term.zh} ${term.pinyin} ${term.en}.`, definition, other]
          .filter(Boolean)
          .join(" "),
        meta: {
          title: locale === "en" ? `${term.en} · ${term.zh}` : `${term.zh} · ${term.en}`,
          type: t(locale, "type.term"),
          pinyin: term.pinyin,
          // Searchable like the text, but kept out of the excerpt readers see.
          pinyin_variants: pinyinVariants(term.pinyin).join(" "),
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
  return kb.policies.flatMap((policy) => {
    const text = kb.lawTexts.get(policy.id)?.text;
    if (!text) return [];
    const { title, shortTitle, status, topics } = policy.data;
    // Superseded and repealed texts stay findable as sections of their page;
    // stand-alone results point readers to the law in force.
    if (status === "superseded" || status === "repealed") return [];
    const topicLabels = topics.flatMap((id) => topicById.get(id) ?? []);
    return text.articles.flatMap((article) => {
      // Citations name whole articles (24); 第二十四条之一 (24-1) is keyed apart.
      const key = `${policy.id}#${articleId(article)}`;
      const summary = keyNotes.get(key);
      const cited = notes.get(key);
      if (!summary && !cited) return [];
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
            { text: title },
          ],
          meta: { type },
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
