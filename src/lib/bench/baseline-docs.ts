import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { articleLabel } from "./prose.ts";

/**
 * The generated knowledge base as plain Markdown docs for the plain-Astro
 * baseline of `npm run bench -- --baseline`: one .md doc per entry page
 * (course, lesson, case, policy), with the same text the Union KB page shows
 * from the entry's body and MDX components replaced by their text.
 */

/** The label a `<Cite>` shows, as src/components/mdx/Cite.astro writes it: 《短标题》第二十四条. */
export function citeLabel(shortTitle: string, article: number): string {
  return `《${shortTitle.replace(/（.*）$/, "")}》${articleLabel(article)}`;
}

const CITE = /<Cite\s+policy="([^"]*)"\s+article=\{(\d+)\}\s*\/>/g;
/** Any other JSX element's tags (`<Callout type="tip">`, `</Callout>`, `<Term id="x" />`). */
const TAG = /<\/?[A-Z][A-Za-z0-9.]*(?:\s[^<>]*)?\/?>/g;

/**
 * An MDX body as plain Markdown: each `<Cite policy="…" article={N} />`
 * becomes the label the page shows, other components keep only the text
 * between their tags.
 * @throws Error when a citation names a policy that is not in `shortTitles`.
 */
export function mdxToMarkdown(body: string, shortTitles: ReadonlyMap<string, string>): string {
  return body
    .replace(CITE, (_, policy: string, article: string) => {
      const shortTitle = shortTitles.get(policy);
      if (shortTitle === undefined)
        throw new Error(`<Cite policy="${policy}"> names a policy the generator did not write`);
      return citeLabel(shortTitle, Number(article));
    })
    .replace(TAG, "");
}

/** Frontmatter and body of a generated `.mdx` file (`---\nyaml---\n\nbody`). */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n?---\n\n?([\s\S]*)$/.exec(source);
  if (!match) return { data: {}, body: source };
  return {
    data: (parse(match[1] ?? "") ?? {}) as Record<string, unknown>,
    body: match[2] ?? "",
  };
}

/** A baseline doc: its title as the only frontmatter, then the Markdown body. */
export function markdownDoc(title: string, body: string): string {
  return `---\n${stringify({ title }, { lineWidth: 0 })}---\n\n${body.trimEnd()}\n`;
}

/**
 * Where the baseline doc of a generated file goes, relative to the docs folder
 * (undefined for files that are not an entry page of their own):
 * `cases/x.mdx` → `cases/x.md`, `courses/c/01-a.mdx` → `courses/c/01-a.md`,
 * `courses/c/course.yaml` → `courses/c.md`, `policies/p/index.mdx` → `policies/p.md`.
 */
export function baselineDocPath(contentPath: string): string | undefined {
  const parts = contentPath.split(/[\\/]/);
  if (parts[0] === "cases" && parts.length === 2 && contentPath.endsWith(".mdx"))
    return contentPath.replace(/\.mdx$/, ".md");
  if (parts[0] === "courses" && parts.length === 3) {
    if (parts[2] === "course.yaml") return `courses/${parts[1]}.md`;
    if (parts[2]?.endsWith(".mdx"))
      return `courses/${parts[1]}/${parts[2].replace(/\.mdx$/, ".md")}`;
  }
  if (parts[0] === "policies" && parts.length === 3 && parts[2] === "index.mdx")
    return `policies/${parts[1]}.md`;
  return undefined;
}

/** A course page's text from course.yaml: its summary and objectives. */
export function courseMarkdown(course: {
  title?: unknown;
  summary?: unknown;
  objectives?: unknown;
}) {
  const objectives = Array.isArray(course.objectives) ? course.objectives.map(String) : [];
  const body = [
    String(course.summary ?? ""),
    ...(objectives.length ? ["## 学习目标", objectives.map((o) => `- ${o}`).join("\n")] : []),
  ].join("\n\n");
  return markdownDoc(String(course.title ?? ""), body);
}

/** An official text (text.zh.md) without its `# title` line, which the doc's layout shows. */
export function lawTextMarkdown(text: string): string {
  return text.replace(/^# .*\n+/, "").replace(/^<!-- INFO END -->\n+/m, "");
}

/**
 * Writes one Markdown doc per entry page of the generated knowledge base in
 * `contentDir` into `docsDir`. A policy's doc is its summary body followed by
 * its official text, as its Union KB page shows both. Returns how many docs
 * were written.
 */
export function writeBaselineDocs(contentDir: string, docsDir: string): number {
  const read = (path: string) => readFileSync(join(contentDir, path), "utf8");
  let written = 0;
  const write = (contentPath: string, text: string) => {
    const path = baselineDocPath(contentPath);
    if (!path) throw new Error(`${contentPath} is not an entry page`);
    const full = join(docsDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written++;
  };
  const list = (dir: string) => readdirSync(join(contentDir, dir)).sort();

  const policies = list("policies").map((id) => {
    const { data, body } = splitFrontmatter(read(`policies/${id}/index.mdx`));
    return { id, data, body };
  });
  const shortTitles = new Map(policies.map((p) => [p.id, String(p.data.shortTitle ?? p.id)]));
  const doc = (path: string, source: string, extra = "") => {
    const { data, body } = splitFrontmatter(source);
    write(path, markdownDoc(String(data.title ?? path), mdxToMarkdown(body, shortTitles) + extra));
  };

  for (const { id } of policies) {
    const path = `policies/${id}/index.mdx`;
    doc(path, read(path), `\n${lawTextMarkdown(read(`policies/${id}/text.zh.md`))}`);
  }
  for (const course of list("courses")) {
    write(
      `courses/${course}/course.yaml`,
      courseMarkdown(parse(read(`courses/${course}/course.yaml`))),
    );
    for (const lesson of list(`courses/${course}`).filter((f) => f.endsWith(".mdx"))) {
      const path = `courses/${course}/${lesson}`;
      doc(path, read(path));
    }
  }
  for (const file of list("cases").filter((f) => f.endsWith(".mdx"))) {
    doc(`cases/${file}`, read(`cases/${file}`));
  }
  return written;
}
