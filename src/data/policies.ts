import { type CollectionEntry, getCollection, getEntry } from "astro:content";
import { lawShortName, versionedLawNames } from "../lib/law/article-label.ts";
import type { LawArticle, LawText } from "../lib/law/parse-law-text.ts";
import { PolicyKindSchema } from "../schemas/policy.ts";
import { listPerBuild, perBuild } from "./per-build.ts";

export type PolicyEntry = CollectionEntry<"policies">;

/** Policies grouped for the library: laws first, then by adoption date, newest first. */
export function getPolicies(): Promise<PolicyEntry[]> {
  return listPerBuild("policies", async () => {
    // The schema lists kinds from most to least binding.
    const order: readonly string[] = PolicyKindSchema.options;
    const policies = await getCollection("policies");
    return policies.sort(
      (a, b) =>
        order.indexOf(a.data.kind) - order.indexOf(b.data.kind) ||
        b.data.adopted.getTime() - a.data.adopted.getTime(),
    );
  });
}

/** One policy by id. */
export function getPolicy(id: string): Promise<PolicyEntry | undefined> {
  return perBuild(
    `policy\u0000${id}`,
    async (): Promise<PolicyEntry | undefined> => getEntry("policies", id),
  );
}

/** The parsed official text of a policy, when it has one (do not modify). */
export function getLawText(policyId: string): Promise<LawText | undefined> {
  return perBuild(`lawText\u0000${policyId}`, async () => {
    const entry = await getEntry("lawTexts", policyId);
    return entry?.data as LawText | undefined;
  });
}

/** One article of a policy's text (the check guarantees cited articles exist). */
export async function getArticle(
  policyId: string,
  article: number,
): Promise<LawArticle | undefined> {
  return (await getLawText(policyId))?.articles.find((a) => a.number === article);
}

/** Law names more than one policy carries (two versions of one law): citations of them name the version. */
export async function versionedLaws(): Promise<Set<string>> {
  return new Set(
    await perBuild("versionedLaws", async () =>
      versionedLawNames((await getCollection("policies")).map((p) => p.data.shortTitle)),
    ),
  );
}

/** Whether citations of this short title name the version, given `versionedLaws()`. */
export function isVersioned(names: ReadonlySet<string>, shortTitle: string | undefined): boolean {
  return shortTitle !== undefined && names.has(lawShortName(shortTitle));
}
