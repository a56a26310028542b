import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";

/** The database file inside the `--stats <dir>` folder. */
export const DB_FILE = "union-kb-stats.sqlite";
/** Days kept one by one; older days are rolled up into their month. */
export const KEEP_DAYS = 92;
/**
 * Most distinct keys (pages, handouts, search texts) stored for one day or one rolled-up
 * month; more go into the {@link OTHER} row. This is what keeps floods of made-up search texts
 * from growing the file: a day holds at most ~24,000 rows whatever is sent.
 */
export const CAPS = { pages: 20_000, handouts: 2_000, queries: 2_000 } as const;
/** Search texts kept per rolled-up month (the most frequent). */
export const MONTH_QUERIES = 500;
/** The key of the row that collects everything past a cap. No search text can be it. */
export const OTHER = "\u0001other";

/** The counters of one table, by its key column. */
export type Kind = keyof typeof CAPS;
export const SCHEMA_VERSION = 1;

/** Changes to apply in one transaction: keys are `period` and the row's key. */
export interface Deltas {
  pages: Map<string, { period: string; key: string; count: number }>;
  handouts: Map<string, { period: string; key: string; count: number }>;
  searches: Map<
    string,
    {
      period: string;
      key: string;
      searches: number;
      noResult: number;
      opened: number;
      results: number | undefined;
    }
  >;
  counters: Map<string, { period: string; key: string; count: number }>;
}

