/**
 * npm run import-law -- <file> --slug <slug> [--content <dir>]
 *
 * Imports an official Chinese law text as a new policy (see importLaw in
 * src/lib/scaffold/import-law.ts) and prints what was imported.
 *
 * Exit codes: 0 done, 1 bad input or the policy already exists (nothing is
 * written), 2 usage error.
 */
import { join, relative, resolve } from "node:path";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { CliError } from "../src/lib/cli/cli-error.ts";
import { contentDir, knowledgeBaseLine } from "../src/lib/kb/content-dir.ts";
import { type ImportedLaw, importLaw } from "../src/lib/scaffold/import-law.ts";

const USAGE = `Usage: npm run import-law -- <file> --slug <slug> [--content <dir>]

Imports an official Chinese law text as a new policy in the knowledge base.

  <file>            the law text: "# 标题", metadata lines, "## 第X章 …", "第N条 …"
  --slug <slug>     the policy's id and folder name, lower-case kebab-case,
                    e.g. vocational-education-law-2022
  --content <dir>   the knowledge base folder (default: $UNION_KB_CONTENT, else
                    the current folder if it has a site.yaml, else content)
  -h, --help        show this help

Creates <dir>/policies/<slug>/text.zh.md and <dir>/policies/<slug>/index.mdx.
Nothing is written when the text has errors or the policy already exists.`;

/** Prints what was imported, with counts an editor can compare with the official text. */
function report({ law, metadata, target }: ImportedLaw): void {
  const rel = relative(process.cwd(), target);
  // Outside the project a relative path like ../../tmp/x is harder to read than the absolute one.
  const where = rel === "" || rel.startsWith("..") ? resolve(target) : rel;
  console.log(`Imported ${law.title} → ${where}/`);
  console.log(`  created ${join(where, "text.zh.md")}`);
  console.log(`  created ${join(where, "index.mdx")}`);
  const chapters = law.chapters.length === 0 ? "no chapters" : `${law.chapters.length} chapters`;
  console.log(`  ${chapters}, ${law.articles.length} articles`);
  for (const chapter of law.chapters) {
    console.log(
      `    ${chapter.label} ${chapter.title}: articles ${chapter.firstArticle}–${chapter.lastArticle}`,
    );
  }
  console.log(`  adopted: ${metadata.adopted ?? "not found (TODO in index.mdx)"}`);
  for (const revision of metadata.revisions) console.log(`  revised: ${revision.date}`);
  console.log(`Next: replace the TODOs in ${join(where, "index.mdx")}, then run npm run check.`);
}

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  { slug: { type: "string" }, content: { type: "string" } },
  USAGE,
  true,
);

try {
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined) {
    throw new CliError(2, `expected exactly one law text file, got ${positionals.length}`);
  }
  if (values.slug === undefined) throw new CliError(2, "missing --slug <slug>");
  const content = contentDir(process.cwd(), values.content);
  console.log(knowledgeBaseLine(content));
  report(importLaw({ file, slug: values.slug, contentDir: content }));
  process.exitCode = EXIT.ok;
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`import-law: ${error.message}`);
  if (error.hint !== undefined) console.error(`  hint: ${error.hint}`);
  if (error.code === EXIT.usage) console.error(`\n${USAGE}`);
  process.exitCode = error.code;
}
