import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import { parseLawText } from "../law/parse-law-text.ts";

/**
 * Content Layer loader for the official texts `policies/<id>/text.zh.md`:
 * each becomes an entry with id `<id>` holding the parsed chapters and
 * articles. Unchanged files are not parsed again (digest check).
 */
export function lawTextLoader(policiesDir: string): Loader {
  return {
    name: "union-kb-law-texts",
    load: async ({ store, generateDigest, watcher, config }) => {
      const root = fileURLToPath(config.root);
      const sync = (): void => {
        const ids = new Set<string>();
        const folders = existsSync(policiesDir) ? readdirSync(policiesDir) : [];
        for (const id of folders) {
          const filePath = join(policiesDir, id, "text.zh.md");
          if (!existsSync(filePath)) continue;
          ids.add(id);
          const source = readFileSync(filePath, "utf8");
          const digest = generateDigest(source);
          if (store.get(id)?.digest === digest) continue;
          const text = parseLawText(source);
          store.set({ id, data: { ...text }, digest, filePath: relative(root, filePath) });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      sync();
      watcher?.add(policiesDir);
      watcher?.on("change", (path) => {
        if (path.startsWith(policiesDir) && path.endsWith("text.zh.md")) sync();
      });
    },
  };
}
