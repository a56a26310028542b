/**
 * Kiosk behaviour for a shared touch-screen PC. Loaded (as its own small chunk) only
 * when kiosk mode is on, so ordinary readers download none of it.
 */

import { interpolate } from "../../i18n/interpolate.ts";

/** Seconds of warning before the idle return; WCAG 2.2.1 asks for 20 where possible. */
const WARNING_SECONDS = 20;
const ACTIVITY = ["pointerdown", "keydown", "wheel", "touchstart", "scroll", "input"];

/** Whether a link leaves this site (other host, mailto:, tel:…). */
function isExternal(link: HTMLAnchorElement): boolean {
  return link.origin !== location.origin;
}

/**
 * Kiosk visitors cannot use other websites, so external links stop navigating and
 * show their address instead, for the visitor to open on a phone.
 */
function disableExternalLinks(note: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    link.removeAttribute("target");
    if (!isExternal(link)) continue;
    const address = link.href.replace(/^(mailto|tel):/, "");
    link.dataset.kioskExternal = address;
    link.removeAttribute("href");
    const hint = document.createElement("span");
    hint.className = "kiosk-url";
    hint.textContent = interpolate(note, { url: address });
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

  disableExternalLinks(bar.dataset.externalNote ?? "");
  const stop = (event: Event) => event.preventDefault();
  // No context menu and no dragging links or pictures out of the page.
  document.addEventListener("contextmenu", stop);
  document.addEventListener("dragstart", stop);
  // Links added later (search results) are caught here.
  document.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (link instanceof HTMLAnchorElement && isExternal(link)) event.preventDefault();
    },
    true,
  );
  bar.querySelector("[data-kiosk-back]")?.addEventListener("click", () => history.back());

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
