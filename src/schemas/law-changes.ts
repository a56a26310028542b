import { z } from "astro/zod";
import { DateSchema, TextSchema } from "./common.ts";

/** How an article fared between two versions of a law (src/lib/law/compare/article-map.ts). */
export const ChangeClassSchema = z.enum([
  "unchanged",
  "renumbered",
  "amended",
  "merged",
  "split",
  "new",
  "deleted",
]);

/** One article: 24, or "24-1" for 第二十四条之一. */
const ArticleRefSchema = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(?:-\d+)?$/, "an article number such as 24, or “24-1” for 第二十四条之一"),
]);

/** One article or a list of them, read as a list of ids ("24", "24-1"). */
const ArticleRefsSchema = z
  .union([ArticleRefSchema, z.array(ArticleRefSchema).min(1, "at least one article")])
  .transform((value) => (Array.isArray(value) ? value : [value]).map(String));

/** How many articles each class has on each side: [old, new], "many" meaning two or more. */
const SHAPES: Record<
  z.infer<typeof ChangeClassSchema>,
  ["none" | "one" | "many", "none" | "one" | "many"]
> = {
  unchanged: ["one", "one"],
  renumbered: ["one", "one"],
  amended: ["one", "one"],
  merged: ["many", "one"],
  split: ["one", "many"],
  new: ["none", "one"],
  deleted: ["one", "none"],
};

const SHAPE_WORDS = {
  none: "no article",
  one: "exactly one article",
  many: "two or more articles",
};

/**
 * One authored row of content/policies/<new>/changes-from-<old>.yaml: which
 * old article(s) became which new one(s), and how. It replaces what the
 * computation found for the articles it names.
 */
export const LawChangeSchema = z
  .strictObject({
    old: ArticleRefsSchema.optional(),
    new: ArticleRefsSchema.optional(),
    class: ChangeClassSchema,
    note: TextSchema.optional(),
  })
  .superRefine((change, ctx) => {
    const shape = SHAPES[change.class];
    (["old", "new"] as const).forEach((side, i) => {
      const want = shape[i] ?? "one";
      const count = change[side]?.length ?? 0;
      const ok = want === "none" ? count === 0 : want === "one" ? count === 1 : count >= 2;
      if (!ok) {
        ctx.addIssue({
          code: "custom",
          path: [side],
          message: `a “${change.class}” row names ${SHAPE_WORDS[want]} on the ${side} side (${side}:), found ${count}`,
        });
      }
    });
  });
export type LawChange = z.infer<typeof LawChangeSchema>;

/** content/policies/<new>/changes-from-<old>.yaml: corrections to the computed article map. */
export const LawChangesSchema = z.strictObject({
  /** The day someone compared the whole map with both official texts. */
  checked: DateSchema,
  changes: z.array(LawChangeSchema).default([]),
});
export type LawChanges = z.infer<typeof LawChangesSchema>;
