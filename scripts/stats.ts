#!/usr/bin/env node
/** `npm run stats`: the usage report of `npm run serve -- --stats <dir>`. */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { runStats } from "../src/lib/stats/run-stats.ts";

const HELP = `Usage: npm run stats -- --stats <dir> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv out.csv]

Prints what the LAN server counted (npm run serve -- --stats <dir>): page views
per day, the most read pages, the top searches, the searches that found nothing,
handouts downloaded and kiosk sessions. It can run while the server runs.

Options:
  --stats <dir>   the folder the server counts in (required)
  --from <day>    first day of the report (default: the first day counted)
  --to <day>      last day of the report (default: the last day counted)
  --csv <file>    also write every count of the period as CSV
                  (period,kind,item,count), e.g. for the monthly report
  -h, --help      show this help

Exit codes: 0 report printed, 1 no database or cannot write the CSV, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  {
    stats: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    csv: { type: "string" },
  },
  HELP,
);

await exitWith(() => runStats(values), HELP);
