import { readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { isFenceProblem, splitFrontmatter } from "../kb/frontmatter.ts";

/**
 * Hands Astro's MDX compiler the bodies of the knowledge base's MDX files
 * with the frontmatter replaced by empty lines. The frontmatter has already
 * been read, by the same YAML reader as `npm run check`, into the entry's
 * data (src/lib/astro/kb-loader.ts); left in place, the MDX compiler would
 * parse it a second time with another YAML library, which reads some files
 * differently (dates, tags) or fails on them without naming the file.
 * Line numbers in the compiler's messages stay those of the file.
 */
export function mdxWithoutFrontmatter(contentDir: string): Plugin {
  const root = `${resolve(contentDir)}${sep}`;
  return {
    name: "union-kb:mdx-without-frontmatter",
    enforce: "pre",
    load(id) {
      if (!id.endsWith(".mdx") || !id.startsWith(root)) return null;
      const text = readFileSync(id, "utf8");
      const split = splitFrontmatter(text);
      if (isFenceProblem(split)) return text;
      return "\n".repeat(split.bodyLine - 1) + split.body;
    },
  };
}
