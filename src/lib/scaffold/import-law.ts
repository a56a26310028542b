import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { CliError } from "../cli/cli-error.ts";
import { ID_PATTERN } from "../kb/content-paths.ts";
import { decodeContentBytes } from "../kb/text-file.ts";
import {
  chineseDateToIso,
  extractLawMetadata,
  type LawMetadata,
  type LawText,
  LawTextError,
  parseLawText,
} from "../law/parse-law-text.ts";
import { localToday } from "./today.ts";

/** What `npm run import-law` was asked to do. */
export interface ImportLawRequest {
  /** The law text file. */
  file: string;
  /** The policy's id and folder name. */
  slug: string;
  /** The content folder. */
  contentDir: string;
  /** YYYY-MM-DD for the `updated` field and the header comment; default today. */
  today?: string | undefined;
}

/** What was imported, for the report. */
export interface ImportedLaw {
  law: LawText;
  metadata: LawMetadata;
  /** The new policy folder, <content>/policies/<slug>. */
  target: string;
}

/**
 * Decodes the law text: UTF-8, with or without a BOM (copies from Windows
 * tools often have one, and the imported text.zh.md is written without it).
 * GB18030/GBK, UTF-16 and binary files are refused with the fix, since
 * decoding them as UTF-8 would silently give mojibake.
 */
function decodeLawText(bytes: Uint8Array, file: string): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    // The shared decoder would take UTF-16 for GB18030; say what it is.
    throw new CliError(
      1,
      `${file}: the file looks UTF-16-encoded ("Unicode" in Windows Notepad); save it as UTF-8`,
      "open it in an editor and save it with the encoding UTF-8",
    );
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const result = decodeContentBytes(hasBom ? bytes.subarray(3) : bytes);
  if (result.ok) return result.text;
  const line = result.line === undefined ? "" : `line ${result.line}: `;
  throw new CliError(1, `${file}: ${line}${result.message}`, result.hint);
}

/** CRLF/CR → LF, and a final newline. */
function normaliseLineEndings(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n");
  return lf.endsWith("\n") ? lf : `${lf}\n`;
}

/** Reads and parses the law text, turning every problem into a CliError. */
function readLaw(file: string): { source: string; law: LawText } {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CliError(1, `${file}: no such file`);
  }
  const source = normaliseLineEndings(decodeLawText(readFileSync(file), file));
  let law: LawText;
  try {
    law = parseLawText(source);
  } catch (error) {
    if (error instanceof LawTextError)
      throw new CliError(1, `${file}: ${error.message}`, error.hint);
    throw error;
  }
  if (law.title === "") {
    throw new CliError(
      1,
      `${file}: no "# title" line`,
      "the first line must be the law's title, e.g. # 中华人民共和国劳动法",
    );
  }
  return { source, law };
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function q(text: string): string {
  return JSON.stringify(text);
}

/** "本法自2022年5月1日起施行" in the last articles, as a hint for `effective`. */
function findEffectiveHint(law: LawText): string | undefined {
  for (const article of law.articles.slice(-3).reverse()) {
    for (const paragraph of article.paragraphs) {
      const clause = /自[^，。；]*?起施行/.exec(paragraph.text)?.[0];
      if (clause === undefined) continue;
      const date = chineseDateToIso(clause);
      return date === undefined
        ? `${article.label} says "${clause}" (no date)`
        : `${article.label} says "${clause}" → ${date}`;
    }
  }
  return undefined;
}

/** Frontmatter lines for the fields that cannot be read from the text. */
function todoFields(law: LawText, preamble: string): string[] {
  const short = law.title.replace(/^中华人民共和国/, "");
  const issuer = /全国人民代表大会常务委员会|全国人民代表大会|国务院/.exec(preamble)?.[0];
  const effective = findEffectiveHint(law);
  return [
    "# TODO: the English title, e.g. … Law of the People's Republic of China",
    `titleEn: ${q("TODO: English title")}`,
    `# TODO: the short title used in lists and citations${short !== law.title ? `, e.g. ${short}` : ""}`,
    `shortTitle: ${q("TODO: short title")}`,
    "kind: law",
    `# TODO: the body that adopted it${issuer === undefined ? "" : ` (the header names ${issuer})`}`,
    `issuer: ${q("TODO: issuer")}`,
    "# TODO: one or two sentences in Chinese on what the law covers and why it matters to workers",
    `summary: ${q("TODO: 中文摘要")}`,
    "# TODO: the same summary in English",
    `summaryEn: ${q("TODO: English summary")}`,
    "lang: zh-CN",
    `# TODO: the date this version took effect${effective === undefined ? "" : `; ${effective}`}`,
    "# effective: YYYY-MM-DD",
  ];
}

