/**
 * Runs search queries through the real search page in Chromium and scores them:
 * a query hits at k when one of its expected targets is among the links of the
 * first k results (the result's own link and the sections shown under it).
 */
import { readFileSync } from "node:fs";
import { z } from "astro/zod";
import type { Page } from "playwright-core";
import { parse as parseYaml } from "yaml";

export const QuerySchema = z.strictObject({
  q: z.string().min(1),
  /** queries.yaml: everyday … partial; field-queries.yaml: colloquial … cross. */
  kind: z.enum([
    "everyday",
    "law",
    "english",
    "pinyin",
    "partial",
    "colloquial",
    "term",
    "short-name",
    "article",
    "typo",
    "traditional",
    "cross",
  ]),
  expect: z.array(z.string().startsWith("/")).min(1),
  page: z.enum(["zh-CN", "en"]).default("zh-CN"),
  counted: z.boolean().default(true),
});
export type SearchQuery = z.infer<typeof QuerySchema>;

/** Reads and validates tests/search/queries.yaml (or another query file). */
export function loadQueries(file: string): SearchQuery[] {
  return z.array(QuerySchema).parse(parseYaml(readFileSync(file, "utf8")));
}

/** The links of one shown result: its own URL first, then its sections. */
export type ResultLinks = string[];

/**
 * Types `query` into the search box of the page already open, submits it and
 * returns the links of the first `limit` results as root-relative paths with
 * decoded hashes (`/policies/x/#art-24`).
 */
export async function searchFor(
  page: Page,
  query: string,
  limit = 3,
): Promise<{ results: ResultLinks[]; status: string }> {
  consoleOf(page);
  await page.fill("#search-query", query);
  await page.press("#search-query", "Enter");
  try {
    await page.waitForFunction(
      (q) => {
        const root = document.querySelector<HTMLElement>("[data-search-root]");
        return (
          (root?.dataset.state === "done" || root?.dataset.state === "error") &&
          root.dataset.query === q
        );
      },
      query,
      // Generous: a busy two-core machine runs several of these pages at once.
      { timeout: 120_000 },
    );
  } catch (error) {
    throw new Error(`The search for “${query}” did not finish: ${await pageState(page)}`, {
      cause: error,
    });
  }
  const state = await page.evaluate(
    () => document.querySelector<HTMLElement>("[data-search-root]")?.dataset.state,
  );
  if (state === "error")
    throw new Error(`The search for “${query}” failed: ${await pageState(page)}`);
  return page.evaluate((max) => {
    const path = (href: string) => {
      const url = new URL(href);
      return decodeURI(url.pathname + url.hash);
    };
    const items = [...document.querySelectorAll("[data-search-results] > li")].slice(0, max);
    return {
      status: document.querySelector("[data-search-status]")?.textContent ?? "",
      results: items.map((item) =>
        [...item.querySelectorAll<HTMLAnchorElement>("a[data-result], a[data-section]")].map((a) =>
          path(a.href),
        ),
      ),
    };
  }, limit);
}

/** What the search page shows and says about its state, for an error message. */
async function pageState(page: Page): Promise<string> {
  const state = await page
    .evaluate(() => {
      const root = document.querySelector<HTMLElement>("[data-search-root]");
      return {
        state: root?.dataset.state,
        query: root?.dataset.query,
        box: document.querySelector<HTMLInputElement>("#search-query")?.value,
        status: document.querySelector("[data-search-status]")?.textContent,
        results: document.querySelectorAll("[data-search-results] > li").length,
      };
    })
    .catch((error: unknown) => ({ unreadable: String(error) }));
  return `${JSON.stringify(state)}; console: ${consoleOf(page).slice(-5).join(" | ") || "(nothing)"}`;
}

