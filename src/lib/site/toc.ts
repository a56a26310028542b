/** Tables of contents built from a page's headings. */

/** A heading as Astro's `render()` reports it, or one the page adds itself. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One entry of the table of contents, with its sub-headings. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** When a page deserves a table of contents. */
export interface TocOptions {
  /** Fewest top-level entries worth a table of contents (default 3). */
  minEntries?: number;
  /** Deepest heading level listed (default 3: h2 and h3). */
  maxDepth?: number;
}

/**
 * Nests h2/h3 headings into a table of contents. Returns an empty list when
 * there are too few entries to be worth one, so callers can just test length.
 */
export function buildToc(headings: readonly Heading[], options: TocOptions = {}): TocEntry[] {
  const maxDepth = options.maxDepth ?? 3;
  const listed = headings.filter((h) => h.depth >= 2 && h.depth <= maxDepth && h.slug);
  const top = Math.min(...listed.map((h) => h.depth));
  const toc: TocEntry[] = [];
  for (const heading of listed) {
    const entry = { slug: heading.slug, text: heading.text, children: [] };
    const parent = toc.at(-1);
    if (heading.depth > top && parent) parent.children.push(entry);
    else toc.push(entry);
  }
  return toc.length >= (options.minEntries ?? 3) ? toc : [];
}
