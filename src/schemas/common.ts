import { z } from "astro/zod";

/** Lower-case kebab-case id used for topics, terms, courses and policies. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lower-case id like vocational-training");

/** The two UI languages. Content declares which one it is written in. */
export const LocaleSchema = z.enum(["zh-CN", "en"]);
export type Locale = z.infer<typeof LocaleSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-m-d names a day that exists (2024-02-30 does not). */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The range of dates a knowledge base can plausibly hold: nothing it covers
 * (the laws, cases and documents of the People's Republic, and our own
 * entries) is older than 1949, and a date after 2100 is a typo such as
 * 9999-12-31. The bounds are fixed rather than relative to today so that the
 * same files give the same check result on any day, and an archived
 * knowledge base still builds years later.
 */
export const DATE_RANGE = { earliest: "1949-01-01", latest: "2100-12-31" } as const;

/** True when a YYYY-MM-DD date lies within DATE_RANGE. */
export function isPlausibleDate(value: string): boolean {
  return value >= DATE_RANGE.earliest && value <= DATE_RANGE.latest;
}

/**
 * A calendar date written as YYYY-MM-DD between 1949 and 2100 (DATE_RANGE).
 * YAML parsers disagree on whether an unquoted date is a string or a Date (and
 * some roll 02-30 over into March), so both are accepted and the day is
 * checked to exist.
 */
export const DateSchema = z
  .preprocess(
    (value) =>
      value instanceof Date && !Number.isNaN(value.getTime())
        ? value.toISOString().slice(0, 10)
        : value,
    z
      .string()
      .refine(isRealDate, {
        message: "a real date written as YYYY-MM-DD, e.g. 2022-05-01",
        abort: true,
      })
      .refine(
        isPlausibleDate,
        `a date from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}, e.g. 2022-05-01 (check the year)`,
      ),
  )
  .transform((value) => new Date(`${value}T00:00:00Z`));

/** Non-empty text without leading/trailing whitespace only. */
export const TextSchema = z.string().trim().min(1, "some text");

/** A title: long enough for any real title, short enough to fit a page and a search result. */
export const TitleSchema = TextSchema.max(200, "a title of at most 200 characters");

/** A reference to one article of a policy: { policy, article, note? }. */
export const CitationSchema = z.strictObject({
  policy: IdSchema,
  article: z.number().int().positive(),
  note: TextSchema.optional(),
  /** The old text is the point: no warning that a newer version is in force. */
  historical: z.boolean().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** Who a course or lesson is written for. */
export const AudienceSchema = z.enum([
  "frontline-workers",
  "union-cadres",
  "education-officers",
  "new-employees",
  "migrant-workers",
  "re-employment-trainees",
  "all-members",
  "international-partners",
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** Forms of workers' education (the seed text's list). */
export const FormatSchema = z.enum([
  "lecture",
  "self-study",
  "on-the-job",
  "re-employment",
  "audio-visual",
  "case-analysis",
  "typical-demonstration",
  "competition",
  "publicity",
]);
export type Format = z.infer<typeof FormatSchema>;

/** Fields every entry written for readers carries. */
export const EntryBaseSchema = z.strictObject({
  title: TitleSchema,
  titleEn: TitleSchema.optional(),
  summary: TextSchema,
  summaryEn: TextSchema.optional(),
  lang: LocaleSchema.default("zh-CN"),
  /**
   * Other names readers search for, in either language: a law's short names
   * (职教法, VEL), a Chinese name of an English entry. Indexed and shown under the title.
   */
  aliases: z.array(TitleSchema).default([]),
  updated: DateSchema,
  topics: z.array(IdSchema).default([]),
});
export type EntryBase = z.infer<typeof EntryBaseSchema>;
