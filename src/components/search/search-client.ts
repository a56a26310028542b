import { interpolate } from "../../i18n/interpolate.ts";
import {
  PARTS_MANIFEST,
  type PartsManifest,
  TRADITIONAL_FILE,
  VOCABULARY_FILE,
} from "../../lib/search/manifest.ts";
import type { VocabularyEntry } from "../../lib/search/vocabulary.ts";
import { contentWords, mostWords } from "./fallback.ts";
import { combineParts, type PagefindResult, queryWords, type SearchIndex } from "./index-parts.ts";
import {
  correctTypo,
  hasTraditional,
  namedUrls,
  suggestionsFor,
  toSimplified,
  type Vocabulary,
  withLawName,
} from "./names.ts";
import {
  articleNumberOf,
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
  fallback: string;
  corrected: string;
  converted: string;
  suggestions: string;
  chineseOnly: string;
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
  ranking: { metaWeights: { title: 5, title_en: 5, aliases: 10 } },
};
/** How many top results are loaded to put exact names and named law articles first. */
const PROMOTE_WINDOW = 20;
/** How far down the results an entry named outright is looked for. */
const NAMED_REACH = 200;

/**
 * Wires up the search page. Pagefind's script and index load only once the
 * reader focuses or types in the box (or arrives with `?q=`), so a visit that
 * never searches costs nothing beyond this small file.
 */
