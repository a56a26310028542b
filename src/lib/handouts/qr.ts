import QRCode from "qrcode";
import { keptPerKey } from "../kept-per-key.ts";

/**
 * The drawn code of each address, made once per process: a lesson's code is
 * on its own print view and again in its course's handout, and making one
 * (choosing the best of eight masks) is the print views' largest cost. A code
 * depends only on its address. 20,000: more addresses than a build has print views.
 */
const qrCode = keptPerKey(20_000, (url: string) =>
  QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 4,
    color: { dark: "#000000", light: "#ffffff" },
  }),
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
