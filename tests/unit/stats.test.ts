/**
 * Usage counting without a server: beacon checks, the recorder's caps, the roll-up of old
 * days, the report and its CSV, on real SQLite files in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS, normalizeQuery, parseBeacon } from "../../src/lib/stats/events.ts";
import { StatsRecorder } from "../../src/lib/stats/recorder.ts";
import { formatReport, readReport, reportCsv } from "../../src/lib/stats/report.ts";
import {
  CAPS,
  DB_FILE,
  KEEP_DAYS,
  MONTH_QUERIES,
  OTHER,
  StatsStore,
  shiftDay,
} from "../../src/lib/stats/store.ts";
import { SiteSchema } from "../../src/schemas/site.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "union-kb-stats-unit-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A recorder with a clock the test moves, writing only when told. */
function recorderAt(dir: string, day: string) {
  const clock = { now: new Date(`${day}T12:00:00`) };
  const recorder = StatsRecorder.open(dir, { now: () => clock.now, flushMs: 0, log: () => {} });
  return {
    recorder,
    setDay: (next: string) => {
      clock.now = new Date(`${next}T12:00:00`);
    },
  };
}

describe("search texts", () => {
  it("are counted in one form: NFKC, one space, lower case, no control characters", () => {
    expect(normalizeQuery("  ＡＢＣ　培训\u0000\u200b  费用\n")).toBe("abc 培训 费用");
    expect(normalizeQuery("\u0001\u0002  ")).toBeUndefined();
  });

  it("are cut to MAX_QUERY_CHARS characters, CJK counted as one each", () => {
    expect(Array.from(normalizeQuery("职".repeat(5000)) ?? "").length).toBe(MAX_QUERY_CHARS);
  });
});

describe("parseBeacon", () => {
  it.each([
    ["not JSON", "{"],
    ["an array", "[]"],
    ["null", "null"],
    ["a number", "42"],
    ["an unknown type", '{"type":"purchase"}'],
    ["a search without results", '{"type":"search","query":"x"}'],
    ["a negative result count", '{"type":"search","query":"x","results":-1}'],
    ["a fractional count", '{"type":"search","query":"x","results":1.5}'],
    ["a count as text", '{"type":"search","query":"x","results":"3"}'],
    ["an empty query", '{"type":"search","query":"   ","results":3}'],
    ["a query that is not text", '{"type":"search","query":["a"],"results":3}'],
    ["an open without query", '{"type":"open"}'],
    ["a prototype trick", '{"__proto__":{"type":"search"},"query":"x","results":1}'],
  ])("refuses %s", (_, body) => {
    expect(parseBeacon(body)).toBeUndefined();
  });

  it("accepts the four event types and keeps nothing else", () => {
    expect(
      parseBeacon('{"type":"search","query":"培训","results":1e9,"opened":true,"ip":"1.2.3.4"}'),
    ).toEqual({ type: "search", query: "培训", results: 100_000, opened: true });
    expect(parseBeacon('{"type":"open","query":"X"}')).toEqual({ type: "open", query: "x" });
    expect(parseBeacon('{"type":"kiosk-reset","user":"a"}')).toEqual({ type: "kiosk-reset" });
    expect(parseBeacon('{"type":"quiz-complete","quiz":"q1"}')).toEqual({
      type: "quiz-complete",
    });
  });
});

