#!/usr/bin/env node
/**
 * `npm run dev`: Astro's development server with live reload on the knowledge
 * base, checked on every change (src/lib/astro/integration.ts).
 */
import { existsSync } from "node:fs";
import { dev } from "astro";
import {
  acquireLock,
  holderName,
  LockRefusedError,
  LockTimeoutError,
  projectLock,
} from "../src/lib/build/lock.ts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { buildSettings, NO_ASTRO_TELEMETRY, setContentForAstro } from "../src/lib/env.ts";
import { contentDir, knowledgeBaseLine, toolRoot } from "../src/lib/kb/content-dir.ts";

const HELP = `Usage: npm run dev -- [options]

Starts a preview of the site that reloads whenever a file of the knowledge
base changes, and reports every problem the check finds as you save.

Options:
  --content <dir>   the knowledge base folder (default: $UNION_KB_CONTENT, else
                    the current folder if it has a site.yaml, else content)
  --host <address>  address to listen on (default localhost; 0.0.0.0 for the LAN)
  --port <number>   port to listen on (default 4321)
  -h, --help        show this help

Exit codes: 0 stopped, 1 the server failed, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  { content: { type: "string" }, host: { type: "string" }, port: { type: "string" } },
  HELP,
);
const content = contentDir(process.cwd(), values.content);
if (!existsSync(content)) {
  console.error(`The content folder ${content} does not exist.\n\n${HELP}`);
  process.exit(EXIT.usage);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".\n\n${HELP}`);
  process.exit(EXIT.usage);
}
console.log(knowledgeBaseLine(content));
// A build of this project writes the files the dev server reads (.astro/ and
// the knowledge base's cache): the dev server waits for one to end, holds the
// lock while it runs (builds wait for it), and does not start twice.
let lockTimeoutMs: number;
try {
  lockTimeoutMs = buildSettings().lockTimeoutMs;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(EXIT.usage);
}
try {
  await acquireLock(projectLock(toolRoot()), {
    command: "dev",
    timeoutMs: lockTimeoutMs,
    onWait: (holder) =>
      console.log(`Waiting for a build of this project to finish (${holderName(holder)})…`),
    refuse: (holder) =>
      holder.command === "dev"
        ? `npm run dev is already running on this project (process ${holder.pid}).\n` +
          "Expected: one dev server per project: two would overwrite each other's files in .astro/.\n" +
          "Hint: open the address it printed in its terminal, or stop it there with Ctrl+C first."
        : undefined,
  });
} catch (error) {
  if (!(error instanceof LockRefusedError || error instanceof LockTimeoutError)) throw error;
  console.error(error.message);
  process.exit(EXIT.content);
}
// astro.config.ts reads the knowledge base from here (contentDir in src/lib/kb/content-dir.ts).
setContentForAstro(content);
Object.assign(process.env, NO_ASTRO_TELEMETRY);
const server = await dev({
  root: toolRoot(),
  server: { ...(values.host ? { host: values.host } : {}), ...(port ? { port } : {}) },
});
// Stopped with Ctrl+C or `kill`: close the server and end normally, which lets
// go of the lock (a process killed outright leaves a lock the next one takes over).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => {
    void server
      .stop()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
