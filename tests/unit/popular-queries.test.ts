/** The one-tap searches of the kiosk search page (src/lib/site/popular-queries.ts) and their site.yaml fields. */
import { describe, expect, it } from "vitest";
import { popularQueries } from "../../src/lib/site/popular-queries.ts";
import { SiteSchema } from "../../src/schemas/site.ts";

const term = (zh: string, en: string, sources: number) => ({
  zh,
  en,
  sources: Array.from({ length: sources }, (_, article) => ({ policy: "law", article })),
});
const TERMS = [
  term("职业教育", "vocational education", 4),
  term("师带徒", "mentoring", 0),
  term("职业培训", "vocational training", 6),
  term("工会", "trade union", 4),
  term("职业教育", "vocational education (duplicate)", 1),
];

describe("popularQueries", () => {
  it("uses what site.yaml gives, without duplicates", () => {
    expect(popularQueries(["培训", "工会经费", "培训"], TERMS, (t) => t.zh)).toEqual([
      "培训",
      "工会经费",
    ]);
  });

  it("defaults to the terms found in the most law articles, ties in glossary order", () => {
    expect(popularQueries(undefined, TERMS, (t) => t.zh)).toEqual(["职业培训", "职业教育", "工会"]);
    expect(popularQueries([], TERMS, (t) => t.en, 2)).toEqual([
      "vocational training",
      "vocational education",
    ]);
  });
});

describe("site.yaml kiosk.popularQueries", () => {
  const site = { name: "库", nameEn: "KB", organisation: "工会", url: "https://kb.example.org" };

  it("is optional, and takes 1 to 12 words per language", () => {
    expect(SiteSchema.parse(site).kiosk.popularQueries).toBeUndefined();
    const kiosk = { popularQueries: ["培训"], popularQueriesEn: ["training"] };
    expect(SiteSchema.parse({ ...site, kiosk }).kiosk).toMatchObject(kiosk);
    expect(SiteSchema.safeParse({ ...site, kiosk: { popularQueries: [] } }).success).toBe(false);
    const thirteen = Array.from({ length: 13 }, (_, i) => `词${i}`);
    expect(SiteSchema.safeParse({ ...site, kiosk: { popularQueries: thirteen } }).success).toBe(
      false,
    );
  });
});
