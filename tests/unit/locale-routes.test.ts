import { describe, expect, it } from "vitest";
import { localePaths, notFoundPaths, pathsForEachLocale } from "../../src/data/locale-paths.ts";
import { LOCALES, localeParam, localePrefix, otherLocale } from "../../src/lib/site/routes.ts";

describe("the route table for pages in every UI language", () => {
  it("serves Chinese at the root and English under /en/", () => {
    expect(LOCALES).toEqual(["zh-CN", "en"]);
    expect(LOCALES.map(localePrefix)).toEqual(["/", "/en/"]);
    expect(LOCALES.map(localeParam)).toEqual([undefined, "en"]);
    expect(LOCALES.map(otherLocale)).toEqual(["en", "zh-CN"]);
  });

  it("gives a [...locale] route one path per language", () => {
    expect(localePaths()).toEqual([
      { params: { locale: undefined }, props: { locale: "zh-CN" } },
      { params: { locale: "en" }, props: { locale: "en" } },
    ]);
  });

  it("leaves the Chinese 404 page to src/pages/404.astro", () => {
    expect(notFoundPaths()).toEqual([{ params: { locale: "en" }, props: { locale: "en" } }]);
  });

  it("joins each language's paths, Chinese first", async () => {
    const paths = await pathsForEachLocale(async (locale, param) => [
      { params: { locale: param, page: undefined }, props: { locale } },
      { params: { locale: param, page: "2" }, props: { locale } },
    ]);
    expect(paths.map((p) => [p.props.locale, p.params.locale, p.params.page])).toEqual([
      ["zh-CN", undefined, undefined],
      ["zh-CN", undefined, "2"],
      ["en", "en", undefined],
      ["en", "en", "2"],
    ]);
  });
});
