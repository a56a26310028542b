import { describe, expect, it } from "vitest";
import { notFoundPages } from "../../src/lib/serve/not-found.ts";
import { inSitemap } from "../../src/lib/site/sitemap.ts";

describe("page not found, per language", () => {
  it("tries the English 404 page first for a missing address under /en/", () => {
    expect(notFoundPages("en/no-such-page/")).toEqual(["en/404/index.html", "404.html"]);
    expect(notFoundPages("courses/nothing/")).toEqual(["404.html"]);
    expect(notFoundPages("english/")).toEqual(["404.html"]);
    expect(notFoundPages(undefined)).toEqual(["404.html"]);
  });

  it("keeps 404 pages out of the sitemap", () => {
    expect(inSitemap("https://kb.example.org/en/404/")).toBe(false);
    expect(inSitemap("https://kb.example.org/kb/404/")).toBe(false);
    expect(inSitemap("https://kb.example.org/en/")).toBe(true);
    expect(inSitemap("https://kb.example.org/policies/labour-law-2018/")).toBe(true);
  });
});
