/**
 * Module hooks for Union KB installed as a package. Node strips TypeScript
 * types itself, but refuses to for files under node_modules
 * (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING). Installed with
 * `npm install union-kb-<version>.tgz`, all of the tool's .ts files are under
 * node_modules/union-kb/, so this hook strips them with Node's own stripper
 * (the same one that runs them in the tool's repository).
 */
import { readFile } from "node:fs/promises";
import { stripTypeScriptTypes } from "node:module";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".ts") && url.includes("/node_modules/")) {
    const source = await readFile(new URL(url), "utf8");
    return { format: "module", source: stripTypeScriptTypes(source), shortCircuit: true };
  }
  return nextLoad(url, context);
}
