import { type LawChangesFile, readLawChanges } from "../../kb/law-changes.ts";
import type { KnowledgeBase } from "../../kb/load.ts";
import {
  type ArticleChange,
  applyOverrides,
  computeArticleMap,
} from "../../law/compare/article-map.ts";
import { articleId } from "../../law/parse-law-text.ts";
import { finding, inFile, type Problem } from "../../problems/problem.ts";
import { withLine } from "./report.ts";

/** The article map from one version of a law to the version that superseded it. */
export interface VersionMap {
  oldId: string;
  newId: string;
  rows: ArticleChange[];
}

/** What the check knows about the versions of laws in a knowledge base. */
export interface LawVersions {
  /** Problems in the changes-from-<old>.yaml files. */
  problems: Problem[];
  /** By the id of the older version. */
  maps: Map<string, VersionMap>;
}

const cache = new WeakMap<KnowledgeBase, LawVersions>();

/**
 * Reads and checks the override files and computes the article map of every
 * policy whose successor (`supersededBy`) has a text too; computed once per
 * loaded knowledge base. `cwd` only shapes the file names in problems.
 */
export function lawVersionsOf(kb: KnowledgeBase, cwd = process.cwd()): LawVersions {
  const known = cache.get(kb);
  if (known) return known;
  const read = readLawChanges(kb.contentDir, cwd);
  const problems = [...read.problems];
  const valid = new Map<string, LawChangesFile>();
  for (const file of read.files) {
    const found = checkLawChangesFile(kb, file);
    problems.push(...found);
    if (found.length === 0) valid.set(`${file.oldId}\u0000${file.newId}`, file);
  }
  const maps = new Map<string, VersionMap>();
  for (const policy of kb.policies) {
    const newId = policy.data.supersededBy;
    const oldText = kb.lawTexts.get(policy.id)?.text;
    const newText = newId ? kb.lawTexts.get(newId)?.text : undefined;
    if (!newId || !oldText || !newText) continue;
    const overrides = valid.get(`${policy.id}\u0000${newId}`)?.data.changes ?? [];
    const rows = applyOverrides(
      oldText,
      newText,
      computeArticleMap(oldText, newText),
      overrides.map((c) => ({
        class: c.class,
        old: c.old ?? [],
        new: c.new ?? [],
        ...(c.note ? { note: c.note } : {}),
      })),
    );
    maps.set(policy.id, { oldId: policy.id, newId, rows });
  }
  const versions = { problems, maps };
  cache.set(kb, versions);
  return versions;
}

/** Why `newId` and `oldId` are not two versions of one law, or undefined when they are. */
function notVersions(kb: KnowledgeBase, newId: string, oldId: string): string | undefined {
  const byId = new Map(kb.policies.map((p) => [p.id, p]));
  if (!byId.has(newId))
    return `there is no policy “${newId}” (content/policies/${newId}/index.mdx)`;
  if (!byId.has(oldId))
    return `there is no policy “${oldId}”: the file name names the older version`;
  // Either the newer version's supersedes chain reaches the older one, or
  // the older one's supersededBy chain reaches the newer one.
  const reaches = (from: string, field: "supersedes" | "supersededBy", to: string) => {
    const seen: string[] = [];
    let next = byId.get(from)?.data[field];
    while (next && !seen.includes(next)) {
      if (next === to) return { ok: true, seen };
      seen.push(next);
      next = byId.get(next)?.data[field];
    }
    return { ok: false, seen };
  };
  const down = reaches(newId, "supersedes", oldId);
  if (reaches(newId, "supersededBy", oldId).ok || reaches(oldId, "supersedes", newId).ok) {
    return `${oldId} is the newer version: the file belongs in content/policies/${oldId}/ as changes-from-${newId}.yaml`;
  }
  if (!down.ok && !reaches(oldId, "supersededBy", newId).ok) {
    return down.seen.length
      ? `${newId} supersedes ${down.seen.join(" → ")}, not ${oldId}`
      : `neither does ${newId} name ${oldId} in supersedes: nor ${oldId} name ${newId} in supersededBy:`;
  }
  for (const id of [newId, oldId]) {
    if (!kb.lawTexts.has(id)) return `${id} has no official text (text.zh.md) to map articles in`;
  }
  return undefined;
}

/** The problems of one override file against the knowledge base. */
function checkLawChangesFile(kb: KnowledgeBase, file: LawChangesFile): Problem[] {
  if (kb.unreadable.has(`policy:${file.newId}`) || kb.unreadable.has(`policy:${file.oldId}`))
    return [];
  const problems: Problem[] = [];
  const why = notVersions(kb, file.newId, file.oldId);
  if (why !== undefined) {
    problems.push(
      inFile(
        finding("lawmap/not-versions", {
          line: 1,
          values: { newId: file.newId, oldId: file.oldId, why },
        }),
        file.file,
      ),
    );
    return problems;
  }
  const texts = {
    old: { policy: file.oldId, text: kb.lawTexts.get(file.oldId)?.text },
    new: { policy: file.newId, text: kb.lawTexts.get(file.newId)?.text },
  };
  const seen = {
    old: new Map<string, { line: number; index: number }>(),
    new: new Map<string, { line: number; index: number }>(),
  };
  const manyToMany = new Set(["merged", "split"]);
  file.data.changes.forEach((change, index) => {
    for (const side of ["old", "new"] as const) {
      const { policy, text } = texts[side];
      const ids = new Set(text?.articles.map((a) => articleId(a)));
      const last = text?.articles.at(-1)?.number ?? 0;
      const field = `changes[${index}].${side}`;
      const line = file.lineOf(["changes", index, side]) ?? 1;
      for (const id of change[side] ?? []) {
        if (!ids.has(id)) {
          problems.push(
            inFile(
              finding("lawmap/unknown-article", {
                line,
                field,
                values: { side, article: id, policy, last },
              }),
              file.file,
            ),
          );
          continue;
        }
        const first = seen[side].get(id);
        if (first === undefined) {
          seen[side].set(id, { line, index });
          continue;
        }
        const earlier = file.data.changes[first.index];
        if (earlier && manyToMany.has(earlier.class) && manyToMany.has(change.class)) continue;
        problems.push(
          inFile(
            finding("lawmap/mapped-twice", {
              ...withLine(line),
              field,
              values: { side, article: id, first: first.line, line },
            }),
            file.file,
          ),
        );
      }
    }
  });
  return problems;
}

/** The row of the map from `oldId` that names old article `article`. */
export function rowOfOldArticle(
  versions: LawVersions,
  oldId: string,
  article: string,
): { map: VersionMap; row: ArticleChange } | undefined {
  const map = versions.maps.get(oldId);
  const row = map?.rows.find((r) => r.old.includes(article));
  return map && row ? { map, row } : undefined;
}
