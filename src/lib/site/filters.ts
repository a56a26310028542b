/**
 * Filtering lists without a server: every value of every dimension gets its
 * own static page (e.g. /courses/filter/topic/vocational-training/), so the
 * filters are plain links that work with JavaScript switched off.
 */

/** The dimensions lists can be filtered by. */
export const DIMENSIONS = ["topic", "audience", "format", "kind", "campaign", "year"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Anything listed: the values it has in each dimension. */
export interface Filterable {
  facets: Partial<Record<Dimension, readonly string[]>>;
}

/** One value of a dimension and how many items have it. */
export interface FacetValue {
  dimension: Dimension;
  value: string;
  count: number;
}

/**
 * The values present in `items` for one dimension, with counts. Years run
 * newest first; other values follow `order` (e.g. topics.yaml), then A–Z.
 */
export function facetValues(
  items: readonly Filterable[],
  dimension: Dimension,
  order: readonly string[] = [],
): FacetValue[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const value of new Set(item.facets[dimension] ?? [])) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const rank = (value: string) => {
    const i = order.indexOf(value);
    return i === -1 ? order.length : i;
  };
  return [...counts]
    .map(([value, count]) => ({ dimension, value, count }))
    .sort((a, b) =>
      dimension === "year"
        ? Number(b.value) - Number(a.value)
        : rank(a.value) - rank(b.value) || a.value.localeCompare(b.value),
    );
}

/** Items having `value` in `dimension`. */
export function filterItems<T extends Filterable>(
  items: readonly T[],
  dimension: Dimension,
  value: string,
): T[] {
  return items.filter((item) => item.facets[dimension]?.includes(value));
}

/** Every (dimension, value) pair that needs a filter page, for getStaticPaths. */
export function filterPages(
  items: readonly Filterable[],
  dimensions: readonly Dimension[] = DIMENSIONS,
): { dimension: Dimension; value: string }[] {
  return dimensions.flatMap((dimension) =>
    facetValues(items, dimension).map(({ value }) => ({ dimension, value })),
  );
}
