import { mdxComponents } from "../mdx/index.ts";
import ScrollTable from "./ScrollTable.astro";

/**
 * What screen pages pass to `<Content components={…} />`: the author
 * components plus Markdown elements drawn our way (tables that scroll on a
 * phone instead of squeezing a number one character per line).
 */
export const proseComponents = { ...mdxComponents, table: ScrollTable };
