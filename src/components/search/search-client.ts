import { interpolate } from "../../i18n/interpolate.ts";
import { PARTS_MANIFEST, type PartsManifest } from "../../lib/search/manifest.ts";
import { combineParts, queryWords, type SearchIndex } from "./index-parts.ts";
import {
  type FragmentLike,
  filterChoices,
  normalizeQuery,
  promoteNamed,
  type ShownResult,
  toShownResult,
} from "./results.ts";

/** UI strings the page hands to the script (from src/i18n). */
export interface SearchStrings {
  loading: string;
  unavailable: string;
  count: string;
  countFiltered: string;
  none: string;
  more: string;
  sections: string;
  clearFilters: string;
  filterLabels: Record<string, string>;
  /** Per filter: indexed value (either language) → label in the page's language. */
  filterSynonyms: Record<string, Record<string, string>>;
}

/** The slice of Pagefind's JS API (pagefind.js) used here. */
interface PagefindApi extends SearchIndex {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
}

/** Filters in the order they are offered; others Pagefind reports are ignored. */
const FILTER_KEYS = ["type", "topic", "audience", "status"] as const;
const PAGE_SIZE = 10;
/**
 * Options for both language indexes. Pagefind searches metadata too and
 * boosts a page whose `title` holds the query words (5×, its default);
 * `title_en`, the English title of a Chinese page (PageTitle.astro), gets the
 * same boost, so "labour law" finds the Labour Law before glossary terms that
 * merely mention labour.
 */
const PAGEFIND_OPTIONS = {
  excerptLength: 36,
  ranking: { metaWeights: { title: 5, title_en: 5 } },
};
/** How many top results are loaded to put exact names and named law articles first. */
const PROMOTE_WINDOW = 20;

/**
 * Wires up the search page. Pagefind's script and index load only once the
 * reader focuses or types in the box (or arrives with `?q=`), so a visit that
 * never searches costs nothing beyond this small file.
 */
export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("form[data-search-form]");
  const input = root.querySelector<HTMLInputElement>("input[name=q]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  const more = root.querySelector<HTMLButtonElement>("[data-search-more]");
  const filterBox = root.querySelector<HTMLElement>("[data-search-filters]");
  if (!form || !input || !status || !list || !more || !filterBox) return;
  const strings = JSON.parse(root.dataset.strings ?? "{}") as SearchStrings;
  const bundle = root.dataset.bundle ?? "/pagefind/";

  let api: Promise<SearchIndex> | undefined;
  let run = 0;
  let shown = 0;
  let current: { id: string; data: () => Promise<FragmentLike> }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = (): Promise<SearchIndex> => {
    api ??= (async () => {
      root.dataset.state = "loading";
      const languages = { own: root.dataset.lang ?? "", other: root.dataset.otherLang ?? "" };
      const baseUrl = root.dataset.base ?? "/";
      // A big site's index comes in parts (src/lib/search-index-parts.ts),
      // each a bundle of its own, searched together.
      const bundles = [bundle, ...(await indexParts(bundle))];
      const index = combineParts(
        await Promise.all(bundles.map((url) => openBundle(url, languages, baseUrl))),
        (query) => queryWords(query, document.documentElement.lang),
      );
      renderFilters(filterBox, await index.filters(), strings, () => void search());
      root.dataset.state = "ready";
      return index;
    })();
    api.catch(() => {
      root.dataset.state = "error";
      status.textContent = strings.unavailable;
    });
    return api;
  };

  const search = async () => {
    const query = input.value.trim();
    const filters = selectedFilters(filterBox);
    const mine = ++run;
    syncUrl(query);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      root.dataset.state = "ready";
      return;
    }
    root.dataset.state = "searching";
    const pagefind = await load();
    const response = await pagefind.search(query ? normalizeQuery(query) : null, { filters });
    if (mine !== run || !response) return;
    current = await promoteResults(response.results, query);
    if (mine !== run) return;
    shown = 0;
    list.replaceChildren();
    updateCounts(filterBox, response.filters);
    await showMore(query);
    if (mine !== run) return;
    const values = { count: current.length, query, total: response.unfilteredResultCount };
    status.textContent = interpolate(
      current.length === 0
        ? strings.none
        : Object.keys(filters).length
          ? strings.countFiltered
          : strings.count,
      values,
    );
    root.dataset.query = query;
    root.dataset.state = "done";
  };

  const showMore = async (query: string) => {
    const page = current.slice(shown, shown + PAGE_SIZE);
    const fragments = await Promise.all(page.map((result) => result.data()));
    const items = fragments.map((fragment) =>
      renderResult(toShownResult(fragment, query), strings),
    );
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= current.length;
    return items[0];
  };

  input.addEventListener("focus", () => void load(), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  more.addEventListener("click", async () => {
    const first = await showMore(input.value.trim());
    // Keyboard users land on the first new result rather than at the top of the list.
    first?.querySelector("a")?.focus();
  });
  more.textContent = strings.more;

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    void search();
  }
}