/** Empty deltas. */
export function emptyDeltas(): Deltas {
  return { pages: new Map(), handouts: new Map(), searches: new Map(), counters: new Map() };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS page_views (
  period TEXT NOT NULL, path TEXT NOT NULL, views INTEGER NOT NULL,
  PRIMARY KEY (period, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS handouts (
  period TEXT NOT NULL, path TEXT NOT NULL, downloads INTEGER NOT NULL,
  PRIMARY KEY (period, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS searches (
  period TEXT NOT NULL, query TEXT NOT NULL, searches INTEGER NOT NULL,
  no_result INTEGER NOT NULL, opened INTEGER NOT NULL, results INTEGER,
  PRIMARY KEY (period, query)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counters (
  period TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (period, name)) WITHOUT ROWID;
`;

/**
 * The usage database: one SQLite file in WAL mode, so `npm run stats` and the `/stats/` page
 * read it while the server writes, and a power cut loses at most the last unsaved second,
 * never the file. Periods are days (`2026-03-08`) or rolled-up months (`2026-03`).
 */
export class StatsStore {
  readonly db: DatabaseSync;
  readonly file: string;

  private constructor(db: DatabaseSync, file: string) {
    this.db = db;
    this.file = file;
  }

  /**
   * Opens (creating when `write`) the database in `dir`.
   * @throws Error when the folder or file cannot be used; the message says which.
   */
  static open(dir: string, options: { write: boolean }): StatsStore {
    const file = join(dir, DB_FILE);
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder.`);
    if (options.write) {
      mkdirSync(dir, { recursive: true });
    } else if (!existsSync(file)) {
      throw new Error(`No usage database in ${dir} (${DB_FILE} not found).`);
    }
    // Readers open it writable too: a read-only connection cannot recover a WAL left by a
    // power cut, and reading never changes the counts.
    const db = new DatabaseSync(file, { timeout: 5000 });
    try {
      if (options.write) {
        // auto_vacuum must be chosen before the first table exists; WAL stays set in the file.
        db.exec("PRAGMA auto_vacuum = INCREMENTAL");
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA journal_size_limit = 4194304");
        db.exec(SCHEMA);
        db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)").run(
          String(SCHEMA_VERSION),
        );
      }
      let version: unknown;
      try {
        version = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()?.value;
      } catch (error) {
        throw new Error(`${file} is not a Union KB usage database (${(error as Error).message}).`);
      }
      if (Number(version) !== SCHEMA_VERSION) {
        throw new Error(`${file} is not a Union KB usage database of version ${SCHEMA_VERSION}.`);
      }
    } catch (error) {
      db.close();
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        message.includes(DB_FILE) ? message : `Cannot use ${file}: ${message}`,
        error instanceof Error ? { cause: error } : undefined,
      );
    }
    return new StatsStore(db, file);
  }

  /** Adds the deltas in one transaction: all of them are counted, or none. */
  apply(deltas: Deltas): void {
    const pages = this.db.prepare(
      "INSERT INTO page_views (period, path, views) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET views = views + excluded.views",
    );
    const handouts = this.db.prepare(
      "INSERT INTO handouts (period, path, downloads) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET downloads = downloads + excluded.downloads",
    );
    const searches = this.db.prepare(
      `INSERT INTO searches (period, query, searches, no_result, opened, results) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET searches = searches + excluded.searches, no_result = no_result + excluded.no_result,
       opened = opened + excluded.opened, results = coalesce(excluded.results, results)`,
    );
    const counters = this.db.prepare(
      "INSERT INTO counters (period, name, count) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET count = count + excluded.count",
    );
    this.transaction(() => {
      for (const row of deltas.pages.values()) pages.run(row.period, row.key, row.count);
      for (const row of deltas.handouts.values()) handouts.run(row.period, row.key, row.count);
      for (const row of deltas.searches.values())
        searches.run(
          row.period,
          row.key,
          row.searches,
          row.noResult,
          row.opened,
          row.results ?? null,
        );
      for (const row of deltas.counters.values()) counters.run(row.period, row.key, row.count);
    });
  }

  /** The keys already stored for a day, per kind (for the per-day caps). */
  keysOf(period: string): Record<Kind, Set<string>> {
    const list = (sql: string) =>
      new Set(
        this.db
          .prepare(sql)
          .all(period)
          .map((row) => String(row.key)),
      );
    return {
      pages: list("SELECT path AS key FROM page_views WHERE period = ?"),
      handouts: list("SELECT path AS key FROM handouts WHERE period = ?"),
      queries: list("SELECT query AS key FROM searches WHERE period = ?"),
    };
  }

  /**
   * Rolls every day before `today` minus {@link KEEP_DAYS} up into its month: the sums per page,
   * handout and counter, and the {@link MONTH_QUERIES} most frequent search texts (the rest in
   * the {@link OTHER} row). Then gives the freed pages back to the file system.
   * Returns how many day rows were rolled up.
   */
  rollUp(today: string): number {
    const cutoff = shiftDay(today, -KEEP_DAYS);
    let rolled = 0;
    this.transaction(() => {
      const old = "WHERE length(period) = 10 AND period < ?";
      for (const [table, key, sums] of [
        ["page_views", "path", ["views"]],
        ["handouts", "path", ["downloads"]],
        ["counters", "name", ["count"]],
        ["searches", "query", ["searches", "no_result", "opened"]],
      ] as const) {
        const columns = sums.join(", ");
        const selected = sums.map((c) => `sum(${c})`).join(", ");
        const update = sums.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
        const extra = table === "searches" ? ", results" : "";
        const extraSelect = table === "searches" ? ", max(results)" : "";
        this.db
          .prepare(
            `INSERT INTO ${table} (period, ${key}, ${columns}${extra})
             SELECT substr(period, 1, 7), ${key}, ${selected}${extraSelect} FROM ${table} ${old}
             GROUP BY substr(period, 1, 7), ${key}
             ON CONFLICT DO UPDATE SET ${update}`,
          )
          .run(cutoff);
        rolled += Number(this.db.prepare(`DELETE FROM ${table} ${old}`).run(cutoff).changes);
      }
      this.trimMonthQueries();
    });
    if (rolled > 0) this.db.exec("PRAGMA incremental_vacuum");
    return rolled;
  }

  /** Keeps the most frequent search texts of each month; the others are summed into OTHER. */
  private trimMonthQueries(): void {
    const months = this.db
      .prepare(
        "SELECT period FROM searches WHERE length(period) = 7 GROUP BY period HAVING count(*) > ?",
      )
      .all(MONTH_QUERIES + 1)
      .map((row) => String(row.period));
    for (const month of months) {
      const extra = this.db
        .prepare(
          `SELECT query FROM searches WHERE period = ? AND query <> ?
           ORDER BY searches DESC, query LIMIT -1 OFFSET ?`,
        )
        .all(month, OTHER, MONTH_QUERIES)
        .map((row) => String(row.query));
      const sum = this.db.prepare(
        `SELECT sum(searches) s, sum(no_result) n, sum(opened) o FROM searches WHERE period = ? AND query = ?`,
      );
      const add = this.db.prepare(
        `INSERT INTO searches (period, query, searches, no_result, opened, results) VALUES (?, ?, ?, ?, ?, NULL)
         ON CONFLICT DO UPDATE SET searches = searches + excluded.searches,
         no_result = no_result + excluded.no_result, opened = opened + excluded.opened`,
      );
      const remove = this.db.prepare("DELETE FROM searches WHERE period = ? AND query = ?");
      for (const query of extra) {
        const row = sum.get(month, query) as Record<string, SQLInputValue>;
        add.run(month, OTHER, Number(row.s), Number(row.n), Number(row.o));
        remove.run(month, query);
      }
    }
  }

  /** Runs `work` in one transaction (rolled back when it throws). */
  transaction(work: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /** Writes the WAL back into the main file (at a clean stop) and closes the database. */
  close(): void {
    try {
      this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } finally {
      this.db.close();
    }
  }
}

/** `YYYY-MM-DD` of a date in the server's own time zone (the palace's local day). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after (or before) a `YYYY-MM-DD` day. */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