/** The frontmatter lines for adopted and revisions. */
function dateFields(metadata: LawMetadata): string[] {
  const lines =
    metadata.adopted === undefined
      ? [
          '# TODO: no "…通过" line was found in the header; write the adoption date',
          `adopted: ${q("TODO: YYYY-MM-DD")}`,
        ]
      : [`adopted: ${metadata.adopted}`];
  if (metadata.revisions.length === 0) return [...lines, "revisions: []"];
  lines.push("revisions:");
  for (const revision of metadata.revisions) {
    lines.push(`  - date: ${revision.date}`, `    note: ${q(revision.note)}`);
  }
  return lines;
}

/** The whole index.mdx: frontmatter per src/schemas/policy.ts and a TODO body. */
function indexMdx(law: LawText, metadata: LawMetadata, file: string, today: string): string {
  const lines = [
    "---",
    `# Created by npm run import-law from ${basename(file)} on ${today}. Replace every TODO before publishing.`,
    `title: ${q(law.title)}`,
    ...todoFields(law, law.preamble.join("\n")),
    ...dateFields(metadata),
    "status: in-force",
    `# The day text.zh.md was last compared with the official source, word for word: today, the import from ${basename(file)}; change it when you check again`,
    `textChecked: ${today}`,
    "# TODO: topic ids from content/topics.yaml",
    "topics: []",
    "# TODO: the articles readers should look at first, e.g. - { article: 24, note: 企业培训义务 }",
    "keyArticles: []",
    `updated: ${today}`,
    "---",
    "",
    "TODO: 用几段话介绍本法：它规定了什么，与职工教育和工会工作有关的条文有哪些。",
    "",
    "TODO: a few paragraphs in plain words on what the law covers and which articles matter for workers' education and union work. The full text is in text.zh.md.",
    "",
  ];
  return lines.join("\n");
}

/**
 * Writes both files into a temporary folder next to the target and renames
 * it into place, so an interrupted import leaves no half-written policy.
 */
function writePolicy(target: string, files: Record<string, string>): void {
  const temp = join(target, "..", `.${basename(target)}.import-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text, "utf8");
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Checks the content folder and that the policy does not exist yet; returns the target folder. */
function targetFolder(contentDir: string, slug: string): string {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new CliError(
      1,
      `the content folder ${contentDir} does not exist`,
      "run the command from the project root, or pass --content <dir>",
    );
  }
  const target = join(contentDir, "policies", slug);
  if (existsSync(target)) {
    throw new CliError(
      1,
      `${target} already exists; nothing was written`,
      "choose another --slug, or delete or rename the existing folder first",
    );
  }
  return target;
}

/**
 * Imports an official Chinese law text as a new policy:
 * <content>/policies/<slug>/text.zh.md (the text as UTF-8 with LF endings)
 * and index.mdx (frontmatter filled from the text, TODO markers for the rest).
 * Nothing is written when the text has errors or the policy already exists.
 *
 * @throws CliError with code 2 for a slug that is not kebab-case, and code 1
 *   for a missing, wrongly encoded or malformed file, a missing content
 *   folder or an existing policy.
 */
export function importLaw(request: ImportLawRequest): ImportedLaw {
  if (!ID_PATTERN.test(request.slug)) {
    throw new CliError(
      2,
      `the slug "${request.slug}" is not lower-case kebab-case`,
      "use lower-case letters, digits and single hyphens, e.g. labour-law-2018",
    );
  }
  const { source, law } = readLaw(request.file);
  const metadata = extractLawMetadata(law);
  const target = targetFolder(request.contentDir, request.slug);
  mkdirSync(join(request.contentDir, "policies"), { recursive: true });
  const today = request.today ?? localToday();
  writePolicy(target, {
    "text.zh.md": source,
    "index.mdx": indexMdx(law, metadata, request.file, today),
  });
  return { law, metadata, target };
}
