#!/usr/bin/env node
/** `npm run serve`: host the built site (dist/) over HTTP, e.g. on a LAN box with no internet. */
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { serveSite } from "../src/lib/serve/serve-site.ts";

const HELP = `Usage: npm run serve -- [options]

Serves the built site (run npm run build first) over HTTP, for example on a
computer in the workers' cultural palace that has no internet connection.

Options:
  --host <address>  address to listen on (default 127.0.0.1: this computer only;
                    use --host 0.0.0.0 to share the site on the local network)
  --port <number>   port to listen on (default 4321; 0 picks a free port)
  --content <dir>   the knowledge base folder (default: as for npm run build)
  --root <dir>      the built site folder (default: the knowledge base's dist/,
                    or dist for the sample content/), or a symlink to it;
                    switching the symlink is picked up by the next request
  --base <path>     URL path the site was built for (default: "base" in the
                    knowledge base's site.yaml, else /)
  --stats <dir>     count page views, searches (with and without results),
                    handouts and kiosk sessions in <dir>/union-kb-stats.sqlite;
                    no IP address, cookie or user id. Report: <url>stats/ or
                    npm run stats -- --stats <dir>
  -h, --help        show this help

Exit codes: 0 stopped normally, 1 cannot serve, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "4321" },
    root: { type: "string" },
    content: { type: "string" },
    base: { type: "string" },
    stats: { type: "string" },
  },
  HELP,
);

// Ctrl+C or SIGTERM stops the server gently; a second signal exits at once.
const stop = new AbortController();
const onSignal = (): void => {
  if (stop.signal.aborted) process.exit(EXIT.content);
  stop.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

await exitWith(() => serveSite(values, { stop: stop.signal }), HELP);
