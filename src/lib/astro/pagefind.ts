import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { z } from "astro/zod";
import * as pagefind from "pagefind";
import { parse as parseYaml } from "yaml";
import { t } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";
import { type GlossaryTerm, GlossaryTermSchema } from "../../schemas/glossary.ts";
import { type Topic, TopicSchema } from "../../schemas/topic.ts";
import { joinBase, routes } from "../routes.ts";

/** What the search index holds after a build, for the build log and the size report. */
export interface IndexStats {
  pages: number;
  glossaryRecords: number;
  bytes: number;
  fragments: number;
  files: number;
  seconds: number;
}

/** One glossary term as Pagefind sees it: its own result, linking to the term's anchor. */
export interface GlossaryRecord {
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
          `Search: indexed ${stats.pages} pages and ${stats.glossaryRecords} glossary terms in ${stats.seconds.toFixed(1)} s ` +
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
    const records = glossaryRecords(
      readGlossary(options.contentDir),
      readTopics(options.contentDir),
      options.base,
    );
    for (const record of records) {
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
      glossaryRecords: records.length,
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
): GlossaryRecord[] {
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
          type: t(locale, "search.type.glossary"),
          pinyin: term.pinyin,
        },
        filters: {
          type: [t(locale, "search.type.glossary")],
          ...(topicLabels.length ? { topic: topicLabels } : {}),
        },
      };
    }),
  );
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

function readGlossary(contentDir: string): GlossaryTerm[] {
  return readList(join(contentDir, "glossary.yaml"), GlossaryTermSchema);
}

function readTopics(contentDir: string): Topic[] {
  return readList(join(contentDir, "topics.yaml"), TopicSchema);
}

/** A YAML list validated with `schema`; the content check has already reported any problem, so a bad file yields []. */
function readList<T>(file: string, schema: z.ZodType<T>): T[] {
  if (!isFile(file)) return [];
  const parsed = z.array(schema).safeParse(parseYaml(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : [];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
