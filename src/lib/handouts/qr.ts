import QRCode from "qrcode";

/**
 * An inline SVG QR code for `url`, made at build time so handouts need no
 * script and no outside service. Error correction M survives a creased or
 * photocopied page; the quiet zone (margin) is four modules as the standard asks.
 * `label` becomes the accessible name (role="img" + <title>).
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 4,
    color: { dark: "#000000", light: "#ffffff" },
  });
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