/** The page's last console errors and warnings and uncaught errors, collected from the first search. */
const consoles = new WeakMap<Page, string[]>();
function consoleOf(page: Page): string[] {
  let lines = consoles.get(page);
  if (!lines) {
    const list: string[] = [];
    lines = list;
    consoles.set(page, list);
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        list.push(`${message.type()}: ${message.text()}`.slice(0, 300));
    });
    page.on("pageerror", (error) => list.push(`uncaught: ${error.message}`.slice(0, 300)));
  }
  return lines;
}

/** Whether a link satisfies an expected target: pages match any link to them, anchors must match exactly. */
export function matches(expected: string, link: string): boolean {
  return expected.includes("#") ? link === expected : link.split("#")[0] === expected;
}

/** Rank (1-based) of the first result with an expected link, or undefined. */
export function hitRank(
  expect: readonly string[],
  results: readonly ResultLinks[],
): number | undefined {
  const index = results.findIndex((links) =>
    links.some((link) => expect.some((e) => matches(e, link))),
  );
  return index === -1 ? undefined : index + 1;
}

/** One scored query. */
export interface Outcome {
  query: SearchQuery;
  rank: number | undefined;
  top: ResultLinks[];
}

/** hit@1 and hit@3 over the counted queries, overall and per kind, as a printable table. */
export function summarise(outcomes: readonly Outcome[]): {
  hit1: number;
  hit3: number;
  counted: number;
  report: string;
} {
  const counted = outcomes.filter((o) => o.query.counted);
  const rate = (list: readonly Outcome[], k: number) =>
    list.length === 0
      ? 0
      : list.filter((o) => o.rank !== undefined && o.rank <= k).length / list.length;
  const percent = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
  const kinds = [...new Set(counted.map((o) => o.query.kind))];
  const lines = [
    "kind       queries  hit@1  hit@3",
    ...kinds.map((kind) => {
      const list = counted.filter((o) => o.query.kind === kind);
      return `${kind.padEnd(10)} ${String(list.length).padStart(7)}  ${percent(rate(list, 1))}  ${percent(rate(list, 3))}`;
    }),
    `${"all".padEnd(10)} ${String(counted.length).padStart(7)}  ${percent(rate(counted, 1))}  ${percent(rate(counted, 3))}`,
    "",
    ...outcomes
      .filter((o) => o.rank !== 1)
      .map((o) => {
        const where = o.rank ? `rank ${o.rank}` : "miss";
        const probe = o.query.counted ? "" : " (probe, not counted)";
        const top = o.top
          .map((links, i) => `      ${i + 1}. ${links.slice(0, 4).join("  ")}`)
          .join("\n");
        return `  ${where}: ${o.query.q}${probe} → want ${o.query.expect.slice(0, 3).join(" | ")}\n${top || "      (no results)"}`;
      }),
  ];
  return {
    hit1: rate(counted, 1),
    hit3: rate(counted, 3),
    counted: counted.length,
    report: lines.join("\n"),
  };
}

/** A served site the harness can open pages on (tests/helpers/e2e.ts `Site`). */
export interface SearchSite {
  newPage(): Promise<Page>;
  url(path: string): string;
}

/**
 * Runs every query on its own search page (/search/ or /en/search/) of `site`,
 * with `workers` browser pages searching at the same time, each taking the
 * next query from one queue. Every query still goes the whole way: typed into
 * the box, searched by the page's script, read from the rendered list.
 * Outcomes come back in the order of `queries`.
 */
export async function scoreQueries(
  site: SearchSite,
  queries: readonly SearchQuery[],
  workers = 2,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const work = async () => {
    const pages = new Map<SearchQuery["page"], Page>();
    for (let i = next++; i < queries.length; i = next++) {
      const query = queries[i] as SearchQuery;
      let page = pages.get(query.page);
      if (!page) {
        page = await site.newPage();
        await page.goto(site.url(query.page === "en" ? "/en/search/" : "/search/"));
        pages.set(query.page, page);
      }
      const { results } = await searchFor(page, query.q);
      outcomes[i] = { query, rank: hitRank(query.expect, results), top: results };
    }
    await Promise.all([...pages.values()].map((page) => page.close()));
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, work));
  return outcomes;
}
