import { z } from "astro/zod";
import { IdSchema, TextSchema, TitleSchema } from "./common.ts";
import { EventKindSchema } from "./event.ts";

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A day of the year, MM-DD, e.g. 12-04. */
export const MonthDaySchema = z
  .string()
  .regex(MONTH_DAY, "a day of the year written as MM-DD, e.g. 12-04")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`2024-${value}T00:00:00Z`)) &&
      new Date(`2024-${value}T00:00:00Z`).toISOString().slice(5, 10) === value,
    "a day that exists, e.g. 02-29 at most in February",
  );

/**
 * One entry of content/campaigns.yaml: a yearly campaign (国家宪法日 on 12-04,
 * 安全生产月 in June) that `npm run new -- event --campaign <id> --year <year>`
 * turns into an event, and that events name in `campaign`.
 */
export const CampaignSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  titleEn: TitleSchema.optional(),
  summary: TextSchema,
  summaryEn: TextSchema.optional(),
  kind: EventKindSchema.default("campaign"),
  /** First day, MM-DD. */
  start: MonthDaySchema,
  /** Last day, MM-DD (the same year); absent for a one-day campaign. */
  end: MonthDaySchema.optional(),
  topics: z.array(IdSchema).default([]),
});
export type Campaign = z.infer<typeof CampaignSchema>;
