#!/usr/bin/env node
/** `npm run serve`: host the built site (dist/) over HTTP, e.g. on a LAN box with no internet. */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import QRCode from "qrcode";
import { parse as parseYaml } from "yaml";
import { contentDir } from "../src/lib/kb/content-dir.ts";
import { createSiteServer } from "../src/lib/serve/create-server.ts";
import { lanUrls } from "../src/lib/serve/lan-urls.ts";
import { normalizeBase } from "../src/lib/serve/request-path.ts";

const HELP = `Usage: npm run serve -- [options]

Serves the built site (run npm run build first) over HTTP, for example on a
computer in the workers' cultural palace that has no internet connection.

Options:
  --host <address>  address to listen on (default 127.0.0.1: this computer only;
                    use --host 0.0.0.0 to share the site on the local network)
  --port <number>   port to listen on (default 4321; 0 picks a free port)
  --root <dir>      the built site folder (default dist), or a symlink to it;
                    switching the symlink is picked up by the next request
  --base <path>     URL path the site was built for (default: "base" in
                    content/site.yaml, else /)
  -h, --help        show this help

Exit codes: 0 stopped normally, 1 cannot serve, 2 usage error.`;

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

interface ServeOptions {
  host: string;
  port: number;
  root: string;
  base: string;
}

/** Prints a message and exits; `never` lets callers use it in expressions. */
function exitWith(code: number, message: string): never {
  if (code === EXIT.ok) console.log(message);
  else console.error(message);
  process.exit(code);
}

/** Reads the options; usage mistakes exit 2 with the help text, as in the other scripts. */
function readOptions(argv: string[]): ServeOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "4321" },
        root: { type: "string", default: "dist" },
        base: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    return exitWith(EXIT.usage, `${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) exitWith(EXIT.ok, HELP);
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535) {
    exitWith(
      EXIT.usage,
      `--port must be a number from 0 to 65535, not "${values.port}".\n\n${HELP}`,
    );
  }
  let base: string;
  try {
    base = normalizeBase(typeof values.base === "string" ? values.base : configuredBase());
  } catch (error) {
    return exitWith(EXIT.usage, `${(error as Error).message}\n\n${HELP}`);
  }
  return { host: String(values.host), port, root: resolve(String(values.root)), base };
}

/** `base` from content/site.yaml (the same folder `npm run build` reads), or `/`. */
function configuredBase(): string {
  const file = join(contentDir(), "site.yaml");
  if (!existsSync(file)) return "/";
  try {
    const settings: unknown = parseYaml(readFileSync(file, "utf8"));
    const base = (settings as { base?: unknown } | null)?.base;
    return typeof base === "string" ? base : "/";
  } catch (error) {
    return exitWith(
      EXIT.failed,
      `Cannot read ${file}: ${(error as Error).message}\nFix it, or pass the base path with --base.`,
    );
  }
}

/** Stops early with a helpful message when there is no built site to serve. */
function checkRoot(root: string): void {
  const isDir = existsSync(root) && statSync(root).isDirectory();
  if (!isDir || !existsSync(join(root, "index.html"))) {
    exitWith(
      EXIT.failed,
      `No built site in ${root} (${isDir ? "no index.html" : "folder not found"}).\n` +
        "Run npm run build first, or point --root at the built folder.",
    );
  }
}

/** Turns listen errors into advice a volunteer can act on. */
function explainListenError(error: NodeJS.ErrnoException, options: ServeOptions): string {
  const { host, port } = options;
  switch (error.code) {
    case "EADDRINUSE":
      return `Port ${port} is already in use on ${host} (is the site already being served?).\nStop the other program or choose another port: npm run serve -- --port ${port + 1}`;
    case "EACCES":
      return `Not allowed to use port ${port}; ports below 1024 need administrator rights. Choose one above 1024 with --port.`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `${host} is not an address of this computer. Use 127.0.0.1, 0.0.0.0 or one of its own addresses with --host.`;
    default:
      return `Cannot start the server: ${error.message}`;
  }
}

/** Whether the server accepts connections from other devices too. */
function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::";
}

/** Prints where the site can be opened, with a QR code for phones and tablets. */
async function printBanner(options: ServeOptions, port: number): Promise<void> {
  const { host, base, root } = options;
  const shown = isWildcard(host) ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const local = `http://${shown}:${port}${base}`;
  const lan = isWildcard(host) ? lanUrls(port, base) : [];
  const lines = [`Serving ${root}`, `  Local:  ${local}`];
  for (const url of lan) lines.push(`  LAN:    ${url}`);
  if (isWildcard(host) && lan.length === 0) {
    lines.push("  LAN:    no network address found (is the network cable connected?)");
  }
  if (!isWildcard(host)) {
    lines.push(
      "Only this computer can open it. To share it on the local network, add --host 0.0.0.0",
    );
  }
  const qrUrl = lan[0] ?? local;
  try {
    lines.push("", await QRCode.toString(qrUrl, { type: "terminal", small: true }), `  ${qrUrl}`);
  } catch {
    // The QR code is a convenience; the URLs above are enough.
  }
  lines.push("Press Ctrl+C to stop.");
  console.log(lines.join("\n"));
}

/**
 * Stops on Ctrl+C / SIGTERM: refuses new connections, lets downloads in progress finish for a
 * moment, then closes the rest. A second signal exits at once.
 */
function stopOnSignals(server: Server): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(EXIT.failed);
    stopping = true;
    console.log("\nStopping the server…");
    server.close(() => process.exit(EXIT.ok));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
  checkRoot(options.root);
  const server = createSiteServer({ root: options.root, base: options.base });
  server.on("error", (error: NodeJS.ErrnoException) => {
    exitWith(EXIT.failed, explainListenError(error, options));
  });
  server.listen(options.port, options.host, () => {
    stopOnSignals(server);
    void printBanner(options, (server.address() as AddressInfo).port);
  });
}

main();
