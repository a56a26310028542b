import { z } from "astro/zod";
import { TextSchema, TitleSchema } from "./common.ts";

/** Characters of all the lines of a poster together: more would not fit one page with the image. */
const MAX_LINES_CHARS = 300;

/** Paper a noticeboard poster is printed on (portrait). */
export const PosterPaperSchema = z.enum(["A3", "A4"]);
export type PosterPaper = z.infer<typeof PosterPaperSchema>;

/**
 * `poster:` in content/materials/<material>.yaml: a printable noticeboard
 * (宣传栏) poster made from a title, a few short lines and one image, with a
 * QR code to the material's page. `npm run handouts` prints it to
 * dist-handouts/materials/<material>/poster.pdf.
 */
export const MaterialPosterSchema = z.strictObject({
  /** A3 (the usual noticeboard size) or A4. */
  paper: PosterPaperSchema.default("A3"),
  /** The big words at the top, e.g. “先培训 后上岗”. */
  title: TitleSchema.max(24, "a poster title of at most 24 characters (it is printed very large)"),
  /**
   * One to six short lines under the title, each a sentence or a quotation;
   * at most 300 characters in all, so the lines, the image and the QR code fit one page.
   */
  lines: z
    .array(TextSchema.max(120, "a line of at most 120 characters"))
    .min(1, "at least one line")
    .max(6, "at most six lines (a poster is read from a few steps away)")
    .refine(
      (lines) => lines.reduce((sum, line) => sum + line.length, 0) <= MAX_LINES_CHARS,
      `lines of at most ${MAX_LINES_CHARS} characters in all, so that everything fits one page`,
    ),
  /** One image from the content folder's media/, written /media/…. */
  image: z
    .string()
    .regex(/^\/media\/[^?#]+$/, "a file in the content folder's media/, written /media/…"),
  /** Text alternative of the image. */
  imageAlt: TextSchema,
  /** Small print at the foot, e.g. where a quotation comes from. */
  source: TextSchema.optional(),
});
export type MaterialPoster = z.infer<typeof MaterialPosterSchema>;
