/**
 * Decides in the reader's browser, by its clock, which events are past: the
 * pages list every event by date and are built without a clock, so they stay
 * right for weeks without a rebuild. A small enhancement: without JavaScript
 * every event stays listed by date.
 *
 * Marked-up hooks (all written by the components in this folder):
 * - `[data-event-end]` (ms): past ones get `data-past` and a badge, running ones `data-now`;
 * - `[data-events-list]`: past items move to `[data-events-past]`, most recent first;
 * - `td[data-date]` of the month grid: today's gets aria-current="date";
 * - `[data-events-week]` (kiosk home, kiosk mode only): this week's occurrences (Monday to
 *   Sunday, Beijing time) from the JSON file its `data-src` names;
 * - `[data-next-class]`: only the next occurrence stays.
 */

const ZONE = "Asia/Shanghai";
const DAY = 86_400_000;

/** Today's date in Beijing, YYYY-MM-DD (en-CA writes dates that way). */
function todayIn(zone: string, now: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

function endOf(el: HTMLElement): number {
  return Number(el.dataset.eventEnd);
}

function startOf(el: HTMLElement): number {
  return Number(el.dataset.eventStart);
}

function markItems(root: ParentNode, now: number): void {
  for (const item of root.querySelectorAll<HTMLElement>("[data-event-end]")) {
    const past = endOf(item) <= now;
    const running = !past && startOf(item) <= now;
    item.toggleAttribute("data-past", past);
    item.toggleAttribute("data-now", running);
    const badge = item.querySelector<HTMLElement>("[data-event-badge]");
    if (badge) {
      badge.textContent = past
        ? (badge.dataset.pastLabel ?? "")
        : running
          ? (badge.dataset.nowLabel ?? "")
          : "";
      badge.hidden = !past && !running;
      badge.dataset.state = past ? "past" : running ? "now" : "";
    }
  }
}

/** Moves past items of the events list into the past section, newest month first. */
function splitList(list: HTMLElement, past: HTMLElement, now: number): void {
  const pastMonths: HTMLElement[] = [];
  for (const month of list.querySelectorAll<HTMLElement>("[data-events-month]")) {
    const items = [...month.querySelectorAll<HTMLElement>("[data-event-end]")].filter(
      (i) => endOf(i) <= now,
    );
    if (!items.length) continue;
    const copy = month.cloneNode(false) as HTMLElement;
    const heading = month.querySelector("h3");
    if (heading) copy.append(heading.cloneNode(true));
    const ul = document.createElement("ul");
    ul.className = month.querySelector("ul")?.className ?? "";
    for (const item of items.reverse()) ul.append(item);
    copy.append(ul);
    pastMonths.unshift(copy);
    if (!month.querySelector("[data-event-end]")) month.remove();
  }
  past.querySelector("[data-events-past-months]")?.append(...pastMonths);
  past.hidden = pastMonths.length === 0;
  const heading = list.querySelector<HTMLElement>("[data-events-heading]");
  if (heading?.dataset.upcomingLabel) heading.textContent = heading.dataset.upcomingLabel;
  const empty = list.querySelector<HTMLElement>("[data-events-empty]");
  if (empty) empty.hidden = list.querySelector("[data-event-end]") !== null;
}

/** One entry of events/occurrences.json (src/data/events.ts, OccurrenceItem). */
interface OccurrenceItem {
  title: string;
  lang: string;
  href: string;
  when: string;
  start: number;
  end: number;
}

/** Lists this week's occurrences that are not over (Monday 00:00 to Monday 00:00, Beijing time). */
async function thisWeek(box: HTMLElement, now: number): Promise<void> {
  const today = todayIn(ZONE, now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const weekStart = Date.parse(`${today}T00:00:00+08:00`) - weekday * DAY;
  const weekEnd = weekStart + 7 * DAY;
  let items: OccurrenceItem[] = [];
  try {
    const response = await fetch(box.dataset.src ?? "");
    if (response.ok) items = (await response.json()) as OccurrenceItem[];
  } catch {
    // Offline or a missing file: the note below says there is nothing this week.
  }
  const list = box.querySelector("ul");
  const pageLang = document.documentElement.lang;
  for (const item of items.filter((i) => i.start < weekEnd && i.end > weekStart && i.end > now)) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.href;
    link.textContent = item.title;
    if (item.lang !== pageLang) link.lang = item.lang;
    const when = document.createElement("span");
    when.textContent = item.when;
    li.append(link, when);
    list?.append(li);
  }
  const empty = box.querySelector<HTMLElement>("[data-events-empty]");
  if (empty) empty.hidden = (list?.children.length ?? 0) > 0;
}

/** Keeps only the next occurrence of a class (a handout printed today shows the next meeting). */
function nextOnly(box: HTMLElement, now: number): void {
  let found = false;
  for (const item of box.querySelectorAll<HTMLElement>("[data-event-end]")) {
    const keep = !found && endOf(item) > now;
    item.hidden = !keep;
    if (keep) found = true;
  }
  const empty = box.querySelector<HTMLElement>("[data-events-empty]");
  if (empty) empty.hidden = found;
}

async function run(): Promise<void> {
  const now = Date.now();
  const list = document.querySelector<HTMLElement>("[data-events-list]");
  const past = document.querySelector<HTMLElement>("[data-events-past]");
  if (list && past) splitList(list, past, now);
  // The week's list is for the kiosk only: ordinary readers never download the file.
  if (document.documentElement.dataset.kiosk === "on") {
    for (const box of document.querySelectorAll<HTMLElement>("[data-events-week]")) {
      await thisWeek(box, now);
    }
  }
  for (const box of document.querySelectorAll<HTMLElement>("[data-next-class]")) nextOnly(box, now);
  markItems(document, now);
  const today = todayIn(ZONE, now);
  for (const cell of document.querySelectorAll<HTMLElement>("td[data-date]")) {
    if (cell.dataset.date === today) cell.setAttribute("aria-current", "date");
    else cell.removeAttribute("aria-current");
  }
  // Tells tests (and curious readers) that the page now reflects this clock.
  document.documentElement.dataset.eventsClock = today;
}

void run();
