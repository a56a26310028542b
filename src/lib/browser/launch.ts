import { existsSync } from "node:fs";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

/** Where a usable Chromium was found. */
export interface ChromiumLocation {
  executablePath: string;
  source: "env" | "system" | "sparticuz";
}

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/**
 * Flags for a headless Chromium on a machine with no outside network:
 * without the background-networking flags Chromium keeps trying to reach
 * Google's services and logs refused connections.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
];

/** Thrown when no Chromium can be found or started; the message says what to install. */
export class ChromiumNotFoundError extends Error {
  override name = "ChromiumNotFoundError";
}

/**
 * Finds Chromium: $CHROMIUM_PATH, then the system package (Debian `chromium`),
 * then the binary shipped in the `@sparticuz/chromium` npm package.
 */
export async function findChromium(): Promise<ChromiumLocation> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, source: "env" };
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`,
    );
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: "system" };
  try {
    const { default: sparticuz } = await import("@sparticuz/chromium");
    return { executablePath: await sparticuz.executablePath(), source: "sparticuz" };
  } catch (error) {
    throw new ChromiumNotFoundError(
      `No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH. ` +
        `The bundled fallback (@sparticuz/chromium) failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Launches headless Chromium via playwright-core, with a clear error when it cannot start. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const location = await findChromium();
  try {
    return await chromium.launch({
      executablePath: location.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      ...options,
    });
  } catch (error) {
    throw new ChromiumNotFoundError(
      `Chromium at ${location.executablePath} (${location.source}) could not start: ${error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error)}`,
    );
  }
}
