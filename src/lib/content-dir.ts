import { resolve } from "node:path";

/**
 * The knowledge base to build or check: `content/` unless UNION_KB_CONTENT
 * points elsewhere (tests and `npm run bench` build other folders).
 */
export function contentDir(cwd = process.cwd()): string {
  return resolve(cwd, process.env.UNION_KB_CONTENT ?? "content");
}
