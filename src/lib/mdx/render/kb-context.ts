import type { Locale } from "../../../schemas/common.ts";
import type { KnowledgeBase } from "../../kb/load.ts";
import { lawShortName, versionedLawNames } from "../../law/article-label.ts";
import type { LawArticle } from "../../law/parse-law-text.ts";
import { joinBase } from "../../site/routes.ts";
import type { CitedPolicy, LinkedTerm, RenderContext } from "./context.ts";

/** Lookups over one parse of the knowledge base, shared by every entry it renders. */
export interface KbLookups {
  base: string;
  policy: (id: string) => CitedPolicy | undefined;
  article: (policyId: string, number: number) => LawArticle | undefined;
  term: (id: string) => LinkedTerm | undefined;
}

/** Indexes policies, law texts and glossary terms of a parse for the renderer. */
export function kbLookups(kb: KnowledgeBase, base: string): KbLookups {
  const versioned = versionedLawNames(kb.policies.map((p) => p.data.shortTitle));
  const policies = new Map(
    kb.policies.map((p) => [
      p.id,
      { ...(p.data as CitedPolicy), versioned: versioned.has(lawShortName(p.data.shortTitle)) },
    ]),
  );
  const terms = new Map(kb.glossary.map((g) => [g.id, g.data as LinkedTerm]));
  const articles = new Map<string, LawArticle>();
  for (const [policyId, { text }] of kb.lawTexts) {
    for (const article of text.articles) {
      const key = `${policyId}#${article.number}`;
      // The first article with a number is the one `#art-N` names (not its 之一).
      if (!articles.has(key)) articles.set(key, article);
    }
  }
  return {
    base,
    policy: (id) => policies.get(id),
    article: (policyId, number) => articles.get(`${policyId}#${number}`),
    term: (id) => terms.get(id),
  };
}

/** The context for one entry: the lookups, and the entry's language. */
export function contextFor(lookups: KbLookups, locale: Locale): RenderContext {
  return { ...lookups, locale, href: (path) => joinBase(lookups.base, path) };
}
