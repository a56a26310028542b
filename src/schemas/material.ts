import { z } from "astro/zod";
import { AudienceSchema, DateSchema, EntryBaseSchema, IdSchema, TextSchema } from "./common.ts";
import { MaterialPosterSchema } from "./material-poster.ts";

/** What a publicity material is. */
export const MaterialKindSchema = z.enum(["poster", "leaflet", "slides", "video"]);
export type MaterialKind = z.infer<typeof MaterialKindSchema>;

/** A path in the content folder's media/, as `/media/…`. */
const MediaPathSchema = z
  .string()
  .regex(/^\/media\/[^?#]+$/, "a file in the content folder's media/, written /media/…");

/** One downloadable file of a material: a PDF, an image or a video. */
export const MaterialFileSchema = z.strictObject({
  path: MediaPathSchema,
  /** What the file is, e.g. “A3 海报（PDF）”. */
  label: TextSchema,
});

/**
 * content/materials/<material>.yaml: a poster, leaflet, slide deck or short
 * video for the noticeboard (宣传栏), a class or a campaign. Its files live in
 * the media/ folder; the page shows their sizes and a preview.
 */
export const MaterialSchema = EntryBaseSchema.extend({
  kind: MaterialKindSchema,
  audience: z.array(AudienceSchema).default([]),
  /** Id of a yearly campaign in content/campaigns.yaml. */
  campaign: IdSchema.optional(),
  /** When the material was published. */
  date: DateSchema,
  files: z.array(MaterialFileSchema).min(1, "at least one file"),
  /** An image of the material (a poster, or the first page of a PDF) for its page. */
  preview: MediaPathSchema,
  /** Text alternative of the preview for readers who cannot see it. */
  previewAlt: TextSchema,
  /** Who may use it and how, e.g. “CC0 1.0” or “仅限本会内部使用”. */
  licence: TextSchema,
  /** A printable noticeboard poster (A3/A4) made from a few lines: see material-poster.ts. */
  poster: MaterialPosterSchema.optional(),
});
export type Material = z.infer<typeof MaterialSchema>;
