import type { PageType, SiteMeasure } from "./measure.ts";
import type { BuildProcess, ProcessPeaks } from "./run-build.ts";

const BUILD_PROCESSES: readonly BuildProcess[] = ["build", "astro", "pagefind"];

/** One build's figures, as the bench table shows them. */
export interface BuildFigures {
  totalSeconds: number;
  /** Start of the build until the first page is written: check, content sync, Vite bundling. */
  setupSeconds: number;
  /** Astro's page rendering: first to last page written (or Astro's own figure when it prints one). */
  renderSeconds: number;
  /** Pagefind, from its own log line, else last page to last index file; undefined without a search index. */
  pagefindSeconds: number | undefined;
  /** Largest single process (Astro's or Pagefind's). */
  peakRssBytes: number | undefined;
  /** All processes of the build at the same moment. */
  peakTreeRssBytes: number | undefined;
  /** Peak of each kind of build process (Pagefind: its largest run). */
  peakRssByProcess: ProcessPeaks;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median of each figure over several builds. */
export function medianFigures(runs: readonly BuildFigures[]): BuildFigures {
  const of = (pick: (r: BuildFigures) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  return {
    totalSeconds: of((r) => r.totalSeconds) ?? 0,
    setupSeconds: of((r) => r.setupSeconds) ?? 0,
    renderSeconds: of((r) => r.renderSeconds) ?? 0,
    pagefindSeconds: of((r) => r.pagefindSeconds),
    peakRssBytes: of((r) => r.peakRssBytes),
    peakTreeRssBytes: of((r) => r.peakTreeRssBytes),
    peakRssByProcess: Object.fromEntries(
      BUILD_PROCESSES.flatMap((kind) => {
        const value = of((r) => r.peakRssByProcess[kind]);
        return value === undefined ? [] : [[kind, value]];
      }),
    ),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : kb(bytes);
const s = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(1)} s`);

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(" | ")} |`;
  const [head, ...body] = rows;
  return [
    line(head ?? []),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

const TYPE_ORDER: readonly PageType[] = [
  "home",
  "list",
  "course",
  "lesson",
  "case",
  "policy",
  "topic",
  "glossary",
  "print",
  "other",
];

/**
 * The bench report as Markdown tables: build figures (cold and, when
 * measured, warm and after one edited lesson), page weight, and JS/CSS per
 * page type.
 */
export function formatReport(input: {
  entries: number;
  runs: number;
  cold: BuildFigures;
  warm: BuildFigures | undefined;
  edited?: BuildFigures | undefined;
  site: SiteMeasure;
}): string {
  const { site } = input;
  const candidates: [string, BuildFigures | undefined][] = [
    ["cold (no cache)", input.cold],
    ["warm (unchanged content)", input.warm],
    ["one lesson's text edited", input.edited],
  ];
  const columns = candidates.filter((c): c is [string, BuildFigures] => c[1] !== undefined);
  const row = (label: string, pick: (f: BuildFigures) => string) => [
    label,
    ...columns.map(([, figures]) => pick(figures)),
  ];
  const megabytes = (bytes: number | undefined) => (bytes ? mb(bytes) : "n/a");
  const build = table([
    [`build (median of ${input.runs})`, ...columns.map(([label]) => label)],
    row("total build", (f) => s(f.totalSeconds)),
    row("check + content sync + bundle", (f) => s(f.setupSeconds)),
    row("Astro render", (f) => s(f.renderSeconds)),
    row("Pagefind", (f) => s(f.pagefindSeconds)),
    row("peak RSS, largest process", (f) => megabytes(f.peakRssBytes)),
    row("peak RSS, all build processes", (f) => megabytes(f.peakTreeRssBytes)),
    row("peak RSS, build.ts", (f) => megabytes(f.peakRssByProcess.build)),
    row("peak RSS, Astro", (f) => megabytes(f.peakRssByProcess.astro)),
    row("peak RSS, Pagefind (largest run)", (f) => megabytes(f.peakRssByProcess.pagefind)),
  ]);
  const weight = table([
    ["output", "value"],
    ["entries generated", String(input.entries)],
    ["HTML pages", String(site.pages)],
    ["total output", mb(site.totalBytes)],
    ["average HTML per page", kb(site.avgHtmlBytes)],
    ["max HTML (excluding policy texts)", `${kb(site.maxHtmlBytes)} (${site.maxHtmlPage})`],
    ["max policy full-text page", kb(site.maxPolicyHtmlBytes)],
    ["CSS, whole site (gzip)", `${kb(site.cssBytes)} (${kb(site.cssGzipBytes)})`],
    [
      "search index (dist/pagefind)",
      site.searchIndexBytes ? mb(site.searchIndexBytes) : "n/a (no pagefind/)",
    ],
  ]);
  const types = table([
    ["page type", "pages", "avg HTML", "max HTML", "JS / page", "CSS / page"],
    ...TYPE_ORDER.flatMap((type) => {
      const t = site.types[type];
      return t
        ? [
            [
              type,
              String(t.pages),
              kb(t.avgHtmlBytes),
              kb(t.maxHtmlBytes),
              kb(t.jsBytes),
              kb(t.cssBytes),
            ],
          ]
        : [];
    }),
  ]);
  return `${build}\n\n${weight}\n\n${types}\n`;
}
