import { createHash } from "node:crypto";

/*
 * Every page carries its Content-Security-Policy as a <meta> tag, and an
 * inline <script> runs only when its hash is in that policy. Astro adds the
 * hashes of what it bundles; a component that inserts its own hash too late
 * (after <head> is written) leaves its script blocked, silently, in every
 * reader's browser. The same holds for an inline <style> (style-src has no
 * 'unsafe-inline'): the handouts' @page frame is one. The build checks each
 * page for both.
 */

const CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;

/** The first characters of every inline script on a page whose hash the page's policy lacks. */
export function blockedInlineScripts(html: string): string[] {
  return blocked(html, INLINE_SCRIPT);
}

/** The first characters of every inline <style> on a page whose hash the page's policy lacks. */
export function blockedInlineStyles(html: string): string[] {
  return blocked(html, INLINE_STYLE);
}

function blocked(html: string, inline: RegExp): string[] {
  const policy = CSP.exec(html)?.[1];
  if (policy === undefined) return [];
  const allowed = new Set(policy.match(/'sha256-[^']+'/g)?.map((h) => h.slice(1, -1)));
  const blocked: string[] = [];
  for (const [, code = ""] of html.matchAll(inline)) {
    if (!code.trim()) continue;
    const hash = `sha256-${createHash("sha256").update(code).digest("base64")}`;
    if (!allowed.has(hash)) blocked.push(code.trim().slice(0, 60));
  }
  return blocked;
}
