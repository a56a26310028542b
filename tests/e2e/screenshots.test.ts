/**
 * Screenshots of the main page types at phone (360 px) and desktop (1280 px) width, written to
 * artefacts/screenshots/ (git-ignored) so a person can look at them after `npm test`.
 * Also the home page in dark mode. The test only checks that each file was written.
 */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openSample,
  type PageSample,
  type Site,
  samplePages,
  siteRoot,
  startSite,
} from "../helpers/e2e.ts";
import { ROOT } from "../helpers/fixtures.ts";

const OUT = join(ROOT, "artefacts/screenshots");
/** Long pages (a full law text) are cut here: enough to judge the layout, small files. */
const MAX_HEIGHT = 6000;
const WIDTHS = [360, 1280] as const;
const MAIN_TYPES = new Set([
  "home",
  "courses",
  "course",
  "lesson",
  "policy",
  "case",
  "topic",
  "glossary",
  "search",
  "print-lesson",
  "404",
]);

const root = await siteRoot();
const samples = samplePages(root).filter(
  (s) => MAIN_TYPES.has(s.type) && (s.locale === "zh-CN" || s.type === "home"),
);
let site: Site;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  site = await startSite({ root });
});
afterAll(async () => {
  await site?.close();
  console.log(`Screenshots: ${OUT}`);
});

function fileName(sample: PageSample, width: number, scheme: string): string {
  return `${sample.type}-${sample.locale}-${width}${scheme === "dark" ? "-dark" : ""}.png`;
}

describe("screenshots", () => {
  const jobs = samples.flatMap((sample) =>
    WIDTHS.map((width) => ({ sample, width, scheme: "light" as "light" | "dark" })).concat(
      sample.type === "home" && sample.locale === "zh-CN"
        ? [{ sample, width: 360, scheme: "dark" }]
        : [],
    ),
  );
  for (const { sample, width, scheme } of jobs) {
    const name = fileName(sample, width, scheme);
    it(name, async () => {
      const page = await site.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
      await openSample(page, site, sample);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const path = join(OUT, name);
      await page.screenshot({
        path,
        fullPage: true,
        ...(height > MAX_HEIGHT ? { clip: { x: 0, y: 0, width, height: MAX_HEIGHT } } : {}),
      });
      await page.context().close();
      expect(statSync(path).size).toBeGreaterThan(1000);
    });
  }
});
