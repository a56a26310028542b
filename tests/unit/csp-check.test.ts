import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blockedInlineScripts, blockedInlineStyles } from "../../src/lib/dist/csp-check.ts";

const hash = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
const page = (policy: string, body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; ${policy}"></head><body>${body}</body></html>`;

describe("the build's CSP guard", () => {
  const frame = "@page { size: A4 portrait; margin: 18mm 16mm 20mm 16mm; }";

  it("finds an inline <style> whose hash the page's policy lacks (the handouts' @page frame was one)", () => {
    expect(blockedInlineStyles(page("style-src 'self'", `<style>${frame}</style>`))).toEqual([
      frame.slice(0, 60),
    ]);
    expect(
      blockedInlineStyles(page(`style-src 'self' ${hash(frame)}`, `<style>${frame}</style>`)),
    ).toEqual([]);
    // A <style> with attributes is inline too; an empty one holds no rules.
    expect(
      blockedInlineStyles(
        page("style-src 'self'", `<style media="print">${frame}</style><style></style>`),
      ),
    ).toHaveLength(1);
  });

  it("keeps styles and scripts apart", () => {
    const code = "document.body.dataset.ok = '1';";
    const html = page(
      `script-src 'self' ${hash(code)}; style-src 'self'`,
      `<script>${code}</script><style>${frame}</style>`,
    );
    expect(blockedInlineScripts(html)).toEqual([]);
    expect(blockedInlineStyles(html)).toHaveLength(1);
    // Without a policy on the page there is nothing to block.
    expect(blockedInlineStyles(`<style>${frame}</style>`)).toEqual([]);
  });
});
