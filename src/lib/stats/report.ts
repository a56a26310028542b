import type { SQLInputValue } from "node:sqlite";
import { width } from "../cli/width.ts";
import { OTHER, type StatsStore } from "./store.ts";

/** Days to report on, inclusive; `undefined` ends are open. */
export interface ReportRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Totals of one day (or one rolled-up month). */
export interface PeriodTotals {
  period: string;
  views: number;
  searches: number;
  noResult: number;
  opened: number;
  handouts: number;
  kioskResets: number;
  quizzes: number;
}

/** A search text and what happened to it over the range. */
export interface SearchLine {
  query: string;
  searches: number;
  noResult: number;
  opened: number;
  /** Results of the last search for it (for months: the largest), if known. */
  results: number | undefined;
}

/** Everything `npm run stats` and the `/stats/` page show. */
export interface UsageReport {
  range: ReportRange;
  /** One line per day and per rolled-up month, in order, with the sum in `total`. */
  periods: PeriodTotals[];
  total: PeriodTotals;
  pages: { path: string; views: number }[];
  handouts: { path: string; downloads: number }[];
  searches: SearchLine[];
  noResult: SearchLine[];
  /** Refused beacons (garbage, over the rate limit), for the operator. */
  refused: { invalid: number; limited: number };
}

/** How many lines each top list has. */
export const TOP = 20;
/** How the row past the per-day caps is shown. */
export const OTHER_LABEL = "(others)";

/**
 * A period is in the range when it is a day inside it, or a rolled-up month that overlaps it
 * (a month's rows cannot be split into days again; the report says which months it includes).
 */
