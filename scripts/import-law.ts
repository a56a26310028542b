/**
 * npm run import-law -- <file> --slug <slug> [--content <dir>]
 *
 * Imports an official Chinese law text (Markdown: `# title`, metadata lines,
 * `## 第X章 …`, articles starting `第N条 `) as a new policy:
 * <content>/policies/<slug>/text.zh.md (the text, as UTF-8 with LF endings)
 * and index.mdx (frontmatter filled from the text, TODO markers for the rest).
 *
 * Exit codes: 0 done, 1 bad input or the policy already exists (nothing is
 * written), 2 usage error.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  chineseDateToIso,
  extractLawMetadata,
  type LawMetadata,
  type LawText,
  LawTextError,
  parseLawText,
} from "../src/lib/law/parse-law-text.ts";

const USAGE = `Usage: npm run import-law -- <file> --slug <slug> [--content <dir>]

Imports an official Chinese law text as a new policy in the knowledge base.

  <file>            the law text: "# 标题", metadata lines, "## 第X章 …", "第N条 …"
  --slug <slug>     the policy's id and folder name, lower-case kebab-case,
                    e.g. vocational-education-law-2022
  --content <dir>   the content folder (default: content)
  -h, --help        show this help

Creates <dir>/policies/<slug>/text.zh.md and <dir>/policies/<slug>/index.mdx.
Nothing is written when the text has errors or the policy already exists.`;

/** The same rule as IdSchema in src/schemas/common.ts. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A failure with its exit code; main() prints it and exits. */
class ImportError extends Error {
  readonly code: 1 | 2;
  readonly hint: string | undefined;
  constructor(code: 1 | 2, message: string, hint?: string) {
    super(message);
    this.code = code;
    this.hint = hint;
  }
}

interface Options {
  file: string;
  slug: string;
  content: string;
}

/** Reads the command line; returns undefined for --help. */
function readOptions(args: string[]): Options | undefined {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(args);
  } catch (error) {
    throw new ImportError(2, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new ImportError(2, `expected exactly one law text file, got ${positionals.length}`);
  }
  const slug = values.slug;
  if (slug === undefined) throw new ImportError(2, "missing --slug <slug>");
  if (!SLUG.test(slug)) {
    throw new ImportError(
      2,
      `the slug "${slug}" is not lower-case kebab-case`,
      "use lower-case letters, digits and single hyphens, e.g. labour-law-2018",
    );
  }
  return { file: positionals[0], slug, content: values.content ?? "content" };
}

function parseCommandLine(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      slug: { type: "string" },
      content: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/**
 * Decodes the file as strict UTF-8 (without BOM). Law texts copied from
 * Windows tools are often GB18030/GBK; decoding those as UTF-8 would silently
 * produce mojibake, so they are refused with an explanation instead.
 */
function decodeText(bytes: Uint8Array, file: string): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    throw new ImportError(
      1,
      `${file}: the file looks UTF-16-encoded ("Unicode" in Windows Notepad); save it as UTF-8`,
      "open it in an editor and save it with the encoding UTF-8",
    );
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8Byte(body) + (hasBom ? 3 : 0);
    try {
      new TextDecoder("gb18030", { fatal: true }).decode(body);
      throw new ImportError(
        1,
        `${file}: the file looks GB18030/GBK-encoded; save it as UTF-8`,
        "open it in an editor and save it with the encoding UTF-8 (VS Code: Reopen with Encoding → GB18030, then Save with Encoding → UTF-8)",
      );
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        1,
        `${file}: not valid UTF-8 at byte ${offset} (line ${lineOfByte(bytes, offset)})`,
        "the file may be damaged or not a text file; copy the text into a new UTF-8 file",
      );
    }
  }
}

/** 1-based line of a byte offset: one more than the LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  return bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
}

/** Byte offset (0-based) of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Grow a prefix one character at a time; a 4-byte window covers any character.
  for (let start = 0; start < bytes.length; ) {
    let next = -1;
    for (let size = 1; size <= 4 && start + size <= bytes.length; size++) {
      try {
        decoder.decode(bytes.subarray(start, start + size));
        next = start + size;
        break;
      } catch {
        // not a whole character yet
      }
    }
    if (next === -1) return start;
    start = next;
  }
  return bytes.length;
}

/** CRLF/CR → LF, and a final newline. */
function normaliseLineEndings(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n");
  return lf.endsWith("\n") ? lf : `${lf}\n`;
}

/** Reads and parses the law text, turning every problem into an ImportError. */
function readLaw(file: string): { source: string; law: LawText } {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ImportError(1, `${file}: no such file`);
  }
  const source = normaliseLineEndings(decodeText(readFileSync(file), file));
  try {
    return { source, law: parseLawText(source) };
  } catch (error) {
    if (error instanceof LawTextError)
      throw new ImportError(1, `${file}: ${error.message}`, error.hint);
    throw error;
  }
}

/** Today as YYYY-MM-DD in local time (the author's calendar day). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
function indexMdx(law: LawText, metadata: LawMetadata, file: string): string {
  const lines = [
    "---",
    `# Created by npm run import-law from ${basename(file)} on ${today()}. Replace every TODO before publishing.`,
    `title: ${q(law.title)}`,
    ...todoFields(law, law.preamble.join("\n")),
    ...dateFields(metadata),
    "status: in-force",
    "# TODO: topic ids from content/topics.yaml",
    "topics: []",
    "# TODO: the articles readers should look at first, e.g. - { article: 24, note: 企业培训义务 }",
    "keyArticles: []",
    `updated: ${today()}`,
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
function targetFolder(options: Options): string {
  if (!existsSync(options.content) || !statSync(options.content).isDirectory()) {
    throw new ImportError(
      1,
      `the content folder ${options.content} does not exist`,
      "run the command from the project root, or pass --content <dir>",
    );
  }
  const target = join(options.content, "policies", options.slug);
  if (existsSync(target)) {
    throw new ImportError(
      1,
      `${target} already exists; nothing was written`,
      "choose another --slug, or delete or rename the existing folder first",
    );
  }
  return target;
}

/** Prints what was imported, with counts an editor can compare with the official text. */
function report(law: LawText, metadata: LawMetadata, target: string): void {
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

function run(args: string[]): void {
  const options = readOptions(args);
  if (options === undefined) {
    console.log(USAGE);
    return;
  }
  const { source, law } = readLaw(options.file);
  if (law.title === "") {
    throw new ImportError(
      1,
      `${options.file}: no "# title" line`,
      "the first line must be the law's title, e.g. # 中华人民共和国劳动法",
    );
  }
  const metadata = extractLawMetadata(law);
  const target = targetFolder(options);
  mkdirSync(join(options.content, "policies"), { recursive: true });
  writePolicy(target, { "text.zh.md": source, "index.mdx": indexMdx(law, metadata, options.file) });
  report(law, metadata, target);
}

try {
  run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(`import-law: ${error.message}`);
  if (error.hint !== undefined) console.error(`  hint: ${error.hint}`);
  if (error.code === 2) console.error(`\n${USAGE}`);
  process.exitCode = error.code;
}
