import { type CollectionEntry, render } from "astro:content";
import { bodyOf } from "../lib/astro/rendered-bodies.ts";

/**
 * An MDX entry's body: its source, its rendered HTML and a lesson's print
 * form. The loader keeps them beside Astro's data store
 * (src/lib/astro/rendered-bodies.ts) and leaves a reference in the entry; a
 * body Astro compiles itself (one with code) has no reference and keeps its
 * source in `entry.body`, as Astro's own loaders do.
 */

/** What the pages render: a lesson, case or policy entry of the content layer. */
type RenderableEntry = CollectionEntry<"lessons" | "cases" | "policies">;

/** The parts of an entry that lead to its body. */
export interface WithBodyRef {
  body?: string | undefined;
  rendered?: { metadata?: object | undefined } | undefined;
}

/** The reference the loader leaves where Astro keeps rendered HTML. */
function refOf(entry: WithBodyRef): string | undefined {
  const ref = (entry.rendered?.metadata as { bodyRef?: unknown } | undefined)?.bodyRef;
  return typeof ref === "string" ? ref : undefined;
}

/** The entry's MDX source (without frontmatter), or undefined for an entry without a body. */
export function sourceOf(entry: WithBodyRef): string | undefined {
  if (entry.body !== undefined) return entry.body;
  const ref = refOf(entry);
  return ref ? bodyOf(ref).source : undefined;
}

/**
 * Astro's `render(entry)`, with the HTML put back where Astro's render()
 * reads it: pages get the same `Content` and `headings`, and Astro still
 * records which page shows which entry.
 */
export function renderEntry(entry: RenderableEntry) {
  const ref = refOf(entry);
  if (!ref || !entry.rendered) return render(entry);
  return render({ ...entry, rendered: { ...entry.rendered, html: bodyOf(ref).html } });
}

/** A lesson's print form (footnote markers not yet numbered), if the loader rendered one. */
export function printHtmlOf(entry: WithBodyRef): string | undefined {
  const ref = refOf(entry);
  return ref ? bodyOf(ref).printHtml : undefined;
}
