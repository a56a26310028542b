import type { Locale } from "../../../schemas/common.ts";
import type { LawArticle } from "../../law/parse-law-text.ts";

/** What a policy contributes to the text of a `<Cite>`. */
export interface CitedPolicy {
  shortTitle: string;
  /** Another version of the same law is in the knowledge base: citations name the version. */
  versioned?: boolean;
}

/** What a glossary term contributes to a `<Term>` link. */
export interface LinkedTerm {
  zh: string;
  pinyin: string;
  en: string;
}

/**
 * Everything an author component may read besides its own props. The loader
 * builds it from the parse the content check made; the fallback `.astro`
 * wrappers build one from `astro:content` for a single element.
 */
export interface RenderContext {
  /** The language of the entry being rendered: labels such as "说明" follow it. */
  locale: Locale;
  /** Turns a root-relative path into a link with the site's base path. */
  href: (path: string) => string;
  policy: (id: string) => CitedPolicy | undefined;
  /** One article of a policy's official text (the first with that number, as the page's anchor). */
  article: (policyId: string, number: number) => LawArticle | undefined;
  term: (id: string) => LinkedTerm | undefined;
}
