import { describe, expect, it } from "vitest";
import {
  groupStarts,
  PAGE_SIZE,
  pageCount,
  pagePath,
  pagerItems,
  runsOf,
} from "../../src/lib/site/pagination.ts";

describe("page paths and counts", () => {
  it("keeps the list's URL for page 1 and adds the number after it", () => {
    expect(pagePath("/cases/", 1)).toBe("/cases/");
    expect(pagePath("/cases/", 2)).toBe("/cases/2/");
    expect(pagePath("/en/topics/vocational-training/", 12)).toBe(
      "/en/topics/vocational-training/12/",
    );
    expect(pagePath("/courses/filter/topic/x/", 0)).toBe("/courses/filter/topic/x/");
  });

  it("counts pages like Astro's paginate(): at least one, rounding up", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(1)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
    expect(pageCount(70, 30)).toBe(3);
  });
});

describe("pager numbers", () => {
  it("lists every page of a short list", () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(1, 3)).toEqual([1, 2, 3]);
    expect(pagerItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows first, last and the neighbours of the current page, with gaps", () => {
    expect(pagerItems(1, 10)).toEqual([1, 2, "gap", 10]);
    expect(pagerItems(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pagerItems(10, 10)).toEqual([1, "gap", 9, 10]);
    expect(pagerItems(5, 10, 2)).toEqual([1, 2, 3, 4, 5, 6, 7, "gap", 10]);
  });

  it("never hides a single page behind a gap", () => {
    expect(pagerItems(4, 10)).toEqual([1, 2, 3, 4, 5, "gap", 10]);
    expect(pagerItems(7, 10)).toEqual([1, "gap", 6, 7, 8, 9, 10]);
    expect(pagerItems(1, 4)).toEqual([1, 2, 3, 4]);
  });

  it("stays bounded however many pages there are", () => {
    for (const last of [1, 2, 7, 50, 1000]) {
      for (const current of [1, 2, Math.ceil(last / 2), last - 1, last]) {
        if (current < 1 || current > last) continue;
        const items = pagerItems(current, last);
        expect(items.length).toBeLessThanOrEqual(7);
        expect(items).toContain(current);
        expect(items[0]).toBe(1);
        expect(items.at(-1)).toBe(last);
        const numbers = items.filter((i) => i !== "gap");
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }
    }
  });
});

describe("groups of a paginated list", () => {
  const kinds = [
    ...Array<string>(12).fill("course"),
    ...Array<string>(45).fill("lesson"),
    ...Array<string>(3).fill("term"),
  ];

  it("splits a page into runs of the same kind", () => {
    expect(runsOf(["a", "a", "b", "a"], (x) => x)).toEqual([
      { key: "a", items: ["a", "a"] },
      { key: "b", items: ["b"] },
      { key: "a", items: ["a"] },
    ]);
    expect(runsOf([], (x) => x)).toEqual([]);
  });

  it("finds the page each group starts on and its size", () => {
    expect(groupStarts(kinds, (k) => k, 30)).toEqual([
      { key: "course", count: 12, page: 1 },
      { key: "lesson", count: 45, page: 1 },
      { key: "term", count: 3, page: 2 },
    ]);
    expect(groupStarts(kinds, (k) => k, 10)).toEqual([
      { key: "course", count: 12, page: 1 },
      { key: "lesson", count: 45, page: 2 },
      { key: "term", count: 3, page: 6 },
    ]);
  });
});
