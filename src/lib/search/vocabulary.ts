import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { nameIn } from "../../i18n/localized.ts";
import { siteCharacters } from "../fonts/site-characters.ts";
import type { KnowledgeBase } from "../kb/load.ts";
import { joinBase, routes } from "../site/routes.ts";

/**
 * The names the search page knows besides the index: laws (title, short
 * title, aliases, English title), glossary terms (Chinese, English,
 * synonyms) and topics. The search page uses them to read a short name in an
 * article query ("职教法第24条" → 职业教育法), to put an entry named exactly
 * first, to correct a one-character typo (公会经费 → 工会经费) and to suggest
 * something when nothing is found. Written next to the index as
 * `union-kb-vocabulary.json` (src/lib/search/indexer.ts).
 */
export interface VocabularyEntry {
  kind: "policy" | "term" | "topic";
  /** Every name, as authors wrote them. */
  names: string[];
  /** Shown in suggestions: Chinese, then English. */
  label: string;
  labelEn: string;
  url: string;
  urlEn: string;
  /** Toneless pinyin of each Chinese name, run together ("gonghuijingfei"), space-separated. */
  pinyin: string;
  /** Laws: the name the law texts and article records use ("职业教育法"). */
  canonical?: string;
  /** Laws: false for a superseded or repealed version. */
  inForce?: boolean;
}

/** The vocabulary of a knowledge base under `base`. */
export function vocabularyOf(kb: KnowledgeBase, base: string): VocabularyEntry[] {
  const withoutYear = (name: string) => name.replace(/[（(][^）)]*[）)]$/, "");
  const policies = kb.policies.map((policy): VocabularyEntry => {
    const { title, titleEn, shortTitle, aliases, status } = policy.data;
    const canonical = withoutYear(shortTitle);
    const names = [
      ...new Set([title, shortTitle, canonical, ...aliases, ...(titleEn ? [titleEn] : [])]),
    ];
    return {
      kind: "policy",
      names,
      label: shortTitle,
      labelEn: titleEn ?? shortTitle,
      url: joinBase(base, routes.policy(policy.id)),
      urlEn: joinBase(base, routes.policy(policy.id)),
      pinyin: joinedPinyin([canonical, ...aliases]),
      canonical,
      inForce: status !== "superseded" && status !== "repealed",
    };
  });
  const terms = kb.glossary.map(
    ({ data }): VocabularyEntry => ({
      kind: "term",
      names: [data.zh, data.en, ...data.synonyms],
      label: data.zh,
      labelEn: data.en,
      url: joinBase(base, routes.term(data.id)),
      urlEn: joinBase(base, routes.term(data.id, "en")),
      pinyin: joinedPinyin([data.zh, ...data.synonyms]),
    }),
  );
  const topics = kb.topics.map(
    ({ data }): VocabularyEntry => ({
      kind: "topic",
      names: [data.zh, data.en],
      label: nameIn("zh-CN", data),
      labelEn: nameIn("en", data),
      url: joinBase(base, routes.topic(data.id)),
      urlEn: joinBase(base, routes.topic(data.id, "en")),
      pinyin: joinedPinyin([data.zh]),
    }),
  );
  return [...policies, ...terms, ...topics];
}

/** "gonghuijingfei zhijiaofa": the Chinese names' pinyin, without tones, one word each. */
function joinedPinyin(names: readonly string[]): string {
  const chinese = names.filter((name) => /\p{Script=Han}/u.test(name));
  const keys = chinese.map((name) =>
    pinyin(name.replace(/[^\p{Script=Han}]/gu, ""), { toneType: "none", type: "array" })
      .join("")
      .replaceAll("ü", "v"),
  );
  return [...new Set(keys)].join(" ");
}

/**
 * Traditional characters and the simplified ones the content uses, as one
 * string of pairs ("會会勞劳…"), from OpenCC's tables (opencc-js: traditional,
 * Taiwan and Hong Kong forms to mainland simplified). Only pairs whose
 * simplified character occurs in `contentDir` are kept — a query character
 * that maps to anything else could not match a page anyway — and a character
 * the content itself uses is never converted (著 stays 著). So the table is a
 * few KB instead of OpenCC's ~110 KB converter, and the browser needs no
 * converter at all.
 */
export function traditionalPairs(contentDir: string): string {
  const used = new Set<number>();
  for (const [from, to] of siteCharacters([contentDir]))
    for (let code = from; code <= to; code++) used.add(code);
  const converters = (["t", "tw", "hk"] as const).map((from) =>
    OpenCC.Converter({ from, to: "cn" }),
  );
  let pairs = "";
  // CJK Unified Ideographs and Extension A: every traditional form OpenCC knows is there.
  for (let code = 0x3400; code <= 0x9fff; code++) {
    if (used.has(code)) continue;
    const char = String.fromCodePoint(code);
    for (const convert of converters) {
      const simplified = convert(char);
      if (simplified !== char && [...simplified].length === 1) {
        if (used.has(simplified.codePointAt(0) ?? 0)) pairs += char + simplified;
        break;
      }
    }
  }
  return pairs;
}
