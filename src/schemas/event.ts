import { z } from "astro/zod";
import { DEFAULT_TIME_ZONE, parseWallTime } from "../lib/events/time.ts";
import { AudienceSchema, EntryBaseSchema, IdSchema, isRealDate, TextSchema } from "./common.ts";

/** What kind of activity an event is. */
export const EventKindSchema = z.enum(["class", "lecture", "contest", "campaign", "exhibition"]);
export type EventKind = z.infer<typeof EventKindSchema>;

/**
 * A day (`2026-12-04`) or a day and a time (`2026-12-04 14:30`) in the event's
 * time zone. Kept as written; src/lib/events/time.ts reads it.
 */
export const WallTimeTextSchema = z
  .string({ error: "a date such as 2026-12-04, or a date and time such as 2026-12-04 14:30" })
  .refine((value) => {
    const parsed = parseWallTime(value);
    return parsed !== undefined && isRealDate(parsed.date);
  }, "a real date such as 2026-12-04, or a date and a 24-hour time such as 2026-12-04 14:30");

/** How to sign up: by phone, in person, by scanning a QR code, or no sign-up needed. */
export const SignUpSchema = z
  .strictObject({
    method: z.enum(["phone", "in-person", "qr", "none"]),
    /** method phone: the number to call. */
    phone: z
      .string()
      .regex(/^[0-9+() -]{5,30}$/, "a phone number such as 010-12345678")
      .optional(),
    /** method in-person: where to go (office, desk). */
    where: TextSchema.optional(),
    /** method qr: the address the QR code on the page opens (a form on the union's own site). */
    url: z.url({ protocol: /^https?$/, error: "an http:// or https:// address" }).optional(),
    /** Last day to sign up. */
    deadline: z.string().refine(isRealDate, "a real date written as YYYY-MM-DD").optional(),
    note: TextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const needs = { phone: "phone", "in-person": "where", qr: "url", none: undefined } as const;
    const field = needs[value.method];
    if (field && value[field] === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `sign-up by ${value.method} needs “${field}”`,
      });
    }
  });

/** Entries an event links to; each id is checked like other references. */
export const EventLinksSchema = z.strictObject({
  courses: z.array(IdSchema).default([]),
  /** `course/lesson`, e.g. training-rights/duties (the lesson's address without its number). */
  lessons: z
    .array(
      z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "course/lesson, e.g. training-rights/duties"),
    )
    .default([]),
  policies: z.array(IdSchema).default([]),
  cases: z.array(IdSchema).default([]),
});

/** content/events/<event>.yaml: a class, lecture, contest, campaign or exhibition. */
export const EventSchema = EntryBaseSchema.extend({
  kind: EventKindSchema,
  /** Id of the yearly template in content/campaigns.yaml this event is an instance of. */
  campaign: IdSchema.optional(),
  start: WallTimeTextSchema,
  /** Last day (inclusive) or end time of the first occurrence; a day without time lasts that day. */
  end: WallTimeTextSchema.optional(),
  /** An IANA time zone; China has one: Asia/Shanghai (Beijing time). */
  timeZone: TextSchema.default(DEFAULT_TIME_ZONE),
  /** A weekly or monthly RRULE with COUNT or UNTIL, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=12. */
  recurrence: TextSchema.optional(),
  /** Days the recurrence skips (holidays), YYYY-MM-DD. */
  except: z.array(z.string().refine(isRealDate, "a real date written as YYYY-MM-DD")).default([]),
  place: z
    .strictObject({
      name: TextSchema,
      address: TextSchema.optional(),
    })
    .optional(),
  organiser: TextSchema,
  audience: z.array(AudienceSchema).default([]),
  signUp: SignUpSchema.optional(),
  capacity: z.number().int().positive().max(100_000).optional(),
  links: EventLinksSchema.default({ courses: [], lessons: [], policies: [], cases: [] }),
});
export type Event = z.infer<typeof EventSchema>;
