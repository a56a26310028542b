import { existsSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { type Document, isMap, isSeq, parseDocument, stringify, YAMLSeq } from "yaml";

/** A new glossary entry as `npm run new -- term` writes it. */
export interface TermDraft {
  id: string;
  zh: string;
  en: string;
  pinyin: string;
  definition: string;
}

/** Why a term cannot be added; the message names what clashes. */
export class GlossaryClash extends Error {}

/**
 * The text of glossary.yaml with `term` appended at the end. Every existing
 * byte is kept (line endings, wrapping, comments, the order of entries and of
 * their fields): the term is added as text after the last line, in the file's
 * own line endings and list indentation, with a blank line before it when the
 * entries are separated by blank lines. Throws GlossaryClash when the id or the
 * Chinese term is already there.
 */
export function appendGlossaryTerm(path: string, term: TermDraft): string {
  const original = existsSync(path) ? readFileSync(path, "utf8") : "";
  const doc: Document = parseDocument(original);
  if (doc.errors.length)
    throw new GlossaryClash(`${path} is not valid YAML; run npm run check and fix it first`);
  const list = doc.contents ?? new YAMLSeq();
  if (!isSeq(list))
    throw new GlossaryClash(`${path} should be a list of terms (lines starting with “- id: …”)`);
  for (const item of list.items) {
    if (!isMap(item)) continue;
    if (item.get("id") === term.id)
      throw new GlossaryClash(`the glossary already has a term with the id “${term.id}”`);
    if (item.get("zh") === term.zh)
      throw new GlossaryClash(
        `the glossary already has “${term.zh}” (id ${String(item.get("id"))})`,
      );
  }
  const appended = appendAsText(original, list, term);
  if (appended !== undefined && addsExactly(doc, appended, term)) return appended;
  // A layout text cannot be appended to (a flow list `[…]`, a `...` end
  // marker, a `|+` block at the end): rewrite through the Document API, which
  // keeps comments but may re-wrap lines.
  return rewritten(doc, list, term, original);
}

/** The first line break of the text, or LF for a file without one. */
function lineEnding(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
}

/**
 * `original` with the term's lines added after its last line, or undefined
 * when the list is not a plain block list (`- …` lines).
 */
function appendAsText(original: string, list: YAMLSeq, term: TermDraft): string | undefined {
  if (list.flow) return undefined;
  const eol = lineEnding(original);
  const br = eol.replace("\r", "\\r").replace("\n", "\\n");
  let indent = "";
  const start = list.items.length > 0 ? list.range?.[0] : undefined;
  if (start !== undefined) {
    const lineStart = original.lastIndexOf(eol.at(-1) ?? "\n", start - 1) + 1;
    indent = original.slice(lineStart, start).replace(/^\uFEFF/, "");
    if (!/^ *$/.test(indent)) return undefined;
  }
  const lines = stringify([{ ...term }], { lineWidth: 0 })
    .replace(/\n$/, "")
    .split("\n");
  const item = lines.map((line) => `${indent}${line}${eol}`).join("");
  // One entry gives no evidence either way; blank lines read better between multi-line entries.
  const spaced =
    list.items.length === 1 ||
    (list.items.length > 1 && new RegExp(`${br}[ \\t]*${br}${indent}- `).test(original));
  let prefix = original === "" || original.endsWith(eol) ? "" : eol;
  if (spaced && !new RegExp(`${br}[ \\t]*${br}$`).test(original + prefix)) prefix += eol;
  return `${original}${prefix}${item}`;
}

/** True when `text` parses to the entries of `original` followed by `term`. */
function addsExactly(original: Document, text: string, term: TermDraft): boolean {
  const before: unknown = original.toJS() ?? [];
  const after = parseDocument(text);
  if (after.errors.length || !Array.isArray(before)) return false;
  return isDeepStrictEqual(after.toJS(), [...before, { ...term }]);
}

/** The whole file re-serialised with the term appended (the fallback). */
function rewritten(doc: Document, list: YAMLSeq, term: TermDraft, original: string): string {
  const node = doc.createNode({ ...term });
  node.spaceBefore = list.items.length > 0 && original.includes("\n\n- ");
  list.items.push(node);
  if (doc.contents === null) doc.contents = list;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
