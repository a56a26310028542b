/**
 * Long lists (courses, policies, cases, their filter pages, topic pages) are
 * split into pages of PAGE_SIZE items so that no page grows with the size of
 * the knowledge base. Page 1 keeps the list's own URL (`/cases/`); later pages
 * add the number (`/cases/2/`), so links to a list never change.
 */

/** Items per page. 30 entries of a list are about 10 KB of HTML. */
export const PAGE_SIZE = 30;

/** Path of page `page` of the list whose first page is `first` (a path ending in `/`). */
export function pagePath(first: string, page: number): string {
  return page <= 1 ? first : `${first}${page}/`;
}

/** How many pages `total` items take (at least one, so an empty list still has its page). */
export function pageCount(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** An entry of a pager: a page number, or a gap standing for the numbers left out. */
export type PagerItem = number | "gap";

/**
 * The page numbers a pager shows: the first and last page, the current one
 * and `radius` pages either side; left-out runs become one "gap". A gap
 * never hides a single number (1 … 3 is shown as 1 2 3). At most
 * 2 × radius + 5 entries, however many pages there are.
 */
export function pagerItems(current: number, last: number, radius = 1): PagerItem[] {
  const shown = new Set([1, last]);
  for (let page = current - radius; page <= current + radius; page++) {
    if (page >= 1 && page <= last) shown.add(page);
  }
  // Fill a gap of exactly one page with the page itself.
  for (const page of [2, last - 1, current - radius - 1, current + radius + 1]) {
    if (page > 1 && page < last && shown.has(page - 1) && shown.has(page + 1)) shown.add(page);
  }
  const items: PagerItem[] = [];
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous > 1) items.push("gap");
    items.push(page);
    previous = page;
  }
  return items;
}

/** A run of neighbouring items with the same key. */
export interface Run<T, K> {
  key: K;
  items: T[];
}

/** Splits `items` into runs of neighbouring items with the same key (e.g. one page into kinds). */
export function runsOf<T, K>(items: readonly T[], keyOf: (item: T) => K): Run<T, K>[] {
  const runs: Run<T, K>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs.at(-1);
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}

/** Where a group of a paginated list starts: on which page, and how many items it has. */
export interface GroupStart<K> {
  key: K;
  count: number;
  page: number;
}

/**
 * For a list sorted by group (e.g. courses, then lessons, then policies), the
 * page each group starts on and its size, in list order, so page 1 can link
 * to every group however many pages come before it.
 */
export function groupStarts<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  pageSize: number = PAGE_SIZE,
): GroupStart<K>[] {
  let index = 0;
  return runsOf(items, keyOf).map(({ key, items: run }) => {
    const page = Math.floor(index / pageSize) + 1;
    index += run.length;
    return { key, count: run.length, page };
  });
}