type Result = { id: string; data: () => Promise<FragmentLike> };

/**
 * Loads the first PROMOTE_WINDOW results and reorders them with
 * promoteNamed(); each result's data is fetched once and reused for display.
 */
async function promoteResults(results: readonly Result[], query: string): Promise<Result[]> {
  const cached = results.map((result) => {
    let data: Promise<FragmentLike> | undefined;
    return { id: result.id, data: () => (data ??= result.data()) };
  });
  const head = cached.slice(0, PROMOTE_WINDOW);
  const fragments = await Promise.all(head.map((result) => result.data()));
  const byFragment = new Map(fragments.map((fragment, i) => [fragment, head[i] as Result]));
  const promoted = promoteNamed(fragments, query).map(
    (fragment) => byFragment.get(fragment) as Result,
  );
  return [...promoted, ...cached.slice(PROMOTE_WINDOW)];
}

/**
 * Loads one Pagefind bundle with its own copy of Pagefind's script. Pagefind
 * keeps one index per page language and searches the one of <html lang>.
 * Chinese pages are most of the content, but some lessons and cases are
 * written in English (lang="en" pages), so the other language's index is
 * merged in: both search pages find everything. The absolute URL keeps
 * Pagefind from skipping it as "the same bundle". A bundle without the page's
 * language falls back to its other one by itself.
 */
async function openBundle(
  url: string,
  languages: { own: string; other: string },
  baseUrl: string,
): Promise<PagefindApi> {
  const module = (await import(/* @vite-ignore */ `${url}pagefind.js`)) as PagefindApi;
  await module.options({ ...PAGEFIND_OPTIONS, baseUrl });
  await module.init();
  const has = await bundleLanguages(url);
  if (has.has(languages.own) && has.has(languages.other))
    await module.mergeIndex(new URL(url, location.href).href, {
      ...PAGEFIND_OPTIONS,
      language: languages.other,
      baseUrl,
    });
  return module;
}

/** The languages a bundle has an index for. */
async function bundleLanguages(bundle: string): Promise<Set<string>> {
  const response = await fetch(`${bundle}pagefind-entry.json`);
  const entry = (await response.json()) as { languages?: Record<string, unknown> };
  return new Set(Object.keys(entry.languages ?? {}));
}

/** The other parts of the index, from the main bundle's list (none if it is absent). */
async function indexParts(bundle: string): Promise<string[]> {
  const response = await fetch(`${bundle}${PARTS_MANIFEST}`);
  if (!response.ok) return [];
  const manifest = (await response.json()) as Partial<PartsManifest>;
  return (manifest.parts ?? []).map((folder) => `${bundle}${folder}`);
}

function syncUrl(query: string): void {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(history.state, "", url);
}

function selectedFilters(box: HTMLElement): Record<string, { any: string[] }> {
  const selected: Record<string, { any: string[] }> = {};
  for (const checkbox of box.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")) {
    const values = selected[checkbox.name] ?? { any: [] };
    values.any.push(...(JSON.parse(checkbox.dataset.values ?? "[]") as string[]));
    selected[checkbox.name] = values;
  }
  return selected;
}

