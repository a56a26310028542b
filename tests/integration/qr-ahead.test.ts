/**
 * The print views' QR codes drawn before the render (src/lib/handouts/qr-ahead.ts):
 * the addresses drawn ahead must be exactly those the built print views show
 * (else the render draws them after all), and a code drawn ahead must be the
 * code the page would draw itself.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { codesDrawnAhead, drawQrCode, qrSvg } from "../../src/lib/handouts/qr.ts";
import { drawQrCodesAhead, printedAddresses } from "../../src/lib/handouts/qr-ahead.ts";
import { loadKnowledgeBase } from "../../src/lib/kb/load.ts";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { fixtureContent, VALID_CONTENT } from "../helpers/fixtures.ts";

let dist: string;
let mediaDist: string;

beforeAll(async () => {
  dist = await buildFixtureSite();
  // With a material's poster (its print view has a code too).
  mediaDist = await buildFixtureSite("media");
}, 600_000);

/** Every `data-qr-url` of the print views under `dir`. */
function shownAddresses(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const html = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const match of html.matchAll(/data-qr-url="([^"]+)"/g)) found.add(match[1] as string);
  }
  return found;
}

describe("QR codes drawn ahead", () => {
  it("are drawn for exactly the addresses the built print views show", () => {
    const shown = shownAddresses(join(dist, "print"));
    const drawn = printedAddresses(loadKnowledgeBase(VALID_CONTENT).kb);
    expect(shown.size).toBeGreaterThanOrEqual(3);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect([...drawn].sort()).toEqual([...shown].sort());
  });

  it("include a material's poster", () => {
    const content = fixtureContent("media", "extra");
    try {
      const shown = shownAddresses(join(mediaDist, "print"));
      const drawn = printedAddresses(loadKnowledgeBase(content).kb);
      expect(drawn.some((url) => url.includes("/materials/"))).toBe(true);
      expect([...drawn].sort()).toEqual([...shown].sort());
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it("are the codes a page draws itself, and are what qrSvg then uses", async () => {
    const urls = printedAddresses(loadKnowledgeBase(VALID_CONTENT).kb).slice(0, 60);
    await drawQrCodesAhead(urls);
    const ahead = codesDrawnAhead();
    for (const url of urls) expect(ahead.get(url)).toBe(await drawQrCode(url));
    // A code qrSvg takes from the map shows up in its output.
    const url = "https://kb.example.org/only-in-the-map/";
    ahead.set(url, '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>');
    expect(await qrSvg(url, "x")).toContain('<path d="M0 0h1"/>');
    ahead.delete(url);
  }, 60_000);
});
