import type { Locale } from "../../schemas/common.ts";
import { setContentLocale } from "../site/content-locale.ts";
import { type HandoutNote, noteKey } from "./citations.ts";

/**
 * What a print view tells the components inside rendered MDX. `<Cite>` in a
 * lesson body receives only its own attributes, so the footnote numbers of
 * the document travel in the page's request-scoped `Astro.locals`.
 */
export interface HandoutContext {
  locale: Locale;
  numbers: Map<string, number>;
}

const KEY = "unionKbHandout";

/** Stores the numbering of a print view in `Astro.locals` before its lessons render. */
export function setHandoutContext(
  locals: object,
  locale: Locale,
  notes: readonly HandoutNote[],
): void {
  const numbers = new Map(notes.map((n) => [noteKey(n.policy, n.article), n.number]));
  setContentLocale(locals, locale);
  (locals as Record<string, unknown>)[KEY] = { locale, numbers } satisfies HandoutContext;
}

/** The numbering set by the print view, if this render is one. */
export function getHandoutContext(locals: object): HandoutContext | undefined {
  return (locals as Record<string, unknown>)[KEY] as HandoutContext | undefined;
}
