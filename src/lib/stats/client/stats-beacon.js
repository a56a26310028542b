// @ts-check
/**
 * Usage beacon, served only by `npm run serve -- --stats` at `<base>__stats/beacon.js` and
 * added to each page by that server (src/lib/serve/stats-routes.ts). The built site never
 * contains or loads it: on any other host nothing here runs and nothing is sent.
 *
 * It reports, with navigator.sendBeacon to the same server:
 * - searches the reader settled on (the search page searches as one types, so a search counts
 *   once nothing new was typed for SETTLE_MS, a result is opened or the page is left), with the
 *   number of results and whether a result was opened;
 * - kiosk idle resets (`union-kb:kiosk-reset` on document);
 * - levels of the quiz page finished (`union-kb:quiz-complete`; only the count, not the score).
 * Page views and handouts are counted by the server itself. Nothing identifies the reader.
 */
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !("sendBeacon" in navigator)) return;
  const endpoint = new URL("event", script.src).href;
  const SETTLE_MS = 2000;

  /** @param {Record<string, unknown>} event */
  const send = (event) => {
    try {
      navigator.sendBeacon(endpoint, JSON.stringify(event));
    } catch {
      // A refused beacon (too many queued, page closing) is not worth bothering the reader.
    }
  };

  /** @type {{ query: string; results: number } | undefined} */
  let pending;
  /** The last search reported, so an opened result can be added to it. */
  let reported = "";
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let eventsSeen = false;

  /** @param {boolean} opened */
  const settle = (opened) => {
    clearTimeout(timer);
    if (!pending) return false;
    send({ type: "search", query: pending.query, results: pending.results, opened });
    reported = pending.query;
    pending = undefined;
    return true;
  };

  /** @param {string} query @param {number} results */
  const searched = (query, results) => {
    const text = query.trim();
    if (!text) return;
    // The same search again: a filter changed, or both the event and the page told us.
    if (pending?.query === text) {
      pending.results = results;
      return;
    }
    if (!pending && reported === text) return;
    if (pending) settle(false);
    pending = { query: text, results };
    clearTimeout(timer);
    timer = setTimeout(() => settle(false), SETTLE_MS);
  };

  // The search page announces each finished search (detail: { query, results }).
  document.addEventListener("union-kb:search", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail ?? {};
    const results = Array.isArray(detail.results) ? detail.results.length : Number(detail.results);
    if (typeof detail.query !== "string" || !Number.isFinite(results)) return;
    eventsSeen = true;
    searched(detail.query, results);
  });

  // Until every search page sends that event: watch the search page's own state.
  const root = document.querySelector("[data-search-root]");
  if (root instanceof HTMLElement) {
    new MutationObserver(() => {
      if (eventsSeen || root.dataset.state !== "done") return;
      const list = root.querySelector("[data-search-results]");
      const shown = list ? list.querySelectorAll(":scope > li").length : 0;
      searched(root.dataset.query ?? "", shown);
    }).observe(root, { attributes: true, attributeFilter: ["data-state", "data-query"] });
  }

  /** @param {Event} event */
  const opened = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest("a[data-search-result], [data-search-results] a[href]");
    if (!link) return;
    if (!settle(true) && reported) send({ type: "open", query: reported });
  };
  document.addEventListener("click", opened, true);
  document.addEventListener("auxclick", opened, true);

  // A search typed but not yet reported when the reader leaves.
  addEventListener("pagehide", () => settle(false));

  document.addEventListener("union-kb:kiosk-reset", () => send({ type: "kiosk-reset" }));
  document.addEventListener("union-kb:quiz-complete", () => send({ type: "quiz-complete" }));
})();
