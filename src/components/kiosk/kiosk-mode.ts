/**
 * Kiosk behaviour for a shared touch-screen PC. Loaded (as its own small chunk) only
 * when kiosk mode is on, so ordinary readers download none of it.
 */

import { interpolate } from "../../i18n/interpolate.ts";
import { forgetQuizScores } from "../quiz/quiz-logic.ts";

/** Seconds of warning before the idle return; WCAG 2.2.1 asks for 20 where possible. */
const WARNING_SECONDS = 20;
const ACTIVITY = ["pointerdown", "keydown", "wheel", "touchstart", "scroll", "input"];

/** Whether a link leaves this site (other host, mailto:, tel:…). */
function isExternal(link: HTMLAnchorElement): boolean {
  return link.origin !== location.origin;
}

/**
 * Whether a link of this site leads somewhere without the kiosk bar and the idle
 * return: a file that is not a web page (RSS feed, PDF, .ics, .json…), a download,
 * or a handout print view (`printPrefix`).
 */
function isDeadEnd(link: HTMLAnchorElement, printPrefix: string): boolean {
  return (
    link.hasAttribute("download") ||
    /\.(?!html?$)[a-z0-9]+$/i.test(link.pathname) ||
    link.pathname.startsWith(printPrefix)
  );
}

/**
 * Kiosk visitors cannot use other websites, so external links stop navigating and
 * show their address instead, for the visitor to open on a phone. Links to this
 * site's files and print views stop too (components hide the known ones with
 * `data-kiosk-hide`; this catches the rest, e.g. a link an author wrote).
 */
function disableLinks(notes: { external: string; file: string }, printPrefix: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    link.removeAttribute("target");
    const external = isExternal(link);
    if (!external && !isDeadEnd(link, printPrefix)) continue;
    const address = link.href.replace(/^(mailto|tel):/, "");
    link.dataset.kioskExternal = address;
    link.removeAttribute("href");
    link.removeAttribute("download");
    const hint = document.createElement("span");
    hint.className = "kiosk-url";
    hint.textContent = interpolate(external ? notes.external : notes.file, { url: address });
    link.after(hint);
  }
}

/** Back to the start page; on the start page itself, back to its top. */
function returnHome(home: string): void {
  if (location.pathname === home && !location.hash) scrollTo(0, 0);
  else location.replace(home);
}

/**
 * Starts kiosk mode. `bar` is the kiosk bar rendered by KioskMode.astro; its data
 * attributes carry the settings from site.yaml and the translated texts.
 */
export function startKiosk(bar: HTMLElement): void {
  const idleSeconds = Number(bar.dataset.idleSeconds) || 120;
  const home = bar.dataset.home ?? "/";
  const warnAt = Math.min(WARNING_SECONDS, Math.floor(idleSeconds / 2));
  const warning = bar.querySelector<HTMLElement>("[data-kiosk-warning]");
  const seconds = bar.querySelector<HTMLElement>("[data-kiosk-seconds]");

  const printPrefix = bar.dataset.print ?? "/print/";
  disableLinks(
    { external: bar.dataset.externalNote ?? "", file: bar.dataset.fileNote ?? "" },
    printPrefix,
  );
  const stop = (event: Event) => event.preventDefault();
  // No context menu and no dragging links or pictures out of the page.
  document.addEventListener("contextmenu", stop);
  document.addEventListener("dragstart", stop);
  // Links added later (search results) are caught here.
  document.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (link instanceof HTMLAnchorElement && (isExternal(link) || isDeadEnd(link, printPrefix)))
        event.preventDefault();
    },
    true,
  );
  bar.querySelector("[data-kiosk-back]")?.addEventListener("click", () => history.back());
  // On the search page the bar's 搜索 goes to the search box instead of reloading the page.
  bar.querySelector("[data-kiosk-search]")?.addEventListener("click", (event) => {
    const box = document.querySelector<HTMLInputElement>("main input[name=q]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.scrollIntoView({ block: "center" });
  });

  let lastActivity = Date.now();
  const onActivity = () => {
    lastActivity = Date.now();
    if (warning && !warning.hidden) warning.hidden = true;
  };
  for (const type of ACTIVITY) addEventListener(type, onActivity, { capture: true, passive: true });
  setInterval(() => {
    const left = Math.ceil(idleSeconds - (Date.now() - lastActivity) / 1000);
    if (left <= 0) {
      lastActivity = Date.now();
      if (warning) warning.hidden = true;
      // Self-test and quiz scores belong to this visitor only.
      try {
        forgetQuizScores(localStorage);
      } catch {
        // No storage: nothing kept.
      }
      // The next visitor starts here. Other scripts (e.g. a usage-statistics beacon)
      // hear of it first: the event `union-kb:kiosk-reset` on `document`, just before
      // the reset; `detail` has the idle time and the page left.
      document.dispatchEvent(
        new CustomEvent("union-kb:kiosk-reset", {
          detail: { idleSeconds, from: location.pathname },
        }),
      );
      returnHome(home);
    } else if (left <= warnAt && warning && seconds) {
      seconds.textContent = interpolate(bar.dataset.secondsText ?? "{seconds}", { seconds: left });
      warning.hidden = false;
    }
  }, 1000);
  // Lets tests (and curious operators) see that kiosk mode has started.
  bar.dataset.started = "";
}

// This file is the entry of its own bundle (see KioskMode.astro), so it starts itself.
const kioskBar = document.getElementById("kiosk");
if (kioskBar) startKiosk(kioskBar);
