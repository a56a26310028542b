import { getEntry } from "astro:content";
import { lawShortName } from "../lib/law/article-label.ts";
import type { LawArticle } from "../lib/law/parse-law-text.ts";
import type { CitedPolicy, LinkedTerm, RenderContext } from "../lib/mdx/render/context.ts";
import type { Locale } from "../schemas/common.ts";
import { getArticle, getPolicy, versionedLaws } from "./policies.ts";
import { href } from "./urls.ts";

/**
 * The render context for one author component in a body Astro compiles (one
 * with code, on a site that allows it): the policy, article or term its props
 * name, fetched before the component draws itself.
 */
export async function elementContext(
  props: Record<string, unknown>,
  locale: Locale,
): Promise<RenderContext> {
  const policies = new Map<string, CitedPolicy>();
  const articles = new Map<string, LawArticle>();
  const terms = new Map<string, LinkedTerm>();
  if (typeof props.policy === "string") {
    const policy = await getPolicy(props.policy);
    const versioned = await versionedLaws();
    if (policy)
      policies.set(policy.id, {
        ...policy.data,
        versioned: versioned.has(lawShortName(policy.data.shortTitle)),
      });
    const article = await getArticle(props.policy, Number(props.article));
    if (article) articles.set(`${props.policy}#${Number(props.article)}`, article);
  }
  if (typeof props.id === "string") {
    const term = await getEntry("glossary", props.id);
    if (term) terms.set(term.id, term.data);
  }
  return {
    locale,
    href,
    policy: (id) => policies.get(id),
    article: (policyId, number) => articles.get(`${policyId}#${number}`),
    term: (id) => terms.get(id),
  };
}
