/**
 * Astro loads src/content.config.ts through Vite's module runner, which
 * transforms again, into a copy of its own, every module the file imports:
 * the loader, the MDX renderer, the schemas and what they import. In
 * `npm run build` Node has loaded them already for the content check, so
 * Astro's process hands its own copies over here before the build and
 * content.config.ts takes them (sample: Astro's content sync 1.3 s → 0.8 s,
 * the build 8.9 s → 7.6 s; the site is byte-identical). This module itself
 * imports nothing, so Vite has only it to transform. `npm run dev` and
 * `astro check` hand nothing over: content.config.ts imports the parts, and
 * the dev server reloads them when they change.
 */
export type CollectionParts = typeof import("./collection-parts.ts");

const KEY = Symbol.for("union-kb.collection-parts");
const slot = globalThis as unknown as Record<symbol, CollectionParts | undefined>;

/** Offers the parts as this process loaded them to src/content.config.ts. */
export function offerCollectionParts(parts: CollectionParts): void {
  slot[KEY] = parts;
}

/** The parts offered by `npm run build`, if any. */
export function offeredCollectionParts(): CollectionParts | undefined {
  return slot[KEY];
}
