import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { parse as parseYaml } from "yaml";
import { unionKb } from "./src/lib/astro/integration.ts";
import { mdxWithoutFrontmatter } from "./src/lib/astro/mdx-frontmatter.ts";
import { narrowFonts } from "./src/lib/astro/narrow-fonts.ts";
import { pagefindSearch } from "./src/lib/astro/pagefind.ts";
import { lowMemoryFromEnv, outFromEnv } from "./src/lib/env.ts";
import { cacheDirFor, contentDir } from "./src/lib/kb/content-dir.ts";
import { inSitemap } from "./src/lib/site/sitemap.ts";

const content = contentDir();

/** site.yaml decides the public URL and sub-folder; a broken file is reported by the check. */
function siteSettings(): { url: string; base: string } {
  try {
    const data = parseYaml(readFileSync(`${content}/site.yaml`, "utf8")) as {
      url?: string;
      base?: string;
    };
    return { url: data.url ?? "https://example.org", base: data.base ?? "/" };
  } catch {
    return { url: "https://example.org", base: "/" };
  }
}

const { url, base } = siteSettings();

export default defineConfig({
  site: url,
  base,
  trailingSlash: "always",
  outDir: outFromEnv() ?? "./dist",
  cacheDir: cacheDirFor(content),
  build: {
    format: "directory",
    // Pages rendered at once. One at a time, the render waited on its own file
    // writes and hashes for a third of its time: at 1,000 entries (2,150
    // pages) 10.7 s with 1, 7.2 s with 4, 6.6 s with 8, 6.3-7.2 s with 16-32,
    // byte-identical output, peak memory +1-3 %. UNION_KB_LOW_MEMORY keeps 1.
    concurrency: lowMemoryFromEnv() ? 1 : 8,
  },
  integrations: [
    unionKb({ contentDir: content }),
    mdx(),
    sitemap({ filter: inSitemap }),
    pagefindSearch({ contentDir: content }),
  ],
  vite: {
    // The font stylesheets describe only the characters this site uses.
    plugins: [
      mdxWithoutFrontmatter(content),
      narrowFonts({ dirs: [content, fileURLToPath(new URL("./src", import.meta.url))] }),
      tailwindcss(),
    ],
    build: {
      // Font subsets stay separate files: inlined as data: URLs they would bloat
      // the shared CSS and need a looser Content-Security-Policy.
      assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
      rollupOptions: {
        // Astro's MDX pipeline marks every MDX module with this directive; the
        // bundler's notice about it is noise, not a problem in the content.
        onwarn(warning, warn) {
          if (
            warning.code === "MODULE_LEVEL_DIRECTIVE" &&
            warning.message.includes("astro:head-inject")
          )
            return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
  // Pages whose data and code are unchanged since the last build are copied
  // from the previous one (kept in cacheDir) instead of rendered; each route
  // gives its paths a cacheKey from src/data/cache-key.ts.
  experimental: { incrementalBuild: true },
  // Shiki colours code with inline style attributes, which the CSP forbids; the
  // knowledge base rarely shows code, and plain <pre> blocks print better anyway.
  markdown: { syntaxHighlight: false },
  // A strict Content Security Policy as a <meta> tag on every page: Astro adds
  // the hashes of the scripts and styles it renders; nothing else may run, and
  // nothing may load from another origin. Pagefind compiles its WebAssembly,
  // hence 'wasm-unsafe-eval' (not 'unsafe-eval').
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
