import { z } from "astro/zod";
import { LocaleSchema, TextSchema } from "./common.ts";

/** content/site.yaml: the organisation and how the site is served. */
export const SiteSchema = z.strictObject({
  /** The content schema version the knowledge base was written for (src/lib/kb/schema-version.ts). */
  schemaVersion: z.number().int().min(1).optional(),
  name: TextSchema,
  nameEn: TextSchema,
  organisation: TextSchema,
  organisationEn: TextSchema.optional(),
  description: TextSchema.optional(),
  descriptionEn: TextSchema.optional(),
  url: z.url({ error: "an absolute URL like https://kb.example.org" }),
  base: z
    .string()
    .regex(
      // Segments of lower-case letters, digits, ".", "_" and "-", none of them
      // "." or ".." (a browser resolves those away, and the build's links with them).
      /^\/(?:(?!\.+\/)[a-z0-9._-]+\/)*$/,
      "/ or a folder path that starts and ends with /, e.g. /kb/ or /union/kb/ (lower-case letters, digits, - _ and .; no . or .. folders, no //)",
    )
    .default("/"),
  defaultLocale: LocaleSchema.default("zh-CN"),
  contact: z
    .strictObject({
      email: z.email().optional(),
      phone: TextSchema.optional(),
      address: TextSchema.optional(),
    })
    .optional(),
  kiosk: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** Seconds without input before the kiosk returns to the home page. Was `idleSeconds` (schema 1). */
      homeAfterSeconds: z.number().int().min(15).max(3600).default(120),
      /**
       * Buttons on the kiosk search page that search for these words without typing.
       * Default: the glossary terms found in the most law articles.
       */
      popularQueries: z.array(TextSchema).min(1).max(12).optional(),
      /** The same for the English search page; default as above, in English. */
      popularQueriesEn: z.array(TextSchema).min(1).max(12).optional(),
    })
    .default({ enabled: false, homeAfterSeconds: 120 }),
  /**
   * The quiz page (知识问答, /quiz/): levels of random questions from the
   * question bank, each passed with `passMark` right answers.
   */
  quiz: z
    .strictObject({
      questionsPerLevel: z.number().int().min(1).max(50).default(5),
      passMark: z.number().int().min(1).max(50).default(3),
      levels: z.number().int().min(1).max(50).default(10),
    })
    .refine((quiz) => quiz.passMark <= quiz.questionsPerLevel, {
      message: "passMark must not be more than questionsPerLevel",
      path: ["passMark"],
    })
    .default({ questionsPerLevel: 5, passMark: 3, levels: 10 }),
  /** `npm run serve -- --stats`: the password of the `/stats/` page (HTTP Basic, any user name). */
  stats: z
    .strictObject({
      password: z.string().min(8, "at least 8 characters").optional(),
    })
    .optional(),
  /** Video and audio files in the content folder's media/ (issue 26). */
  media: z
    .strictObject({
      /** `npm run check` warns about a media file larger than this, in MB. */
      maxFileMB: z.number().positive().max(4096).default(50),
      /** `npm run offline-zip` warns when the zip would be larger than this, in MB (a USB stick). */
      offlineZipMaxMB: z.number().positive().max(1_000_000).default(3500),
    })
    .default({ maxFileMB: 50, offlineZipMaxMB: 3500 }),
  /** Lets MDX content contain scripts, imports and code expressions. Only for trusted authors. */
  allowScripts: z.boolean().default(false),
  featuredCourses: z.array(z.string()).default([]),
  keyPolicies: z.array(z.string()).default([]),
});
export type Site = z.infer<typeof SiteSchema>;