describe("the recorder", () => {
  it("counts page views, handouts, searches and events per day, in one write", () => {
    const dir = tempDir();
    const { recorder, setDay } = recorderAt(dir, "2026-03-01");
    recorder.pageView("/");
    recorder.pageView("/");
    recorder.pageView("/courses/");
    recorder.handout("/print/courses/a/");
    recorder.event({ type: "search", query: "培训", results: 3, opened: false });
    recorder.event({ type: "open", query: "培训" });
    recorder.event({ type: "search", query: "没有", results: 0, opened: false });
    recorder.event({ type: "kiosk-reset" });
    setDay("2026-03-02");
    recorder.pageView("/");
    recorder.event({ type: "quiz-complete" });
    recorder.flush();
    const report = readReport(recorder.store);
    expect(
      report.periods.map((p) => [p.period, p.views, p.searches, p.noResult, p.opened]),
    ).toEqual([
      ["2026-03-01", 3, 2, 1, 1],
      ["2026-03-02", 1, 0, 0, 0],
    ]);
    expect(report.total).toMatchObject({ views: 4, handouts: 1, kioskResets: 1, quizzes: 1 });
    expect(report.pages).toEqual([
      { path: "/", views: 3 },
      { path: "/courses/", views: 1 },
    ]);
    expect(report.noResult).toEqual([
      { query: "没有", searches: 1, noResult: 1, opened: 0, results: 0 },
    ]);
    expect(readReport(recorder.store, { from: "2026-03-02" }).total.views).toBe(1);
    recorder.close();
  });

  it("keeps at most CAPS.queries search texts a day; the rest go into one (others) row", () => {
    const dir = tempDir();
    const { recorder } = recorderAt(dir, "2026-03-01");
    const flood = CAPS.queries + 500;
    for (let i = 0; i < flood; i++)
      recorder.event({ type: "search", query: `made-up ${i}`, results: 0, opened: false });
    recorder.flush();
    // A second recorder (the server restarted) knows the day is full.
    recorder.close();
    const again = recorderAt(dir, "2026-03-01").recorder;
    again.event({ type: "search", query: "one more", results: 0, opened: false });
    again.flush();
    const rows = again.store.db.prepare("SELECT count(*) n FROM searches").get();
    expect(Number(rows?.n)).toBe(CAPS.queries + 1);
    const other = again.store.db
      .prepare("SELECT searches FROM searches WHERE query = ?")
      .get(OTHER);
    expect(Number(other?.searches)).toBe(501);
    expect(readReport(again.store).total.searches).toBe(flood + 1);
    again.close();
  });

  it("rolls days older than KEEP_DAYS into their month and keeps the month's top searches", () => {
    const dir = tempDir();
    const { recorder, setDay } = recorderAt(dir, "2026-01-10");
    for (let i = 0; i < MONTH_QUERIES + 20; i++)
      recorder.event({ type: "search", query: `q${i}`, results: 1, opened: false });
    recorder.event({ type: "search", query: "q0", results: 1, opened: true });
    recorder.pageView("/");
    setDay("2026-01-11");
    recorder.pageView("/");
    recorder.flush();
    const before = readReport(recorder.store).total;
    setDay(shiftDay("2026-01-11", KEEP_DAYS + 1));
    recorder.pageView("/courses/");
    recorder.flush();
    const periods = recorder.store.db
      .prepare("SELECT DISTINCT period FROM page_views ORDER BY period")
      .all()
      .map((row) => row.period);
    expect(periods).toEqual(["2026-01", shiftDay("2026-01-11", KEEP_DAYS + 1)]);
    const months = recorder.store.db
      .prepare("SELECT count(*) n FROM searches WHERE period = '2026-01'")
      .get();
    expect(Number(months?.n)).toBe(MONTH_QUERIES + 1);
    const after = readReport(recorder.store);
    expect(after.total.searches).toBe(before.searches);
    expect(after.total.views).toBe(before.views + 1);
    expect(after.searches[0]).toMatchObject({ query: "q0", searches: 2, opened: 1 });
    expect(readReport(recorder.store, { from: "2026-01-20", to: "2026-01-25" }).periods).toEqual([
      expect.objectContaining({ period: "2026-01" }),
    ]);
    recorder.close();
  });
});

describe("the report", () => {
  it("prints per-day totals and top lists, and writes CSV a spreadsheet cannot run", () => {
    const dir = tempDir();
    const { recorder } = recorderAt(dir, "2026-03-01");
    recorder.pageView("/courses/");
    recorder.event({ type: "search", query: "=cmd|' /c calc'!a1", results: 0, opened: false });
    recorder.event({ type: "search", query: 'say "hi", ok', results: 2, opened: true });
    recorder.close();
    const store = StatsStore.open(dir, { write: false });
    const text = formatReport(readReport(store), store.file);
    expect(text).toContain("2026-03-01");
    expect(text).toMatch(/Most read pages\n {2}views {2}page\n {6}1 {2}\/courses\//);
    expect(text).toContain("Top searches with no result");
    const csv = reportCsv(store);
    expect(csv.startsWith("\ufeffperiod,kind,item,count\r\n")).toBe(true);
    expect(csv).toContain(`2026-03-01,search,'=cmd|' /c calc'!a1,1`);
    expect(csv).toContain('2026-03-01,result_opened,"say ""hi"", ok",1');
    expect(csv).toContain("2026-03-01,page_view,/courses/,1");
    store.db.close();
  });

  it("refuses a folder without a database instead of creating one", () => {
    const dir = tempDir();
    expect(() => StatsStore.open(dir, { write: false })).toThrow(/No usage database/);
  });

  it("refuses a file that is not its database, for reading and for writing, and leaves it be", () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), "not a database at all, just text");
    expect(() => StatsStore.open(dir, { write: false })).toThrow(/file is not a database/);
    expect(() => StatsStore.open(dir, { write: true })).toThrow(/file is not a database/);
    expect(readFileSync(join(dir, DB_FILE), "utf8")).toBe("not a database at all, just text");
  });
});

describe("stats.password in site.yaml", () => {
  const site = { name: "x", nameEn: "x", organisation: "x", url: "https://kb.example.org" };
  it("is optional, and at least 8 characters when given", () => {
    expect(SiteSchema.safeParse(site).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, stats: { password: "long enough" } }).success).toBe(
      true,
    );
    const short = SiteSchema.safeParse({ ...site, stats: { password: "short" } });
    expect(short.error?.issues[0]?.message).toBe("at least 8 characters");
    expect(SiteSchema.safeParse({ ...site, stats: { pasword: "typo in the key" } }).success).toBe(
      false,
    );
  });
});
