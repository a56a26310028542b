import { createHash } from "node:crypto";

/*
 * Every page carries its Content-Security-Policy as a <meta> tag, and an
 * inline <script> runs only when its hash is in that policy. Astro adds the
 * hashes of what it bundles; a component that inserts its own hash too late
 * (after <head> is written) leaves its script blocked, silently, in every
 * reader's browser. The build checks each page for that.
 */

const CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The first characters of every inline script on a page whose hash the page's policy lacks. */
export function blockedInlineScripts(html: string): string[] {
  const policy = CSP.exec(html)?.[1];
  if (policy === undefined) return [];
  const allowed = new Set(policy.match(/'sha256-[^']+'/g)?.map((h) => h.slice(1, -1)));
  const blocked: string[] = [];
  for (const [, code = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (!code.trim()) continue;
    const hash = `sha256-${createHash("sha256").update(code).digest("base64")}`;
    if (!allowed.has(hash)) blocked.push(code.trim().slice(0, 60));
  }
  return blocked;
}
