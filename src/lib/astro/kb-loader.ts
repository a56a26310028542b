import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { dropParse, markParseStale, sharedParse } from "../kb/shared-parse.ts";

/** The collections of src/content.config.ts that come from the knowledge base's own files. */
export type KbCollection =
  | "site"
  | "topics"
  | "glossary"
  | "courses"
  | "lessons"
  | "policies"
  | "cases"
  | "events"
  | "lawTexts";

/** Entries of a collection that are MDX: Astro compiles their bodies when a page renders them. */
const MDX: ReadonlySet<KbCollection> = new Set(["lessons", "policies", "cases"]);

/** Every collection src/content.config.ts fills from the knowledge base. */
export const KB_COLLECTIONS: readonly KbCollection[] = [
  "site",
  "topics",
  "glossary",
  "courses",
  "lessons",
  "policies",
  "cases",
  "events",
  "lawTexts",
];

/** Collections filled in a build; once all are, the shared parse is let go. */
const filled = new Set<KbCollection>();

/**
 * In a build the parse is needed only until every collection holds its
 * entries: the parsed YAML documents kept for line numbers would otherwise
 * stay in Astro's memory through the whole render (~0.1 GB at 5,000 entries).
 */
function release(collection: KbCollection): void {
  filled.add(collection);
  if (KB_COLLECTIONS.every((c) => filled.has(c))) dropParse();
}

function entriesOf(kb: KnowledgeBase, collection: KbCollection): Entry<unknown>[] {
  if (collection === "site") return kb.site ? [kb.site] : [];
  if (collection === "lawTexts") {
    return [...kb.lawTexts].map(([id, { file, path, text }]) => ({
      id,
      file,
      path,
      data: text,
      raw: text,
      lineOf: () => undefined,
    }));
  }
  return kb[collection];
}

async function sync(
  contentDir: string,
  collection: KbCollection,
  { store, parseData, generateDigest, config }: LoaderContext,
): Promise<void> {
  const root = fileURLToPath(config.root);
  const entries = entriesOf(sharedParse(contentDir), collection);
  const ids = new Set<string>();
  for (const entry of entries) {
    ids.add(entry.id);
    const body = MDX.has(collection) ? (entry.body ?? "").trim() : undefined;
    const digest = generateDigest(`${JSON.stringify(entry.raw)}\u0000${body ?? ""}`);
    const filePath = relative(root, entry.path).split(sep).join("/");
    if (store.get(entry.id)?.digest === digest) {
      // Kept from the last build's data store; Astro must still be told
      // which module renders the body, as its own glob() loader does.
      if (body !== undefined) store.addModuleImport(filePath);
      continue;
    }
    // The law texts are parsed already (src/lib/law); the others are checked
    // against the collection's schema again, from the same parsed YAML.
    const data =
      collection === "lawTexts"
        ? { ...(entry.data as object) }
        : await parseData({ id: entry.id, data: entry.raw as Record<string, unknown>, filePath });
    store.set({
      id: entry.id,
      data,
      digest,
      filePath,
      ...(body === undefined ? {} : { body, deferredRender: true }),
    });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  const stored = store.keys().length;
  if (stored !== ids.size) {
    throw new Error(
      `The build holds ${stored} ${collection} entries, but the content check read ${ids.size}. ` +
        "Please report this: what passes the check must be what gets built.",
    );
  }
}

/**
 * A Content Layer loader for one collection of the knowledge base. Every
 * collection is filled from the parse the content check made in this process
 * (src/lib/kb/shared-parse.ts): one YAML reader, one frontmatter split, the
 * same entries, so what passes the check is what gets built. MDX bodies are
 * compiled by Astro when a page renders them (deferred rendering).
 */
export function kbLoader(contentDir: string, collection: KbCollection): Loader {
  const dir = resolve(contentDir);
  return {
    name: `union-kb-${collection}`,
    load: async (context) => {
      await sync(dir, collection, context);
      const { watcher, logger } = context;
      if (!watcher) {
        release(collection);
        return;
      }
      watcher.add(dir);
      let timer: NodeJS.Timeout | undefined;
      watcher.on("all", (_event, path) => {
        if (!resolve(path).startsWith(`${dir}${sep}`)) return;
        markParseStale();
        // Editors often write a file twice in a row; sync once after the last.
        clearTimeout(timer);
        timer = setTimeout(() => {
          sync(dir, collection, context).catch((error: unknown) =>
            logger.error(error instanceof Error ? error.message : String(error)),
          );
        }, 100);
      });
    },
  };
}