function renderFilters(
  box: HTMLElement,
  filters: Record<string, Record<string, number>>,
  strings: SearchStrings,
  onChange: () => void,
): void {
  const groups = FILTER_KEYS.filter((key) => Object.keys(filters[key] ?? {}).length > 0).map(
    (key) => {
      const fieldset = element("fieldset", "mb-4");
      const legend = element("legend", "font-bold");
      legend.textContent = strings.filterLabels[key] ?? key;
      fieldset.append(legend);
      for (const choice of filterChoices(filters[key] ?? {}, strings.filterSynonyms[key])) {
        const value = choice.label;
        const label = element("label", "flex items-center gap-2 py-1");
        const checkbox = element("input", "size-5 accent-brand-700");
        checkbox.type = "checkbox";
        checkbox.name = key;
        checkbox.value = value;
        checkbox.dataset.values = JSON.stringify(choice.values);
        checkbox.addEventListener("change", onChange);
        const text = element("span", "");
        const count = element("span", "text-sm text-stone-700 dark:text-stone-300");
        count.dataset.count = "";
        text.append(...inPageLanguage(value), " ", count);
        label.append(checkbox, text);
        fieldset.append(label);
      }
      return fieldset;
    },
  );
  if (groups.length === 0) return;
  const clear = element("button", "mt-2 underline underline-offset-4");
  clear.type = "button";
  clear.textContent = strings.clearFilters;
  clear.addEventListener("click", () => {
    for (const checkbox of box.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
      checkbox.checked = false;
    onChange();
  });
  box.replaceChildren(...groups, clear);
  box.hidden = false;
}

function updateCounts(box: HTMLElement, counts: Record<string, Record<string, number>>): void {
  for (const checkbox of box.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
    const count = checkbox.parentElement?.querySelector<HTMLElement>("[data-count]");
    const values = JSON.parse(checkbox.dataset.values ?? "[]") as string[];
    const total = values.reduce((sum, value) => sum + (counts[checkbox.name]?.[value] ?? 0), 0);
    if (count) count.textContent = `(${total})`;
  }
}

function renderResult(result: ShownResult, strings: SearchStrings): HTMLLIElement {
  const item = element("li", "border-b border-stone-200 py-4 dark:border-stone-800");
  const kind = [result.type, result.course].filter(Boolean).join(" · ");
  if (kind) {
    const line = element("p", "text-sm text-stone-700 dark:text-stone-300");
    line.append(...inPageLanguage(kind));
    item.append(line);
  }
  const heading = element("h2", "text-lg font-bold");
  const link = element("a", "text-brand-700 underline underline-offset-4 dark:text-brand-50");
  link.href = result.url;
  link.dataset.result = "";
  link.append(...inPageLanguage(result.title));
  heading.append(link);
  const excerpt = element("p", "mt-1");
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(heading, excerpt);
  if (result.sections.length) {
    const sections = element(
      "ul",
      "mt-2 space-y-2 border-l-4 border-stone-200 pl-4 dark:border-stone-700",
    );
    sections.setAttribute("aria-label", `${strings.sections}: ${result.title}`);
    for (const section of result.sections) {
      const li = element("li", "");
      const a = element(
        "a",
        "font-bold text-brand-700 underline underline-offset-4 dark:text-brand-50",
      );
      a.href = section.url;
      a.dataset.section = "";
      a.append(...inPageLanguage(section.title));
      const p = element("p", "text-sm");
      p.append(...excerptNodes(section.excerpt));
      li.append(a, p);
      sections.append(li);
    }
    item.append(sections);
  }
  return item;
}

/**
 * Pagefind excerpts are HTML with `<mark>` around matches. Only text and
 * `<mark>` are carried over, so page text can never inject markup.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = element("mark", "bg-yellow-200 text-stone-950");
      mark.append(...inPageLanguage(node.textContent ?? ""));
      nodes.push(mark);
    } else nodes.push(...inPageLanguage(node.textContent ?? ""));
  }
  return nodes;
}

/**
 * Index text can be in the page's other language (English titles on Chinese pages, Chinese
 * names on English pages). Such runs get their own `lang`, so screen readers switch voice
 * (WCAG 3.1.2, checked by tests/e2e/structure.test.ts).
 */
function inPageLanguage(text: string): Node[] {
  const zhPage = document.documentElement.lang.startsWith("zh");
  const other = zhPage
    ? /[A-Za-z][A-Za-z'’-]*(?:[\s,.:;]+[A-Za-z][A-Za-z'’-]*)+/g
    : /\p{Script=Han}(?:[\p{Script=Han}\p{P}\s\d]*\p{Script=Han})?/gu;
  const nodes: Node[] = [];
  let at = 0;
  for (const match of text.matchAll(other)) {
    if (match.index > at) nodes.push(document.createTextNode(text.slice(at, match.index)));
    const span = document.createElement("span");
    span.lang = zhPage ? "en" : "zh-CN";
    span.textContent = match[0];
    nodes.push(span);
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
