import { existsSync, readFileSync } from "node:fs";
import { type Document, isMap, isSeq, parseDocument, YAMLSeq } from "yaml";

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
 * The text of glossary.yaml with `term` appended at the end. Comments, blank
 * lines and the layout of existing entries are kept (yaml's Document API
 * round-trips them); throws GlossaryClash when the id or the Chinese term is
 * already there.
 */
export function appendGlossaryTerm(path: string, term: TermDraft): string {
  const original = existsSync(path) ? readFileSync(path, "utf8") : "";
  const doc: Document = parseDocument(original);
  if (doc.errors.length)
    throw new GlossaryClash(`${path} is not valid YAML; run npm run check and fix it first`);
  if (doc.contents === null) doc.contents = new YAMLSeq();
  const list = doc.contents;
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
  const node = doc.createNode({ ...term });
  node.spaceBefore = list.items.length > 0 && original.includes("\n\n- ");
  list.items.push(node);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
