/**
 * axe-core over one page of every page type, in Chinese and English, light and dark:
 * WCAG 2.2 AA must report 0 violations. A table of the results is printed at the end.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatTable,
  missingTypes,
  openSample,
  type Site,
  samplePages,
  siteRoot,
  startSite,
} from "../helpers/e2e.ts";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCHEMES = ["light", "dark"] as const;

const root = await siteRoot();
const samples = samplePages(root);
const results = new Map<string, Record<(typeof SCHEMES)[number], string>>();
let site: Site;
let page: Page | undefined;

beforeAll(async () => {
  site = await startSite({ root });
});

afterAll(async () => {
  await site?.close();
  const rows = samples.map((s) => {
    const r = results.get(s.label);
    return [s.type, s.locale, s.path, r?.light ?? "not run", r?.dark ?? "not run"];
  });
  console.log(
    `\naxe-core (WCAG 2.2 AA) per page type\n${formatTable(["type", "locale", "path", "light", "dark"], rows)}\n`,
  );
});

/** One line per violation: rule, impact, and the first few offending elements with a fix hint. */
function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 4)
        .map(
          (n) =>
            `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`,
        )
        .join("\n");
      return `  ${v.id} (${v.impact ?? "?"}, ${v.nodes.length} element(s)): ${v.help}\n${nodes}`;
    })
    .join("\n");
}

describe("axe-core finds no WCAG 2.2 AA violations", () => {
  for (const sample of samples) {
    it(`${sample.type}: ${sample.label}, light and dark`, async () => {
      page ??= await site.newPage();
      await page.emulateMedia({ colorScheme: "light" });
      await openSample(page, site, sample);
      const failures: string[] = [];
      const row = { light: "not run", dark: "not run" };
      results.set(sample.label, row);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        // Legacy mode runs axe in the page itself; the default mode opens an extra page per
        // run to merge frame results, which doubles the time and our pages have no iframes.
        const { violations } = await new AxeBuilder({ page })
          .setLegacyMode(true)
          .withTags(WCAG_22_AA)
          .analyze();
        row[scheme] = violations.length
          ? `${violations.length} rule(s): ${violations.map((v) => v.id).join(",")}`
          : "0 violations";
        if (violations.length) failures.push(`${scheme}:\n${describeViolations(violations)}`);
      }
      expect(failures, `${sample.label}\n${failures.join("\n")}`).toEqual([]);
    });
  }

  for (const missing of missingTypes(samples)) {
    it.skip(`${missing}: the built site has no page of this type yet`, () => undefined);
  }
});
