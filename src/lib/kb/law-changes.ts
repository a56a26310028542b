import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { type LawChanges, LawChangesSchema } from "../../schemas/law-changes.ts";
import { inFile, type Problem } from "../problems/problem.ts";
import { readContentFile } from "./text-file.ts";
import { isYamlError, parseYamlSource } from "./yaml-source.ts";
import { zodProblems } from "./zod-problems.ts";

/**
 * content/policies/<new>/changes-from-<old>.yaml: the authored corrections to
 * the article map between two versions of a law (docs/law-versions.md).
 */
export interface LawChangesFile {
  /** The newer version: the folder the file is in. */
  newId: string;
  /** The older version, from the file name. */
  oldId: string;
  /** The path as reports show it. */
  file: string;
  data: LawChanges;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FILE = /^changes-from-(.+)\.ya?ml$/;

/** The files and what is wrong with them (YAML syntax, encoding, schema). */
export interface LawChangesRead {
  files: LawChangesFile[];
  problems: Problem[];
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Reads and validates every changes-from-<old>.yaml under content/policies/. */
export function readLawChanges(contentDir: string, cwd = process.cwd()): LawChangesRead {
  const out: LawChangesRead = { files: [], problems: [] };
  const dir = join(contentDir, "policies");
  if (!existsSync(dir)) return out;
  for (const folder of readdirSync(dir).sort()) {
    if (folder.startsWith(".")) continue;
    const folderPath = join(dir, folder);
    if (!statSync(folderPath, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of readdirSync(folderPath).sort()) {
      const match = FILE.exec(name);
      if (!match?.[1]) continue;
      const path = join(folderPath, name);
      const file = display(path, cwd);
      const text = readContentFile(path);
      if (!text.ok) {
        const { ok: _, ...found } = text;
        out.problems.push(inFile(found, file));
        continue;
      }
      const source = parseYamlSource(text.text);
      if (isYamlError(source)) {
        out.problems.push(inFile(source, file));
        continue;
      }
      const parsed = LawChangesSchema.safeParse(source.data ?? {});
      if (!parsed.success) {
        out.problems.push(
          ...zodProblems(parsed.error, {
            file,
            data: source.data,
            lineOf: source.lineOf,
            fields: Object.keys(LawChangesSchema.shape),
          }),
        );
        continue;
      }
      out.files.push({
        newId: folder,
        oldId: match[1],
        file,
        data: parsed.data,
        lineOf: source.lineOf,
      });
    }
  }
  return out;
}
