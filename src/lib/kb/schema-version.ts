import { type Finding, finding } from "../problems/problem.ts";

/**
 * Which version of the content schema this Union KB reads. A knowledge base
 * says which version it was written for (`schemaVersion` in site.yaml, written
 * by `union-kb init`); when a newer tool renames or changes a field, the
 * version goes up, the change is listed here and in CHANGELOG.md ("Migrating"),
 * and `check` names every place that needs it, with the fix.
 */
export const SCHEMA_VERSION = 2;

/** A field that was renamed: the old name is still read, with a warning saying what to write. */
export interface RenamedField {
  /** The schema version that renamed it. */
  version: number;
  /** The file, relative to the knowledge base. */
  file: "site.yaml";
  /** The old field's path, e.g. ["kiosk", "idleSeconds"]. */
  from: readonly string[];
  /** Its new name (same parent). */
  to: string;
  /** The tool version that made the change, for the CHANGELOG reference. */
  release: string;
}

/** Every rename since schema version 1, oldest first. */
export const RENAMED_FIELDS: readonly RenamedField[] = [
  // "idleSeconds" did not say what happens after the idle time.
  {
    version: 2,
    file: "site.yaml",
    from: ["kiosk", "idleSeconds"],
    to: "homeAfterSeconds",
    release: "0.2.0",
  },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Applies the renames to a copy of a file's data, so a knowledge base written
 * for an older schema keeps building, and returns what it found: one warning
 * per old name, placed on its line (`lineOf`), naming the new name and the
 * version. When the new name is also there, the old one is left for the
 * schema to refuse as unknown.
 */
export function migrateRenamedFields(
  file: RenamedField["file"],
  data: unknown,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): { data: unknown; findings: Finding[] } {
  if (!isRecord(data)) return { data, findings: [] };
  const copy = structuredClone(data);
  const findings: Finding[] = [];
  for (const rename of RENAMED_FIELDS) {
    if (rename.file !== file) continue;
    const parentPath = rename.from.slice(0, -1);
    const old = rename.from.at(-1) as string;
    let parent: unknown = copy;
    for (const key of parentPath) parent = isRecord(parent) ? parent[key] : undefined;
    if (!isRecord(parent) || !Object.hasOwn(parent, old)) continue;
    findings.push(
      finding("schema/renamed-field", {
        line: lineOf(rename.from),
        field: rename.from.join("."),
        values: {
          old,
          new: rename.to,
          version: rename.version,
          release: rename.release,
          path: [...parentPath, rename.to].join("."),
        },
      }),
    );
    if (Object.hasOwn(parent, rename.to)) continue;
    parent[rename.to] = parent[old];
    delete parent[old];
  }
  return { data: copy, findings };
}

/**
 * What the declared `schemaVersion` says: an error when the content was
 * written for a newer Union KB than this one, a warning when for an older one
 * (the renames above say what to change; then the version is raised).
 * Content without a `schemaVersion` is taken as written for this version.
 */
export function checkSchemaVersion(
  declared: number | undefined,
  line: number | undefined,
): Finding | undefined {
  if (declared === undefined || declared === SCHEMA_VERSION) return undefined;
  const values = { declared, current: SCHEMA_VERSION };
  return declared > SCHEMA_VERSION
    ? finding("schema/newer-version", { line, field: "schemaVersion", values })
    : finding("schema/older-version", { line, field: "schemaVersion", values });
}
