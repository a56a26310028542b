import { contentDir } from "../lib/kb/content-dir.ts";
import { readLawChanges } from "../lib/kb/law-changes.ts";
import {
  type ArticleChange,
  applyOverrides,
  computeArticleMap,
} from "../lib/law/compare/article-map.ts";
import type { LawText } from "../lib/law/parse-law-text.ts";
import { getLawText, getPolicies, type PolicyEntry } from "./policies.ts";

/** Two versions of a law with texts, and the map between their articles. */
export interface VersionPair {
  older: PolicyEntry;
  newer: PolicyEntry;
  oldText: LawText;
  newText: LawText;
  rows: ArticleChange[];
  /** When someone last compared the whole map with both texts (the override file's `checked`). */
  checked?: Date;
  /** The override file's text, for the pages' cache keys. */
  overrides: string;
}

let pairs: Promise<VersionPair[]> | undefined;

/**
 * Every policy with a successor (`supersededBy`) where both have texts, with
 * the computed article map and content/policies/<new>/changes-from-<old>.yaml
 * laid over it (the check has refused a build with a bad override file).
 */
export function getVersionPairs(): Promise<VersionPair[]> {
  pairs ??= loadPairs();
  return pairs;
}

async function loadPairs(): Promise<VersionPair[]> {
  const policies = await getPolicies();
  const { files } = readLawChanges(contentDir());
  const out: VersionPair[] = [];
  for (const older of policies) {
    const newer = policies.find((p) => p.id === older.data.supersededBy);
    if (!newer) continue;
    const [oldText, newText] = await Promise.all([getLawText(older.id), getLawText(newer.id)]);
    if (!oldText || !newText) continue;
    const file = files.find((f) => f.oldId === older.id && f.newId === newer.id);
    const overrides = (file?.data.changes ?? []).map((c) => ({
      class: c.class,
      old: c.old ?? [],
      new: c.new ?? [],
      ...(c.note ? { note: c.note } : {}),
    }));
    const rows = applyOverrides(oldText, newText, computeArticleMap(oldText, newText), overrides);
    out.push({
      older,
      newer,
      oldText,
      newText,
      rows,
      ...(file ? { checked: file.data.checked } : {}),
      overrides: JSON.stringify(file?.data ?? null),
    });
  }
  return out;
}

/** The pair whose newer version is `newId` and older `oldId`. */
export async function getVersionPair(
  newId: string,
  oldId: string,
): Promise<VersionPair | undefined> {
  return (await getVersionPairs()).find((p) => p.newer.id === newId && p.older.id === oldId);
}

/** Where each article of a superseded policy went, by article id ("20"), with its pair. */
export async function changesOfOldPolicy(
  oldId: string,
): Promise<{ pair: VersionPair; byArticle: Map<string, ArticleChange> } | undefined> {
  const pair = (await getVersionPairs()).find((p) => p.older.id === oldId);
  if (!pair) return undefined;
  return { pair, byArticle: new Map(pair.rows.flatMap((r) => r.old.map((id) => [id, r]))) };
}

/** Where each article of a newer policy came from, by article id, with its pair. */
export async function changesOfNewPolicy(
  newId: string,
): Promise<{ pair: VersionPair; byArticle: Map<string, ArticleChange> } | undefined> {
  const pair = (await getVersionPairs()).find((p) => p.newer.id === newId);
  if (!pair) return undefined;
  return { pair, byArticle: new Map(pair.rows.flatMap((r) => r.new.map((id) => [id, r]))) };
}

/** Every version of the law `policyId` is a version of, oldest first (just the policy when it has no other). */
export async function versionChain(policyId: string): Promise<PolicyEntry[]> {
  const byId = new Map((await getPolicies()).map((p) => [p.id, p]));
  let first = byId.get(policyId);
  if (!first) return [];
  const seen = new Set([first.id]);
  for (
    let back = byId.get(first.data.supersedes ?? "");
    back && !seen.has(back.id);
    back = byId.get(back.data.supersedes ?? "")
  ) {
    seen.add(back.id);
    first = back;
  }
  const chain = [first];
  for (
    let next = byId.get(first.data.supersededBy ?? "");
    next && !chain.includes(next);
    next = byId.get(next.data.supersededBy ?? "")
  ) {
    chain.push(next);
  }
  // A newer version that names its predecessor only in its own `supersedes`.
  for (;;) {
    const last = chain.at(-1);
    const next = [...byId.values()].find(
      (p) => p.data.supersedes === last?.id && !chain.includes(p),
    );
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

/** One version of a law with the dates it was in force (`until` absent: still in force). */
export interface VersionSpan {
  policy: PolicyEntry;
  from: Date;
  until?: Date;
}

/** The versions of a law with their in-force date ranges, oldest first. */
export async function versionSpans(policyId: string): Promise<VersionSpan[]> {
  const chain = await versionChain(policyId);
  return chain.map((policy, i) => {
    const from = policy.data.effective ?? policy.data.adopted;
    const next = chain[i + 1];
    const until = next ? (next.data.effective ?? next.data.adopted) : undefined;
    return until ? { policy, from, until } : { policy, from };
  });
}

/**
 * Version-free addresses: for a law whose versions are all named
 * `<law>-<year>` (vocational-education-law-1996, …-2022), `<law>` leads to
 * the version in force (or the newest). Printed links and QR codes can use it
 * and keep working after the next revision.
 */
export async function versionFreeAddresses(): Promise<{ law: string; target: PolicyEntry }[]> {
  const policies = await getPolicies();
  const ids = new Set(policies.map((p) => p.id));
  const out = new Map<string, PolicyEntry>();
  for (const policy of policies) {
    const chain = await versionChain(policy.id);
    if (chain.length < 2) continue;
    const stems = new Set(chain.map((p) => /^(.+)-\d{4}$/.exec(p.id)?.[1]));
    const [law] = stems;
    if (stems.size !== 1 || !law || ids.has(law) || out.has(law)) continue;
    const target = chain.find((p) => p.data.status === "in-force") ?? chain.at(-1);
    if (target) out.set(law, target);
  }
  return [...out].map(([law, target]) => ({ law, target }));
}
