import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { KnowledgeBase } from "../../kb/load.ts";

/**
 * The renderer's own code and the UI strings its labels come from. A newer
 * Union KB that draws a component differently must not reuse the HTML an
 * older one stored in the cache.
 */
function rendererSource(): string {
  const hash = createHash("sha256");
  const here = fileURLToPath(new URL(".", import.meta.url));
  const i18n = fileURLToPath(new URL("../../../i18n/", import.meta.url));
  const handouts = fileURLToPath(new URL("../../handouts/print-cite.ts", import.meta.url));
  const files = [
    ...readdirSync(here).map((f) => join(here, f)),
    ...readdirSync(i18n)
      .filter((f) => f.endsWith(".json"))
      .map((f) => join(i18n, f)),
    handouts,
  ].toSorted();
  for (const file of files)
    hash.update(file.slice(file.lastIndexOf("src"))).update(readFileSync(file));
  return hash.digest("hex");
}

let source: string | undefined;

/**
 * A digest of everything a rendered body depends on besides its own text: the
 * titles and article texts it may cite, the glossary terms it may link, the
 * base path and the renderer. Part of each MDX entry's digest in the loader.
 */
export function renderInputsDigest(kb: KnowledgeBase, base: string): string {
  source ??= rendererSource();
  const hash = createHash("sha256").update(source).update(`\u0000${base}`);
  for (const p of kb.policies)
    hash.update(`\u0000p${p.id}\u0000${(p.data as { shortTitle?: string }).shortTitle}`);
  for (const [id, { text }] of kb.lawTexts)
    hash.update(`\u0000l${id}\u0000${JSON.stringify(text.articles)}`);
  for (const g of kb.glossary) {
    const { zh, pinyin, en } = g.data as { zh: string; pinyin: string; en: string };
    hash.update(`\u0000g${g.id}\u0000${zh}\u0000${pinyin}\u0000${en}`);
  }
  return hash.digest("hex");
}
