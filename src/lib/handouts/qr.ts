import QRCode from "qrcode";
import { keptPerKey } from "../kept-per-key.ts";

/** How every code is drawn: error correction M, the four-module quiet zone, black on white. */
const OPTIONS = {
  type: "svg",
  errorCorrectionLevel: "M",
  margin: 4,
  color: { dark: "#000000", light: "#ffffff" },
} as const;

/** The code of `url` as the `qrcode` package draws it (an SVG document). */
export function drawQrCode(url: string): Promise<string> {
  return QRCode.toString(url, OPTIONS);
}

const AHEAD = Symbol.for("union-kb.qr-codes-ahead");

/**
 * Codes drawn before the render (./qr-ahead.ts), by address. On `globalThis`:
 * the pages use the copy of this module Astro bundles, the build the one
 * Node loaded, and both must see the same codes.
 */
export function codesDrawnAhead(): Map<string, string> {
  const global = globalThis as { [AHEAD]?: Map<string, string> };
  global[AHEAD] ??= new Map();
  return global[AHEAD];
}

/**
 * The drawn code of each address, made once per process: a lesson's code is
 * on its own print view and again in its course's handout, and making one
 * (choosing the best of eight masks) is the print views' largest cost. A code
 * depends only on its address. 20,000: more addresses than a build has print views.
 */
const qrCode = keptPerKey(
  20_000,
  (url: string): string | Promise<string> => codesDrawnAhead().get(url) ?? drawQrCode(url),
);

/**
 * An inline SVG QR code for `url`, made at build time so handouts need no
 * script and no outside service. Error correction M survives a creased or
 * photocopied page; the quiet zone (margin) is four modules as the standard asks.
 * `label` becomes the accessible name (role="img" + <title>).
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await qrCode(url);
  const title = escapeXml(label);
  return svg
    .replace(/<\?xml[^>]*>\s*/, "")
    .replace("<svg ", `<svg role="img" aria-label="${title}" class="qr-code" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${title}</title>`)
    .trim();
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string,
  );
}
