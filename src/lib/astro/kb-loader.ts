import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import type { Locale } from "../../schemas/common.ts";
import { PRINT } from "../handouts/print-cite.ts";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { dropParse, markParseStale, sharedParse } from "../kb/shared-parse.ts";
import { SCREEN } from "../mdx/render/components.ts";
import { contextFor, type KbLookups, kbLookups } from "../mdx/render/kb-context.ts";
import { renderMdxBodies } from "../mdx/render/render.ts";
import { renderInputsDigest, toolDigest } from "../mdx/render/version.ts";
import { bodyRef, hasBody, keepBody, pruneBodies, useBodyDir } from "./rendered-bodies.ts";

/** The collections of src/content.config.ts that come from the knowledge base's own files. */
export type KbCollection =
  | "site"
  | "topics"
  | "glossary"
  | "courses"
  | "lessons"
  | "questions"
  | "policies"
  | "cases"
  | "events"
  | "materials"
  | "lawTexts";

/** Entries of a collection that are MDX: their bodies are rendered to HTML as they load. */
const MDX: ReadonlySet<KbCollection> = new Set(["lessons", "policies", "cases"]);

/** Collections whose entries also have a print form (the handouts). */
const PRINTED: ReadonlySet<KbCollection> = new Set(["lessons"]);

