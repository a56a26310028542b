import { nameIn, t } from "../i18n/index.ts";
import { LOCALES } from "../lib/site/routes.ts";
import { AudienceSchema, type Locale } from "../schemas/common.ts";
import { PolicyStatusSchema } from "../schemas/policy.ts";
import { getTopics } from "./library.ts";

const TYPES = ["course", "lesson", "policy", "case", "term", "event"] as const;

/**
 * For each search filter, every value a page may carry (in either language)
 * mapped to its label in `locale`. Pages label filters in their own UI
 * language, and the search page merges both languages' indexes, so without
 * this "案例" and "Case" would be offered as two different filters.
 */
export async function filterSynonyms(
  locale: Locale,
): Promise<Record<string, Record<string, string>>> {
  const both = (key: Parameters<typeof t>[1]) =>
    Object.fromEntries(LOCALES.map((l) => [t(l, key), t(locale, key)]));
  const topics = await getTopics();
  return {
    type: Object.assign({}, ...TYPES.map((type) => both(`type.${type}`))),
    audience: Object.assign({}, ...AudienceSchema.options.map((a) => both(`audience.${a}`))),
    status: Object.assign({}, ...PolicyStatusSchema.options.map((s) => both(`status.${s}`))),
    topic: Object.fromEntries(
      topics.flatMap((topic) => {
        const label = nameIn(locale, topic.data);
        return [
          [topic.data.zh, label],
          [topic.data.en, label],
        ];
      }),
    ),
  };
}