export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("form[data-search-form]");
  const input = root.querySelector<HTMLInputElement>("input[name=q]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const notes = root.querySelector<HTMLElement>("[data-search-notes]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  const more = root.querySelector<HTMLButtonElement>("[data-search-more]");
  const filterBox = root.querySelector<HTMLElement>("[data-search-filters]");
  const filterToggle = root.querySelector<HTMLDetailsElement>("[data-search-filter-toggle]");
  if (!form || !input || !status || !notes || !list || !more || !filterBox || !filterToggle) return;
  const strings = JSON.parse(root.dataset.strings ?? "{}") as SearchStrings;
  const bundle = root.dataset.bundle ?? "/pagefind/";
  const zhPage = document.documentElement.lang.startsWith("zh");

  let api: Promise<SearchIndex> | undefined;
  let names: Promise<Vocabulary> | undefined;
  let traditional: Promise<string> | undefined;
  let run = 0;
  let shown = 0;
  let current: Result[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Bundles opened, each once; one that failed is opened again at the next try. */
  const opened = new Map<string, Promise<SearchIndex>>();
  const open = (url: string, opening: () => Promise<SearchIndex>) => {
    let bundleIndex = opened.get(url);
    if (!bundleIndex) {
      bundleIndex = opening();
      opened.set(url, bundleIndex);
      bundleIndex.catch(() => opened.delete(url));
    }
    return bundleIndex;
  };

  const load = (): Promise<SearchIndex> => {
    names ??= fetchJson<Vocabulary>(`${bundle}${VOCABULARY_FILE}`, {
      entries: [],
      traditional: "",
    });
    api ??= (async () => {
      root.dataset.state = "loading";
      const languages = { own: root.dataset.lang ?? "", other: root.dataset.otherLang ?? "" };
      const baseUrl = root.dataset.base ?? "/";
      // A big site's index comes in parts (src/lib/search/parts.ts),
      // each a bundle of its own, searched together.
      const bundles = [bundle, ...(await indexParts(bundle))];
      const index = combineParts(
        await Promise.all(
          bundles.map((url) => open(url, () => openBundle(url, languages, baseUrl))),
        ),
        (query) => queryWords(query, document.documentElement.lang),
      );
      renderFilters(filterBox, await index.filters(), strings, () => void search());
      // Filters sit beside the results on a wide screen; on a phone they stay
      // folded under their toggle, so the first result is on the first screen.
      filterToggle.hidden = filterBox.childElementCount === 0;
      filterToggle.open = matchMedia("(min-width: 48rem)").matches;
      root.dataset.state = "ready";
      return index;
    })();
    api.catch(() => {
      // Tried again at the next search: one failed request (a part's file,
      // a busy server) does not leave the page without search for the visit.
      api = undefined;
      root.dataset.state = "error";
      status.textContent = strings.unavailable;
    });
    return api;
  };

  /**
   * What to look for: full-width and article forms normalised, traditional
   * characters converted (the table is fetched only for a query that has
   * one), a law's short name read in an article query.
   */
  const understand = async (typed: string, vocabulary: Vocabulary) => {
    let query = typed.normalize("NFKC");
    let converted: string | undefined;
    if (hasTraditional(query, vocabulary)) {
      traditional ??= fetchJson<string>(`${bundle}${TRADITIONAL_FILE}`, "");
      converted = toSimplified(query, await traditional);
      query = converted;
    }
    query = normalizeQuery(query);
    if (articleNumberOf(query) !== undefined) query = withLawName(query, vocabulary.entries);
    return { query, converted };
  };

  /**
   * Searches for what the box holds. Only the latest search writes to the
   * page; one that fails (the index, a part or a result could not be
   * loaded) says so and ends in state "error" rather than leaving the page
   * searching for ever.
   */
  const search = async () => {
    const typed = input.value.trim();
    const mine = ++run;
    try {
      await runSearch(typed, mine);
    } catch {
      if (mine !== run) return;
      status.textContent = strings.unavailable;
      root.dataset.query = typed;
      root.dataset.state = "error";
    }
  };

  const runSearch = async (typed: string, mine: number) => {
    const filters = selectedFilters(filterBox);
    syncUrl(typed);
    if (!typed && Object.keys(filters).length === 0) {
      list.replaceChildren();
      notes.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      root.dataset.state = "ready";
      return;
    }
    root.dataset.state = "searching";
    const pagefind = await load();
    const vocabulary = await (names as Promise<Vocabulary>);
    let { query, converted } = await understand(typed, vocabulary);
    const messages: string[] = [];
    if (converted && converted !== typed)
      messages.push(interpolate(strings.converted, { converted }));
    const response = await pagefind.search(query || null, { filters });
    if (mine !== run || !response) return;
    let results = response.results;
    // A one-character slip (公会经费): Pagefind leaves out a word its index
    // lacks, so the slip shows as results without the typed word in them.
    const corrected = query ? correctTypo(query, vocabulary.entries) : undefined;
    if (corrected && !(await mentions(results.slice(0, 5), query))) {
      const again = await pagefind.search(corrected, { filters });
      if (again?.results.length) {
        messages.push(interpolate(strings.corrected, { query: typed, corrected }));
        results = again.results;
        query = corrected;
      }
    }
    // A whole sentence: pages with most of its words, when few have all.
    // They are ranked together with those few, by the words' weight alone:
    // a long page that has every word, filler included, is not by that alone
    // a better answer than a short one about the subject.
    const words = contentWords(queryWords(query, document.documentElement.lang));
    if (query && results.length < 3 && words.length >= 2) {
      const most = await mostWords(pagefind, words, { filters });
      if (most.length && results.length === 0)
        messages.push(interpolate(strings.fallback, { words: words.join(zhPage ? "、" : ", ") }));
      const seen = new Set(most.map((result) => result.id));
      results = [...most, ...results.filter((result) => !seen.has(result.id))];
    }
    current = await promoteResults(results, query, namedUrls(typed, vocabulary.entries));
    if (mine !== run) return;
    shown = 0;
    list.replaceChildren();
    updateCounts(filterBox, response.filters);
    await showMore(query, mine);
    if (mine !== run) return;
    const values = { count: current.length, query: typed, total: response.unfilteredResultCount };
    status.textContent = interpolate(
      current.length === 0
        ? strings.none
        : Object.keys(filters).length
          ? strings.countFiltered
          : strings.count,
      values,
    );
    notes.replaceChildren(
      ...messages.map((message) => paragraph(message)),
      ...(current.length === 0
        ? [suggestionLine(suggestionsFor(typed, vocabulary.entries), strings, zhPage)]
        : []),
    );
    root.dataset.query = typed;
    root.dataset.state = "done";
    // For listeners such as a usage counter: what was searched and how much was found.
    document.dispatchEvent(
      new CustomEvent("union-kb:search", { detail: { query: typed, results: current.length } }),
    );
  };

  /** Shows the next page of results, unless a later search has begun meanwhile. */
  const showMore = async (query: string, mine: number) => {
    const page = current.slice(shown, shown + PAGE_SIZE);
    const fragments = await Promise.all(page.map((result) => result.data()));
    if (mine !== run) return undefined;
    const items = fragments.map((fragment, i) =>
      renderResult(toShownResult(fragment, query), strings, shown + i + 1),
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
    const first = await showMore(input.value.trim(), run).catch(() => undefined);
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

/** Whether any of the first results has `query`'s words as typed (the loaded text). */
async function mentions(results: readonly PagefindResult[], query: string): Promise<boolean> {
  const fragments = await Promise.all(results.map((result) => result.data()));
  const parts = query.split(" ").filter(Boolean);
  return fragments.some((fragment) =>
    parts.every((part) => `${fragment.meta.title ?? ""} ${fragment.content ?? ""}`.includes(part)),
  );
}

async function fetchJson<T>(url: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = element("p", "");
  p.append(...inPageLanguage(text));
  return p;
}

/** "可以试试：职业技能竞赛、劳动竞赛" — names close to the query, as links. */
function suggestionLine(
  entries: readonly VocabularyEntry[],
  strings: SearchStrings,
  zhPage: boolean,
): HTMLParagraphElement {
  const line = paragraph(entries.length ? strings.suggestions : "");
  for (const [i, entry] of entries.entries()) {
    if (i > 0) line.append(zhPage ? "、" : ", ");
    const link = element("a", "underline underline-offset-4");
    link.href = zhPage ? entry.url : entry.urlEn;
    link.append(...inPageLanguage(zhPage ? entry.label : entry.labelEn));
    line.append(link);
  }
  return line;
}

type Result = PagefindResult;

/**
 * Loads the first PROMOTE_WINDOW results and reorders them with
 * promoteNamed(); each result's data is fetched once and reused for display.
 * An entry the query names outright (`named`) is looked for further down,
 * up to NAMED_REACH results, so that it comes first however Pagefind (or a
 * part of a split index) scored it.
 */
async function promoteResults(
  results: readonly Result[],
  query: string,
  named: ReadonlySet<string>,
): Promise<Result[]> {
  const cached = results.map((result) => {
    let data: Promise<FragmentLike> | undefined;
    return { ...result, data: () => (data ??= result.data()) };
  });
  let reach = Math.min(PROMOTE_WINDOW, cached.length);
  const loaded = await Promise.all(cached.slice(0, reach).map((result) => result.data()));
  const hasNamed = () => loaded.some((fragment) => named.has(fragment.url));
  while (named.size > 0 && !hasNamed() && reach < Math.min(cached.length, NAMED_REACH)) {
    const next = cached.slice(reach, reach + PROMOTE_WINDOW);
    loaded.push(...(await Promise.all(next.map((result) => result.data()))));
    reach += next.length;
  }
  // A page can come twice: as itself and as a record of its other-language names.
  const kept = loaded.flatMap((fragment, i) =>
    loaded.findIndex((f) => f.url === fragment.url) === i ? [i] : [],
  );
  const byFragment = new Map(kept.map((i) => [loaded[i] as FragmentLike, cached[i] as Result]));
  const promoted = promoteNamed(
    kept.map((i) => loaded[i] as FragmentLike),
    query,
    named,
  ).map((fragment) => byFragment.get(fragment) as Result);
  return [...promoted, ...cached.slice(reach)];
}

/**
 * Loads one Pagefind bundle with its own copy of Pagefind's script. Pagefind
 * keeps one index per page language and searches the one of <html lang>.
 * Chinese pages are most of the content, but some lessons and cases are
 * written in English (lang="en" pages), so the other language's index is
 * merged in: both search pages find everything. The absolute URL keeps
 * Pagefind from skipping it as "the same bundle". A bundle without the page's
 * language falls back to its other one by itself. The bundle's size (pages in
 * the indexes searched) lets combineParts weigh words over all parts.
 */
async function openBundle(
  url: string,
  languages: { own: string; other: string },
  baseUrl: string,
): Promise<SearchIndex> {
  const module = (await import(/* @vite-ignore */ `${url}pagefind.js`)) as PagefindApi;
  await module.options({ ...PAGEFIND_OPTIONS, baseUrl });
  await module.init();
  const counts = await bundleLanguages(url);
  const own = counts.get(languages.own);
  const other = counts.get(languages.other);
  if (own !== undefined && other !== undefined)
    await module.mergeIndex(new URL(url, location.href).href, {
      ...PAGEFIND_OPTIONS,
      language: languages.other,
      baseUrl,
    });
  return {
    filters: () => module.filters(),
    search: (query, options) => module.search(query, options),
    pages:
      own !== undefined && other !== undefined
        ? own + other
        : (own ?? Math.max(0, ...counts.values())),
  };
}

/** The languages a bundle has an index for, with the pages each holds. */
async function bundleLanguages(bundle: string): Promise<Map<string, number>> {
  const response = await fetch(`${bundle}pagefind-entry.json`);
  const entry = (await response.json()) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return new Map(
    Object.entries(entry.languages ?? {}).map(([language, index]) => [
      language,
      index.page_count ?? 0,
    ]),
  );
}

/** The other parts of the index, from the main bundle's list (none if it is absent). */
async function indexParts(bundle: string): Promise<string[]> {
  const response = await fetch(`${bundle}${PARTS_MANIFEST}`);
  if (!response.ok) return [];
  const manifest = (await response.json()) as Partial<PartsManifest>;
  return (manifest.parts ?? []).map((folder) => `${bundle}${folder}`);
}

/** Keeps the address and the header's search box in step with the query. */
function syncUrl(query: string): void {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(history.state, "", url);
  const header = document.querySelector<HTMLInputElement>("#header-search");
  if (header) header.value = query;
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
  // A filter with one value would narrow nothing, so it is not offered.
  const groups = FILTER_KEYS.filter(
    (key) => filterChoices(filters[key] ?? {}, strings.filterSynonyms[key]).length > 1,
  ).map((key) => {
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
  });
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

function renderResult(result: ShownResult, strings: SearchStrings, rank: number): HTMLLIElement {
  const item = element("li", "border-b border-stone-200 py-4 dark:border-stone-800");
  // On /en/, a page that exists only in Chinese says so before it is opened.
  const chineseOnly = result.lang === "zh-CN" && !document.documentElement.lang.startsWith("zh");
  // The type as the page's language names it (a Chinese page's meta says 政策法规).
  const type = result.type && (strings.filterSynonyms.type?.[result.type] ?? result.type);
  const kind = [type, result.course, chineseOnly ? strings.chineseOnly : ""]
    .filter(Boolean)
    .join(" · ");
  if (kind) {
    const line = element("p", "text-sm text-stone-700 dark:text-stone-300");
    line.append(...inPageLanguage(kind));
    item.append(line);
  }
  const heading = element("h2", "text-lg font-bold");
  const link = element("a", "text-brand-700 underline underline-offset-4 dark:text-brand-50");
  link.href = result.url;
  link.dataset.result = "";
  // The result's rank, for listeners that count which results are opened.
  link.dataset.searchResult = String(rank);
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