function periodFilter(range: ReportRange): { sql: string; args: SQLInputValue[] } {
  const clauses: string[] = [];
  const args: SQLInputValue[] = [];
  if (range.from) {
    clauses.push("(CASE WHEN length(period) = 7 THEN period || '-31' ELSE period END) >= ?");
    args.push(range.from);
  }
  if (range.to) {
    clauses.push("(CASE WHEN length(period) = 7 THEN period || '-01' ELSE period END) <= ?");
    args.push(range.to);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", args };
}

/** Reads the report for a range of days from the database. */
export function readReport(store: StatsStore, range: ReportRange = {}): UsageReport {
  const { sql: where, args } = periodFilter(range);
  const all = (sql: string) => store.db.prepare(sql).all(...args);
  const byPeriod = new Map<string, PeriodTotals>();
  const line = (period: string): PeriodTotals => {
    let totals = byPeriod.get(period);
    if (!totals) {
      totals = {
        period,
        views: 0,
        searches: 0,
        noResult: 0,
        opened: 0,
        handouts: 0,
        kioskResets: 0,
        quizzes: 0,
      };
      byPeriod.set(period, totals);
    }
    return totals;
  };
  for (const row of all(`SELECT period, sum(views) v FROM page_views ${where} GROUP BY period`))
    line(String(row.period)).views = Number(row.v);
  for (const row of all(`SELECT period, sum(downloads) d FROM handouts ${where} GROUP BY period`))
    line(String(row.period)).handouts = Number(row.d);
  for (const row of all(
    `SELECT period, sum(searches) s, sum(no_result) n, sum(opened) o FROM searches ${where} GROUP BY period`,
  )) {
    const totals = line(String(row.period));
    totals.searches = Number(row.s);
    totals.noResult = Number(row.n);
    totals.opened = Number(row.o);
  }
  const refused = { invalid: 0, limited: 0 };
  for (const row of all(`SELECT period, name, sum(count) c FROM counters ${where} GROUP BY 1, 2`)) {
    const count = Number(row.c);
    if (row.name === "kiosk-reset") line(String(row.period)).kioskResets = count;
    else if (row.name === "quiz-complete") line(String(row.period)).quizzes = count;
    else if (row.name === "beacon-invalid") refused.invalid += count;
    else if (row.name === "beacon-limited") refused.limited += count;
  }
  const periods = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  const total = periods.reduce(
    (sum, p) => ({
      period: "total",
      views: sum.views + p.views,
      searches: sum.searches + p.searches,
      noResult: sum.noResult + p.noResult,
      opened: sum.opened + p.opened,
      handouts: sum.handouts + p.handouts,
      kioskResets: sum.kioskResets + p.kioskResets,
      quizzes: sum.quizzes + p.quizzes,
    }),
    line("total"),
  );
  byPeriod.delete("total");

  const searchLines = (having: string, order: string): SearchLine[] =>
    all(
      `SELECT query, sum(searches) s, sum(no_result) n, sum(opened) o, max(results) r FROM searches ${where}
       GROUP BY query ${having} ORDER BY ${order}, query LIMIT ${TOP + 1}`,
    )
      // The (others) row is not a search text; the totals include it.
      .filter((row) => row.query !== OTHER)
      .slice(0, TOP)
      .map((row) => ({
        query: label(String(row.query)),
        searches: Number(row.s),
        noResult: Number(row.n),
        opened: Number(row.o),
        results: row.r === null ? undefined : Number(row.r),
      }));
  return {
    range,
    periods,
    total,
    pages: all(
      `SELECT path, sum(views) v FROM page_views ${where} GROUP BY path ORDER BY v DESC, path LIMIT ${TOP}`,
    ).map((row) => ({ path: label(String(row.path)), views: Number(row.v) })),
    handouts: all(
      `SELECT path, sum(downloads) d FROM handouts ${where} GROUP BY path ORDER BY d DESC, path LIMIT ${TOP}`,
    ).map((row) => ({ path: label(String(row.path)), downloads: Number(row.d) })),
    searches: searchLines("", "s DESC"),
    noResult: searchLines("HAVING sum(no_result) > 0", "n DESC"),
    refused,
  };
}

function label(key: string): string {
  return key === OTHER ? OTHER_LABEL : key;
}

/**
 * Every count in the range as CSV rows `period,kind,item,count` (kinds: page_view, handout,
 * search, search_no_result, result_opened, kiosk_reset, quiz_complete), ready for a pivot
 * table in a spreadsheet. UTF-8 with a byte order mark, so Excel shows Chinese correctly.
 */
export function reportCsv(store: StatsStore, range: ReportRange = {}): string {
  const { sql: where, args } = periodFilter(range);
  const rows: string[][] = [];
  const all = (sql: string) => store.db.prepare(sql).all(...args);
  for (const row of all(`SELECT period, path, views FROM page_views ${where}`))
    rows.push([String(row.period), "page_view", label(String(row.path)), String(row.views)]);
  for (const row of all(`SELECT period, path, downloads FROM handouts ${where}`))
    rows.push([String(row.period), "handout", label(String(row.path)), String(row.downloads)]);
  for (const row of all(
    `SELECT period, query, searches, no_result, opened FROM searches ${where}`,
  )) {
    const query = label(String(row.query));
    rows.push([String(row.period), "search", query, String(row.searches)]);
    if (Number(row.no_result) > 0)
      rows.push([String(row.period), "search_no_result", query, String(row.no_result)]);
    if (Number(row.opened) > 0)
      rows.push([String(row.period), "result_opened", query, String(row.opened)]);
  }
  for (const row of all(`SELECT period, name, count FROM counters ${where}`)) {
    const kind =
      row.name === "kiosk-reset"
        ? "kiosk_reset"
        : row.name === "quiz-complete"
          ? "quiz_complete"
          : undefined;
    if (kind) rows.push([String(row.period), kind, "", String(row.count)]);
  }
  rows.sort((a, b) => a.join("\u0000").localeCompare(b.join("\u0000"), "en"));
  const lines = [["period", "kind", "item", "count"], ...rows].map((cells) =>
    cells.map(csvCell).join(","),
  );
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * One CSV cell, quoted when needed. A cell starting with = + - @ (a search text can be
 * anything) gets a leading apostrophe, so a spreadsheet never runs it as a formula.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as plain text for the terminal (CJK characters count two columns). */
export function formatReport(report: UsageReport, source: string): string {
  const { range, total } = report;
  const span = `${range.from ?? "the first day"} – ${range.to ?? "the last day"}`;
  const out: string[] = [`Usage report, ${span}`, `From ${source}`, ""];
  if (report.periods.length === 0) {
    out.push("Nothing was counted in this period.");
    return out.join("\n");
  }
  const months = report.periods.filter((p) => p.period.length === 7).map((p) => p.period);
  if (months.length)
    out.push(`Includes whole months rolled up from older days: ${months.join(", ")}`, "");
  const totalsRow = (p: PeriodTotals) => [
    p.period,
    String(p.views),
    String(p.searches),
    String(p.noResult),
    String(p.opened),
    String(p.handouts),
    String(p.kioskResets),
    String(p.quizzes),
  ];
  out.push(
    "Per day",
    table(
      [
        "day",
        "page views",
        "searches",
        "no result",
        "result opened",
        "handouts",
        "kiosk sessions",
        "quizzes",
      ],
      [...report.periods.map(totalsRow), totalsRow(total)],
    ),
    "",
    "Most read pages",
    table(
      ["views", "page"],
      report.pages.map((p) => [String(p.views), p.path]),
    ),
    "",
    "Top searches",
    table(
      ["searches", "results", "opened", "search text"],
      report.searches.map((s) => [
        String(s.searches),
        String(s.results ?? "?"),
        String(s.opened),
        s.query,
      ]),
    ),
    "",
    "Top searches with no result",
    report.noResult.length
      ? table(
          ["searches", "search text"],
          report.noResult.map((s) => [String(s.noResult), s.query]),
        )
      : "  (none)",
  );
  if (report.handouts.length)
    out.push(
      "",
      "Handouts downloaded",
      table(
        ["downloads", "handout"],
        report.handouts.map((h) => [String(h.downloads), h.path]),
      ),
    );
  if (report.refused.invalid + report.refused.limited > 0)
    out.push(
      "",
      `Refused reports: ${report.refused.invalid} malformed, ${report.refused.limited} over the rate limit.`,
    );
  return out.join("\n");
}

/** An aligned plain-text table; numbers right-aligned, text left-aligned. */
function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "  (none)";
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const cell = (text: string, i: number) => {
    const pad = " ".repeat((widths[i] ?? 0) - width(text));
    return /^[\d?]+$/.test(text) ? pad + text : text + pad;
  };
  const line = (cells: string[]) => `  ${cells.map(cell).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
