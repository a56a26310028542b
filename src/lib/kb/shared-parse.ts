import { type Entry, type KnowledgeBase, loadKnowledgeBase } from "./load.ts";

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
}

const KEY = Symbol.for("union-kb.shared-parse");
const slot = globalThis as unknown as Record<symbol, SharedParse | undefined>;

function state(): SharedParse {
  slot[KEY] ??= { dir: "", kb: undefined, stale: false };
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
    policies: kb.policies.map(slim),
    cases: kb.cases.map(slim),
  };
}

/** Offers a parse just made (by the content check) to later readers in this process. */
export function shareParse(dir: string, kb: KnowledgeBase): void {
  Object.assign(state(), { dir, kb, stale: false });
}

/** The shared parse of `dir`, parsing the knowledge base when there is none yet or it is stale. */
export function sharedParse(dir: string): KnowledgeBase {
  const shared = state();
  if (!shared.kb || shared.dir !== dir || shared.stale) shareParse(dir, loadKnowledgeBase(dir).kb);
  return state().kb as KnowledgeBase;
}

/** A file of the knowledge base changed: the next reader parses it again. */
export function markParseStale(): void {
  state().stale = true;
}

/** Lets go of the parse (its YAML documents hold ~0.1 GB at 5,000 entries) once nothing needs it. */
export function dropParse(): void {
  state().kb = undefined;
}
