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

export function table(rows: readonly (readonly string[])[]): string {
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

/** The page types that are one entry's own page (a baseline doc each). */
const ENTRY_TYPES: readonly PageType[] = ["course", "lesson", "case", "policy"];

/** Pages that are one entry's own page, and their average HTML size. */
export interface DocPages {
  pages: number;
  avgHtmlBytes: number;
}

/** Union KB's entry pages (course, lesson, case, policy): how many, average HTML. */
export function entryPages(site: Pick<SiteMeasure, "types">): DocPages {
  let pages = 0;
  let bytes = 0;
  for (const type of ENTRY_TYPES) {
    const t = site.types[type];
    if (!t) continue;
    pages += t.pages;
    bytes += t.avgHtmlBytes * t.pages;
  }
  return { pages, avgHtmlBytes: pages ? Math.round(bytes / pages) : 0 };
}

/** `ours / theirs`, or undefined when either is missing or the baseline's is 0. */
export function ratio(ours: number | undefined, theirs: number | undefined): number | undefined {
  return ours === undefined || theirs === undefined || theirs === 0 ? undefined : ours / theirs;
}

/** A ratio as the table shows it: "3.91×", or "n/a". */
export const times = (value: number | undefined) =>
  value === undefined ? "n/a" : `${value.toFixed(2)}×`;

/** The figures of one kind of build that are compared with the baseline, by JSON name. */
const COMPARED: readonly [keyof BuildFigures | BuildProcess, string][] = [
  ["totalSeconds", "total build"],
  ["setupSeconds", "start to first page (check, content sync, bundle)"],
  ["renderSeconds", "Astro render (first to last page)"],
  ["pagefindSeconds", "Pagefind"],
  ["peakRssBytes", "peak RSS, largest process"],
  ["peakTreeRssBytes", "peak RSS, all build processes"],
  ["astro", "peak RSS, Astro"],
  ["pagefind", "peak RSS, Pagefind (largest run)"],
];

function figure(f: BuildFigures, key: keyof BuildFigures | BuildProcess): number | undefined {
  if (key === "build" || key === "astro" || key === "pagefind") return f.peakRssByProcess[key];
  const value = f[key];
  return typeof value === "number" ? value : undefined;
}

/** Union KB's figures of one kind of build divided by the baseline's (JSON names as in BuildFigures). */
export function figureRatios(
  ours: BuildFigures,
  theirs: BuildFigures,
): Record<string, number | undefined> {
  return Object.fromEntries(
    COMPARED.map(([key]) => [
      key === "astro" || key === "pagefind" ? `peakRss.${key}` : key,
      ratio(figure(ours, key), figure(theirs, key)),
    ]),
  );
}

/** One side of the comparison: its builds and what they wrote. */
export interface ComparedSide {
  cold: BuildFigures;
  warm?: BuildFigures | undefined;
  edited?: BuildFigures | undefined;
  site: Pick<SiteMeasure, "pages" | "totalBytes" | "searchIndexBytes">;
  docs: DocPages;
}

const BUILD_KINDS = [
  ["cold", "cold (no cache)"],
  ["warm", "warm (unchanged content)"],
  ["edited", "one lesson's text edited"],
] as const;

/** The output figures compared: label, value of a side, how to print it. */
const OUTPUT_ROWS: readonly [string, (side: ComparedSide) => number, (n: number) => string][] = [
  ["HTML pages", (x) => x.site.pages, String],
  ["entry pages (course, lesson, case, policy / doc)", (x) => x.docs.pages, String],
  ["average entry / doc page HTML", (x) => x.docs.avgHtmlBytes, kb],
  ["total output", (x) => x.site.totalBytes, mb],
  ["search index (dist/pagefind)", (x) => x.site.searchIndexBytes, mb],
];

/** Every ratio of the comparison, for `--json`. */
export function comparisonRatios(ours: ComparedSide, theirs: ComparedSide) {
  const builds: Partial<
    Record<(typeof BUILD_KINDS)[number][0], Record<string, number | undefined>>
  > = {};
  for (const [kind] of BUILD_KINDS) {
    const a = ours[kind];
    const b = theirs[kind];
    if (a && b) builds[kind] = figureRatios(a, b);
  }
  return {
    ...builds,
    pages: ratio(ours.site.pages, theirs.site.pages),
    avgDocHtmlBytes: ratio(ours.docs.avgHtmlBytes, theirs.docs.avgHtmlBytes),
    totalBytes: ratio(ours.site.totalBytes, theirs.site.totalBytes),
    searchIndexBytes: ratio(ours.site.searchIndexBytes, theirs.site.searchIndexBytes),
  };
}

/**
 * Union KB against the plain-Astro baseline built in the same run: one table
 * per kind of build measured on both sides, then the output, each figure with
 * its ratio (Union KB / baseline).
 */
export function formatComparison(input: {
  entries: number;
  runs: number;
  unionKb: ComparedSide;
  baseline: ComparedSide;
}): string {
  const { unionKb: ours, baseline: theirs } = input;
  const megabytes = (bytes: number | undefined) => (bytes ? mb(bytes) : "n/a");
  const tables = BUILD_KINDS.flatMap(([kind, label]) => {
    const a = ours[kind];
    const b = theirs[kind];
    if (!a || !b) return [];
    return [
      table([
        [`${label}, median of ${input.runs}`, "Union KB", "plain Astro", "× plain Astro"],
        ...COMPARED.map(([key, name]) => {
          const show = key.endsWith("Seconds") ? s : megabytes;
          return [
            name,
            show(figure(a, key)),
            show(figure(b, key)),
            times(ratio(figure(a, key), figure(b, key))),
          ];
        }),
      ]),
    ];
  });
  const output = table([
    ["output", "Union KB", "plain Astro", "× plain Astro"],
    ...OUTPUT_ROWS.map(([name, pick, show]) => [
      name,
      show(pick(ours)),
      show(pick(theirs)),
      times(ratio(pick(ours), pick(theirs))),
    ]),
  ]);
  return `${[...tables, output].join("\n\n")}\n`;
}
