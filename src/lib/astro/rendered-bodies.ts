import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

/**
 * Rendered MDX bodies, kept beside Astro's data store instead of in it.
 *
 * Astro serialises its whole data store (devalue) after every change and
 * bundles it into the build as one string; with the bodies' HTML and print
 * forms in it, that was 14 MB at 1,000 entries, written again on every save
 * in `npm run dev` and parsed by rolldown in every build. The loader now
 * stores only a reference (the entry's digest) and keeps the HTML here: in
 * memory for the pages rendered in the same process (Astro's build and dev
 * server run the loader and the pages in one process), and in a file per
 * body under Astro's cache folder for a later build that keeps the entry.
 */

/** What a page shows of one rendered body. */
export interface RenderedBody {
  /** The MDX source without its frontmatter (reading time, citations, cache keys). */
  source: string;
  html: string;
  /** A lesson's print form, with footnote markers (src/lib/handouts/print-cite.ts). */
  printHtml?: string;
}

interface Registry {
  /** Per collection, the folder the loader keeps the bodies in. */
  dirs: Map<string, string>;
  bodies: Map<string, RenderedBody>;
  /** Per collection, the references the store held after the loader's last run. */
  previous: Map<string, ReadonlySet<string>>;
}

const KEY = Symbol.for("union-kb.rendered-bodies");

function registry(): Registry {
  const global = globalThis as { [KEY]?: Registry };
  global[KEY] ??= { dirs: new Map(), bodies: new Map(), previous: new Map() };
  return global[KEY];
}

/** A body's reference: the collection and the entry's digest. */
export const bodyRef = (collection: string, digest: string) => `${collection}/${digest}`;

const fileOf = (dir: string, ref: string) => join(dir, `${ref.slice(ref.indexOf("/") + 1)}.json`);

/** Where `collection` keeps its bodies in this build; the loader calls it first. */
export function useBodyDir(collection: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  registry().dirs.set(collection, dir);
}

/**
 * Keeps a rendered body in memory and writes it to its file (a temporary
 * name first, so an interrupted build never leaves half a body behind).
 */
export function keepBody(ref: string, body: RenderedBody): void {
  const { dirs, bodies } = registry();
  bodies.set(ref, body);
  const dir = dirs.get(ref.slice(0, ref.indexOf("/")));
  if (!dir) return;
  const file = fileOf(dir, ref);
  writeFileSync(`${file}.tmp`, JSON.stringify(body));
  renameSync(`${file}.tmp`, file);
}

/** Whether `ref` can be shown: kept in memory, or in its file. */
export function hasBody(ref: string): boolean {
  const { dirs, bodies } = registry();
  if (bodies.has(ref)) return true;
  const dir = dirs.get(ref.slice(0, ref.indexOf("/")));
  return dir !== undefined && existsSync(fileOf(dir, ref));
}

/** The rendered body `ref` names: from memory, or from the file an earlier build wrote. */
export function bodyOf(ref: string): RenderedBody {
  const { dirs, bodies } = registry();
  const kept = bodies.get(ref);
  if (kept) return kept;
  const dir = dirs.get(ref.slice(0, ref.indexOf("/")));
  const file = dir ? fileOf(dir, ref) : undefined;
  try {
    if (!file) throw new Error("no folder");
    const body = JSON.parse(readFileSync(file, "utf8")) as RenderedBody;
    bodies.set(ref, body);
    return body;
  } catch {
    throw new Error(
      `The rendered text of ${ref} is missing${file ? ` (${file})` : ""}. ` +
        "Astro's cache is incomplete: delete node_modules/.astro and build again.",
    );
  }
}

/**
 * Lets go of the bodies of `collection` (in memory and their files) that
 * neither the store now (`refs`) nor the store before the loader's last run
 * refers to. One generation back is kept for `npm run dev`: after a save the
 * dev server may still render a page from the store as it was, for a moment,
 * and that page's body must still be there (it was missing: an error in the
 * terminal on every save). A build runs the loader once, so it keeps only
 * the current bodies, as before.
 */
export function pruneBodies(collection: string, refs: ReadonlySet<string>): void {
  const { dirs, bodies, previous } = registry();
  const before = previous.get(collection) ?? new Set<string>();
  const alive = (ref: string) => refs.has(ref) || before.has(ref);
  const prefix = `${collection}/`;
  for (const ref of bodies.keys()) if (ref.startsWith(prefix) && !alive(ref)) bodies.delete(ref);
  previous.set(collection, new Set(refs));
  const dir = dirs.get(collection);
  if (!dir) return;
  for (const name of readdirSync(dir)) {
    const ref = bodyRef(collection, name.replace(/\.json(?:\.tmp)?$/, ""));
    if (name.endsWith(".tmp") || !alive(ref)) rmSync(join(dir, name), { force: true });
  }
}

/** Forgets the bodies held in memory, as a new process starts without them (tests). */
export function forgetBodiesInMemory(): void {
  registry().bodies.clear();
}
