/**
 * `compute` remembered per key for the life of the process: what many pages
 * of one build ask for again (a print view's QR code, a body's citations).
 * Once `max` keys are kept everything is forgotten, so a long `npm run dev`
 * does not grow without end; a promise that fails is not kept, so the next
 * caller tries again and hears of the failure.
 */
export function keptPerKey<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    if (kept.size >= max) kept.clear();
    const value = compute(key);
    kept.set(key, value);
    if (value instanceof Promise) value.catch(() => kept.delete(key));
    return value;
  };
}
