import type { StatsEvent } from "./events.ts";
import { CAPS, type Deltas, emptyDeltas, type Kind, localDay, OTHER, StatsStore } from "./store.ts";

/** How often counts are written to the database (one transaction each time). */
export const FLUSH_MS = 1000;

/** Options for {@link StatsRecorder.open}. */
export interface RecorderOptions {
  /** The clock (tests move it across days). */
  now?: () => Date;
  /** Milliseconds between writes; 0 writes only on {@link StatsRecorder.flush}. */
  flushMs?: number;
  /** Where a failed write is reported (the counts are kept and tried again). */
  log?: (line: string) => void;
}

/**
 * Counts what the server sees and writes the counts to the {@link StatsStore} once a second in
 * one transaction, so 200 readers at once cost one small write per second, not 200. Between
 * writes the counts are in memory, bounded like the database: per day at most
 * {@link CAPS} distinct keys, the rest in one OTHER row.
 */
export class StatsRecorder {
  readonly store: StatsStore;
  private pending: Deltas = emptyDeltas();
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Keys stored or pending for `day`, per kind (loaded from the database on a new day). */
  private day = "";
  private known: Record<Kind, Set<string>> = {
    pages: new Set(),
    handouts: new Set(),
    queries: new Set(),
  };
  private failing = false;
  private closed = false;

  private constructor(store: StatsStore, options: RecorderOptions) {
    this.store = store;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((line) => console.error(line));
    const flushMs = options.flushMs ?? FLUSH_MS;
    if (flushMs > 0) {
      this.timer = setInterval(() => this.flush(), flushMs);
      this.timer.unref();
    }
  }

  /**
   * Opens (or creates) the database in `dir`, rolls up days past the kept window and starts
   * the once-a-second writes.
   * @throws Error when the folder or the database cannot be used.
   */
  static open(dir: string, options: RecorderOptions = {}): StatsRecorder {
    const store = StatsStore.open(dir, { write: true });
    const recorder = new StatsRecorder(store, options);
    store.rollUp(localDay(recorder.now()));
    return recorder;
  }

  /** One view of an HTML page (`/courses/x/`). */
  pageView(path: string): void {
    const day = this.today();
    const key = this.capped("pages", path);
    bump(this.pending.pages, day, key, 1);
  }

  /** One download of a handout (a print view or a PDF). */
  handout(path: string): void {
    const day = this.today();
    const key = this.capped("handouts", path);
    bump(this.pending.handouts, day, key, 1);
  }

  /** One event reported by a page's beacon (already checked by `parseBeacon`). */
  event(event: StatsEvent): void {
    const day = this.today();
    switch (event.type) {
      case "search": {
        const row = this.searchRow(day, event.query);
        row.searches += 1;
        if (event.results === 0) row.noResult += 1;
        if (event.opened) row.opened += 1;
        row.results = event.results;
        return;
      }
      case "open":
        this.searchRow(day, event.query).opened += 1;
        return;
      case "kiosk-reset":
      case "quiz-complete":
        bump(this.pending.counters, day, event.type, 1);
        return;
    }
  }

  /** Counts a refused beacon (garbage, too big, too many) under the counter `name`. */
  refused(name: "beacon-invalid" | "beacon-limited"): void {
    bump(this.pending.counters, this.today(), name, 1);
  }

  /**
   * Writes the pending counts in one transaction. When the write fails (disk full, file
   * locked) they stay pending and are tried again at the next tick; one log line per outage.
   */
  flush(): void {
    const deltas = this.pending;
    if (isEmpty(deltas)) return;
    this.pending = emptyDeltas();
    try {
      this.store.apply(deltas);
      if (this.failing) this.log("stats: writing the usage database works again.");
      this.failing = false;
    } catch (error) {
      this.pending = merge(deltas, this.pending);
      if (!this.failing)
        this.log(
          `stats: cannot write ${this.store.file} (${(error as Error).message}); the counts are kept in memory and written when it works again.`,
        );
      this.failing = true;
    }
  }

  /** Writes what is pending, stops the timer and closes the database. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.flush();
    this.store.close();
  }

  private today(): string {
    const day = localDay(this.now());
    if (day !== this.day) {
      this.flush();
      if (this.day !== "") this.store.rollUp(day);
      this.day = day;
      this.known = this.store.keysOf(day);
    }
    return day;
  }

  /** The key itself, or OTHER once the day already has its cap of distinct keys. */
  private capped(kind: Kind, key: string): string {
    const known = this.known[kind];
    if (known.has(key)) return key;
    if (known.size >= CAPS[kind]) return OTHER;
    known.add(key);
    return key;
  }

  private searchRow(day: string, query: string) {
    const key = this.capped("queries", query);
    const id = `${day}\n${key}`;
    let row = this.pending.searches.get(id);
    if (!row) {
      row = { period: day, key, searches: 0, noResult: 0, opened: 0, results: undefined };
      this.pending.searches.set(id, row);
    }
    return row;
  }
}

function bump(
  map: Map<string, { period: string; key: string; count: number }>,
  period: string,
  key: string,
  count: number,
): void {
  const id = `${period}\n${key}`;
  const row = map.get(id);
  if (row) row.count += count;
  else map.set(id, { period, key, count });
}

function isEmpty(deltas: Deltas): boolean {
  return (
    deltas.pages.size + deltas.handouts.size + deltas.searches.size + deltas.counters.size === 0
  );
}

/** Adds `b` into `a` (both from the same days, so the caps still hold). */
function merge(a: Deltas, b: Deltas): Deltas {
  for (const kind of ["pages", "handouts", "counters"] as const)
    for (const row of b[kind].values()) bump(a[kind], row.period, row.key, row.count);
  for (const [id, row] of b.searches) {
    const into = a.searches.get(id);
    if (!into) a.searches.set(id, row);
    else {
      into.searches += row.searches;
      into.noResult += row.noResult;
      into.opened += row.opened;
      into.results = row.results ?? into.results;
    }
  }
  return a;
}
