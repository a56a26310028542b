import { resolve } from "node:path";
import { type Entry, type KnowledgeBase, loadKnowledgeBase, reloadMdxFile } from "./load.ts";

/**
 * The knowledge base parsed once per process and shared: the content check
 * parses it, and Astro's Content Layer loaders (src/lib/astro/kb-loader.ts)
 * fill every collection from that same parse instead of reading the files
 * again. Kept on `globalThis` because Astro loads src/content.config.ts through
 * Vite's module runner, which has its own copy of every module.
 */
interface SharedParse {
  dir: string;
  kb: KnowledgeBase | undefined;
  /** Set when a file changed (dev server): the next reader parses again. */
  stale: boolean;
  /** Files edited in place since the last parse: read again one by one when that suffices. */
  edited: Set<string>;
}

const KEY = Symbol.for("union-kb.shared-parse");
const slot = globalThis as unknown as Record<symbol, SharedParse | undefined>;

function state(): SharedParse {
  slot[KEY] ??= { dir: "", kb: undefined, stale: false, edited: new Set() };
  return slot[KEY];
}

/**
 * The knowledge base without what only the check needs: the parsed YAML
 * documents behind `lineOf` and the MDX trees cached per entry (src/lib/mdx/
 * parse.ts) become garbage, about 0.4 GB at 5,000 entries, before Astro
 * starts bundling.
 */
export function withoutSources(kb: KnowledgeBase): KnowledgeBase {
  const noLines = () => undefined;
  const slim = <T extends Entry<unknown>>(entry: T): T => ({ ...entry, lineOf: noLines });
  return {
    ...kb,
    ...(kb.site ? { site: slim(kb.site) } : {}),
    topics: kb.topics.map(slim),
    glossary: kb.glossary.map(slim),
    courses: kb.courses.map(slim),
    lessons: kb.lessons.map(slim),
    questions: kb.questions.map(slim),
    policies: kb.policies.map(slim),
    cases: kb.cases.map(slim),
  };
}

/** Offers a parse just made (by the content check) to later readers in this process. */
export function shareParse(dir: string, kb: KnowledgeBase): void {
  Object.assign(state(), { dir, kb, stale: false, edited: new Set() });
}

/** The parse with the edited files read again, when each is a lesson or case that still reads cleanly. */
function reloadEdited(shared: SharedParse): KnowledgeBase | undefined {
  let kb = shared.kb;
  for (const path of shared.edited) kb = kb && reloadMdxFile(kb, path);
  return kb;
}

/** The shared parse of `dir`, parsing the knowledge base when there is none yet or it is stale. */
export function sharedParse(dir: string): KnowledgeBase {
  const shared = state();
  if (shared.kb && shared.dir === dir && !shared.stale && shared.edited.size > 0) {
    const kb = reloadEdited(shared);
    if (kb) shareParse(dir, kb);
    else shared.stale = true;
  }
  if (!shared.kb || shared.dir !== dir || shared.stale) shareParse(dir, loadKnowledgeBase(dir).kb);
  return state().kb as KnowledgeBase;
}

/**
 * A file of the knowledge base changed (dev server). A file edited in place
 * (`change`) is read again on its own when it is a lesson or a case; any other
 * change (a file added, deleted or renamed, YAML) makes the next reader parse
 * everything again.
 */
export function markParseStale(event = "all", path?: string): void {
  const shared = state();
  if (event === "change" && path) shared.edited.add(resolve(path));
  else shared.stale = true;
}

/** Lets go of the parse (its YAML documents hold ~0.1 GB at 5,000 entries) once nothing needs it. */
export function dropParse(): void {
  state().kb = undefined;
}
