import { existsSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import QRCode from "qrcode";
import { parse as parseYaml } from "yaml";
import { EXIT } from "../cli/args.ts";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { contentDir, defaultSiteDir, knowledgeBaseLine } from "../kb/content-dir.ts";
import { createSiteServer } from "./create-server.ts";
import { lanUrls } from "./lan-urls.ts";
import { normalizeBase } from "./request-path.ts";
import { openServerStats, type ServerStats } from "./stats-routes.ts";

/** `npm run serve`'s options, as typed on the command line. */
export interface ServeSiteOptions {
  /** Address to listen on (default 127.0.0.1: this computer only). */
  host?: string | undefined;
  /** Port to listen on, 0 for a free one (default 4321). */
  port?: string | number | undefined;
  /** The knowledge base whose site is served (default: as `npm run build`). */
  content?: string | undefined;
  /** The built site folder, or a symlink to it (default: the knowledge base's dist/, or dist). */
  root?: string | undefined;
  /** URL path the site was built for (default: `base` in the knowledge base's site.yaml, else /). */
  base?: string | undefined;
  /** Folder of the usage database; counting is off without it. */
  stats?: string | undefined;
}

/** Where the server writes, and what stops it (Ctrl+C in the script, the test's own call in tests). */
export interface ServeSiteIo {
  output?: CliOutput;
  /** Aborting it stops the server: new connections are refused, open ones get a moment to finish. */
  stop?: AbortSignal;
}

interface Settings {
  host: string;
  port: number;
  root: string;
  base: string;
  stats: string | undefined;
  content: string;
}

/** The parts of the knowledge base's site.yaml the server uses. */
interface SiteYaml {
  base?: unknown;
  defaultLocale?: unknown;
  stats?: { password?: unknown } | null;
}

/**
 * Serves a built site until `io.stop` is aborted, printing where it can be opened (with a
 * QR code for phones). Resolves with the exit code: 0 stopped normally, 1 cannot listen.
 * @throws CliError 2 for a bad port or base path, 1 when there is no built site to serve.
 */
export async function serveSite(options: ServeSiteOptions, io: ServeSiteIo = {}): Promise<number> {
  const output = io.output ?? console;
  const settings = readSettings(options);
  output.log(knowledgeBaseLine(settings.content));
  checkRoot(settings.root);
  const stats =
    settings.stats === undefined ? undefined : startStats(settings.stats, settings.content, output);
  const server = createSiteServer({
    root: settings.root,
    base: settings.base,
    log: (line) => output.error(line),
    stats,
  });
  server.on("close", () => stats?.recorder.close());
  return await new Promise<number>((done) => {
    server.on("error", (error: NodeJS.ErrnoException) => {
      output.error(explainListenError(error, settings));
      server.close();
      stats?.recorder.close();
      done(EXIT.content);
    });
    server.listen(settings.port, settings.host, () => {
      const stop = (): void => {
        output.log("\nStopping the server…");
        server.close(() => done(EXIT.ok));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      };
      if (io.stop?.aborted) stop();
      else io.stop?.addEventListener("abort", stop, { once: true });
      void printBanner(server, settings, output, stats);
    });
  });
}

/** Checks the options beyond what the argument parser does. */
function readSettings(options: ServeSiteOptions): Settings {
  const content = contentDir(process.cwd(), options.content);
  const given = String(options.port ?? "4321");
  const port = Number(given);
  if (!/^\d+$/.test(given) || port > 65535) {
    throw new CliError(2, `--port must be a number from 0 to 65535, not "${given}".`);
  }
  let base: string;
  try {
    base = normalizeBase(options.base ?? configuredBase(siteYaml(content)));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(2, (error as Error).message);
  }
  if (options.stats === "") throw new CliError(2, "--stats needs a folder, e.g. --stats stats");
  return {
    host: options.host ?? "127.0.0.1",
    port,
    root: resolve(options.root ?? defaultSiteDir(content)),
    base,
    stats: options.stats === undefined ? undefined : resolve(options.stats),
    content,
  };
}

/** Opens the usage database, with the password and language from site.yaml. */
function startStats(dir: string, content: string, output: CliOutput): ServerStats {
  const site = siteYaml(content);
  const password = site?.stats?.password;
  if (password !== undefined && (typeof password !== "string" || password === "")) {
    throw new CliError(
      1,
      `stats.password in ${join(content, "site.yaml")} must be a non-empty text.`,
      'Write it in quotes, e.g. password: "long and secret", or remove it.',
    );
  }
  try {
    return openServerStats({
      dir,
      password,
      locale: site?.defaultLocale === "en" ? "en" : "zh-CN",
      log: (line) => output.error(line),
    });
  } catch (error) {
    throw new CliError(
      1,
      `Cannot keep usage statistics in ${dir}: ${(error as Error).message}`,
      "Give --stats a folder the server's user may write to.",
    );
  }
}

/** The knowledge base's site.yaml (the one `npm run build` reads), or undefined when there is none. */
function siteYaml(content: string): SiteYaml | undefined {
  const file = join(content, "site.yaml");
  if (!existsSync(file)) return undefined;
  try {
    const settings: unknown = parseYaml(readFileSync(file, "utf8"));
    return typeof settings === "object" && settings !== null ? (settings as SiteYaml) : undefined;
  } catch (error) {
    throw new CliError(
      1,
      `Cannot read ${file}: ${(error as Error).message}`,
      "Fix it, or pass the base path with --base.",
    );
  }
}

/** `base` from site.yaml, or `/`. */
function configuredBase(site: SiteYaml | undefined): string {
  return typeof site?.base === "string" ? site.base : "/";
}

/** Stops early with a helpful message when there is no built site to serve. */
function checkRoot(root: string): void {
  const isDir = existsSync(root) && statSync(root).isDirectory();
  if (!isDir || !existsSync(join(root, "index.html"))) {
    throw new CliError(
      1,
      `No built site in ${root} (${isDir ? "no index.html" : "folder not found"}).`,
      "Run npm run build first, or point --root at the built folder.",
    );
  }
}

/** Turns listen errors into advice a volunteer can act on. */
function explainListenError(error: NodeJS.ErrnoException, settings: Settings): string {
  const { host, port } = settings;
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
async function printBanner(
  server: Server,
  settings: Settings,
  output: CliOutput,
  stats: ServerStats | undefined,
): Promise<void> {
  const { host, base, root } = settings;
  const { port } = server.address() as AddressInfo;
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
  if (stats) {
    lines.push(
      `Usage statistics: counted in ${stats.recorder.store.file}`,
      `  Report: ${local}stats/${stats.password === undefined ? " (no password: set stats.password in site.yaml to protect it)" : " (password from site.yaml)"}`,
      "  No IP address, cookie or user id is recorded. npm run stats -- --stats <dir> prints it.",
    );
  }
  lines.push("Press Ctrl+C to stop.");
  output.log(lines.join("\n"));
}
