/**
 * Search quality on the sample knowledge base (content/): every query of
 * queries.yaml goes through the real search page in Chromium; hit@1 and hit@3
 * are printed with every query that missed rank 1, plus the index size.
 *
 * Bar: hit@3 ≥ 90% and hit@1 ≥ 70% of the counted queries.
 * Set UNION_KB_SEARCH_SITE=<built dist of content/> to skip the build.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexSize } from "../../src/lib/search/indexer.ts";
import { type Site, startSite } from "../helpers/e2e.ts";
import { loadQueries, scoreQueries, summarise } from "./harness.ts";
import { buildSample } from "./sample-site.ts";

const HIT3_BAR = 0.9;
const HIT1_BAR = 0.7;
const queries = loadQueries(join(import.meta.dirname, "queries.yaml"));
let site: Site;
let built: string | undefined;

beforeAll(async () => {
  const root = process.env.UNION_KB_SEARCH_SITE ?? (await buildSample());
  if (!process.env.UNION_KB_SEARCH_SITE) built = root;
  site = await startSite({ root });
});

afterAll(async () => {
  await site?.close();
  if (built) rmSync(join(built, ".."), { recursive: true, force: true });
});

describe("search on the sample knowledge base", () => {
  it(`finds the expected page in the top 3 for ≥ ${HIT3_BAR * 100}% of ${queries.length} queries`, async () => {
    const outcomes = await scoreQueries(site, queries);
    const summary = summarise(outcomes);
    console.log(
      `\nSearch quality (${summary.counted} counted queries, tests/search/queries.yaml)\n${summary.report}\n`,
    );
    expect(summary.hit3).toBeGreaterThanOrEqual(HIT3_BAR);
    expect(summary.hit1).toBeGreaterThanOrEqual(HIT1_BAR);
  });

  it("reports the index size", () => {
    const size = indexSize(join(site.root, "pagefind"));
    console.log(
      `Search index of the sample: ${size.bytes} bytes in ${size.files} files, ${size.fragments} fragment files.`,
    );
    expect(size.fragments).toBeGreaterThan(0);
  });
});
