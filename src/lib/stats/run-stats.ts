import { existsSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliError } from "../cli/cli-error.ts";
import type { CliOutput } from "../cli/run.ts";
import { formatReport, readReport, reportCsv } from "./report.ts";
import { DB_FILE, StatsStore } from "./store.ts";

/** `npm run stats`'s options, as typed on the command line. */
export interface RunStatsOptions {
  /** The folder given to `npm run serve -- --stats`. */
  stats?: string | undefined;
  /** First day, `YYYY-MM-DD` (default: the first one counted). */
  from?: string | undefined;
  /** Last day, `YYYY-MM-DD` (default: the last one counted). */
  to?: string | undefined;
  /** Also write every count of the period to this CSV file. */
  csv?: string | undefined;
}

/**
 * Prints the usage report of a `--stats` folder, and writes the CSV when asked. Reads the
 * database while the server may still be writing it (WAL). Returns the exit code 0.
 * @throws CliError 2 for a missing folder option or a malformed date, 1 when there is no
 * database or the CSV cannot be written.
 */
export function runStats(options: RunStatsOptions, output: CliOutput = console): number {
  if (!options.stats)
    throw new CliError(2, "Which folder? Give the one the server counts in: --stats <dir>");
  for (const key of ["from", "to"] as const) {
    const value = options[key];
    if (value !== undefined && !isDay(value))
      throw new CliError(2, `--${key} must be a day like 2026-03-01, not "${value}".`);
  }
  if (options.from && options.to && options.from > options.to)
    throw new CliError(2, `--from ${options.from} is after --to ${options.to}.`);
  const dir = resolve(options.stats);
  let store: StatsStore;
  try {
    store = StatsStore.open(dir, { write: false });
  } catch (error) {
    throw new CliError(
      1,
      (error as Error).message,
      existsSync(join(dir, DB_FILE))
        ? "Point --stats at the folder npm run serve -- --stats counts in; this file was not written by it."
        : existsSync(dir)
          ? `The server creates ${DB_FILE} there when it starts with npm run serve -- --stats ${options.stats}.`
          : "Check the folder name: it is the one given to npm run serve -- --stats.",
    );
  }
  try {
    const range = { from: options.from, to: options.to };
    output.log(formatReport(readReport(store, range), store.file));
    if (options.csv) {
      const target = resolve(options.csv);
      const temporary = `${target}.partial`;
      try {
        writeFileSync(temporary, reportCsv(store, range));
        renameSync(temporary, target);
      } catch (error) {
        throw new CliError(1, `Cannot write ${target}: ${(error as Error).message}`);
      }
      output.error(`Wrote ${target}`);
    }
  } finally {
    store.db.close();
  }
  return 0;
}

/** Whether a text is a real calendar day `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
