#!/usr/bin/env node
/** `npm run stats-load`: load test of `npm run serve -- --stats` with exact counts afterwards. */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { runStatsLoadCli } from "../src/lib/stats/load-test.ts";

const HELP = `Usage: npm run stats-load -- [--clients 200] [--seconds 30]

Starts npm run serve -- --stats on a small generated site on 127.0.0.1, lets
<clients> readers (one keep-alive connection each, a step every 100 ms) view
pages, print views and PDFs and send search, kiosk and garbage beacons for
<seconds>, while one more connection floods beacons. Then it stops the server
and compares the database with what the server told the clients it accepted.

Options:
  --clients <n>   simultaneous readers (default 200)
  --seconds <n>   how long (default 30)
  -h, --help      show this help

Exit codes: 0 every count exact, 1 a count differs or an answer was unexpected,
2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  { clients: { type: "string" }, seconds: { type: "string" } },
  HELP,
);

await exitWith(() => runStatsLoadCli(values), HELP);
