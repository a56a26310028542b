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