/** Every collection src/content.config.ts fills from the knowledge base. */
export const KB_COLLECTIONS: readonly KbCollection[] = [
  "site",
  "topics",
  "glossary",
  "courses",
  "lessons",
  "questions",
  "policies",
  "cases",
  "events",
  "materials",
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
  if (KB_COLLECTIONS.every((c) => filled.has(c))) {
    dropParse();
    lastInputs = undefined;
  }
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

interface RenderInputs {
  lookups: KbLookups;
  digest: string;
  from: Pick<KnowledgeBase, "policies" | "glossary" | "lawTexts">;
}

let lastInputs: RenderInputs | undefined;

/**
 * The renderer's lookups and the digest of what bodies may show of other
 * entries. Made again only when the policies, law texts or glossary are not
 * the ones of the last parse: a lesson saved in `npm run dev` reuses them.
 */
function renderInputsOf(kb: KnowledgeBase, base: string): RenderInputs {
  const last = lastInputs;
  if (
    last?.lookups.base === base &&
    last.from.policies === kb.policies &&
    last.from.glossary === kb.glossary &&
    last.from.lawTexts === kb.lawTexts
  )
    return last;
  lastInputs = {
    lookups: kbLookups(kb, base),
    digest: renderInputsDigest(kb, base),
    from: { policies: kb.policies, glossary: kb.glossary, lawTexts: kb.lawTexts },
  };
  return lastInputs;
}

/**
 * How entries are stored: part of every digest, so that a cache written by
 * an older layout (rendered HTML inside the data store) is never reused.
 */
const STORE_LAYOUT = "bodies-beside-the-store/1";

/**
 * An MDX body rendered to HTML (and, for lessons, to its print form), or
 * undefined when it contains code only Astro's MDX compiler can run.
 */
function rendered(collection: KbCollection, body: string, lookups: KbLookups, locale: Locale) {
  const variants = PRINTED.has(collection) ? [SCREEN, PRINT] : [SCREEN];
  const [web, print] = renderMdxBodies(body, contextFor(lookups, locale), variants) ?? [];
  if (!web) return undefined;
  return { html: web.html, headings: web.headings, ...(print ? { printHtml: print.html } : {}) };
}

/** The stored entry's body reference, if it has one. */
function refOf(entry: { rendered?: { metadata?: object } } | undefined) {
  const ref = (entry?.rendered?.metadata as { bodyRef?: unknown } | undefined)?.bodyRef;
  return typeof ref === "string" ? ref : undefined;
}

async function sync(
  contentDir: string,
  collection: KbCollection,
  { store, parseData, generateDigest, config }: LoaderContext,
): Promise<void> {
  // Rendered bodies live beside the data store (./rendered-bodies.ts), in
  // Astro's cache folder; without one (unit tests) they stay in memory.
  if (MDX.has(collection) && config.cacheDir)
    useBodyDir(
      collection,
      fileURLToPath(new URL(`union-kb-bodies/${collection}/`, config.cacheDir)),
    );
  const root = fileURLToPath(config.root);
  const kb = sharedParse(contentDir);
  const entries = entriesOf(kb, collection);
  const mdx = MDX.has(collection);
  // A body's HTML shows other entries (cited articles, glossary terms): their
  // data, the base path and the renderer itself are part of every digest.
  const inputs = mdx ? renderInputsOf(kb, config.base) : undefined;
  const ids = new Set<string>();
  const refs = new Set<string>();
  for (const entry of entries) {
    ids.add(entry.id);
    const body = mdx ? (entry.body ?? "").trim() : undefined;
    // The tool's own digest covers the schemas, whose defaults fill `data`.
    const digest = generateDigest(
      `${STORE_LAYOUT}\u0000${toolDigest()}\u0000${JSON.stringify(entry.raw)}\u0000${body ?? ""}\u0000${inputs?.digest ?? ""}`,
    );
    const filePath = relative(root, entry.path).split(sep).join("/");
    const kept = store.get(entry.id);
    const keptRef = refOf(kept);
    // A kept entry whose rendered body went missing (its file deleted) renders again.
    if (kept?.digest === digest && (!keptRef || hasBody(keptRef))) {
      if (keptRef) refs.add(keptRef);
      // Kept from the last build's data store. A body Astro compiles must
      // still be named as a module, as its own glob() loader does.
      if (kept.deferredRender) store.addModuleImport(filePath);
      continue;
    }
    // The law texts are parsed already (src/lib/law); the others are checked
    // against the collection's schema again, from the same parsed YAML.
    const data =
      collection === "lawTexts"
        ? { ...(entry.data as object) }
        : await parseData({ id: entry.id, data: entry.raw as Record<string, unknown>, filePath });
    if (body === undefined || !inputs) {
      store.set({ id: entry.id, data, digest, filePath });
      continue;
    }
    const html = rendered(
      collection,
      body,
      inputs.lookups,
      (data as { lang?: Locale }).lang ?? "zh-CN",
    );
    if (html) {
      const { headings, ...text } = html;
      const ref = bodyRef(collection, digest);
      keepBody(ref, { source: body, ...text });
      refs.add(ref);
      // Astro's render() reads `html`; src/data/entry-body.ts fills it from the ref.
      const stored = { html: "", metadata: { headings, bodyRef: ref } };
      store.set({ id: entry.id, data, digest, filePath, rendered: stored });
    } else {
      store.set({ id: entry.id, data, digest, filePath, body, deferredRender: true });
      store.addModuleImport(filePath);
    }
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  if (mdx) pruneBodies(collection, refs);
  keepEmpty(store, entries.length);
  const stored = store.keys().length;
  if (stored !== ids.size) {
    throw new Error(
      `The build holds ${stored} ${collection} entries, but the content check read ${ids.size}. ` +
        "Please report this: what passes the check must be what gets built.",
    );
  }
}

const PLACEHOLDER = "\u0000union-kb-empty";

/**
 * Astro warns that a collection "does not exist or is empty" whenever a page
 * asks for one that never held an entry, which a new knowledge base without
 * courses or glossary does on every page. Setting and deleting a placeholder
 * makes the collection exist, empty: pages get [] and the log stays clean.
 */
function keepEmpty(store: LoaderContext["store"], count: number): void {
  if (count > 0) return;
  store.set({ id: PLACEHOLDER, data: {} });
  store.delete(PLACEHOLDER);
}

/**
 * A Content Layer loader for one collection of the knowledge base. Every
 * collection is filled from the parse the content check made in this process
 * (src/lib/kb/shared-parse.ts): one YAML reader, one frontmatter split, the
 * same entries, so what passes the check is what gets built. MDX bodies are
 * rendered to HTML here (src/lib/mdx/render), as Astro's glob() loader does
 * for Markdown: no JavaScript module per entry. A body with code, which only
 * a site with `allowScripts: true` may hold, is left to Astro's MDX compiler.
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
      watcher.on("all", (event, path) => {
        if (!resolve(path).startsWith(`${dir}${sep}`)) return;
        markParseStale(event, path);
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
