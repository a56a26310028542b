import { createHash } from "node:crypto";

/**
 * The kiosk bar's inline script: tiny, and inline so it decides before the
 * first paint whether kiosk mode is on (the larger layout never flashes).
 * Pages may add their own kiosk-only scripts as `template[data-kiosk-script]`
 * (KioskSearch.astro); this clones them in kiosk mode.
 */
export const KIOSK_INLINE_SCRIPT = `(() => {
    const bar = document.getElementById("kiosk");

    let wanted = new URLSearchParams(location.search).get("kiosk");
    try {
      if (wanted === "1" || wanted === "0") sessionStorage.setItem("union-kb-kiosk", wanted);
      else wanted = sessionStorage.getItem("union-kb-kiosk");
    } catch {
      // Storage can be switched off; the address and site.yaml still decide.
    }
    if (wanted === "1" || (wanted !== "0" && bar?.dataset.enabled === "true")) {
      document.documentElement.dataset.kiosk = "on";
      // A clone of a template's script runs; the template's own copy never does.
      // Pages may add their own kiosk-only scripts the same way (KioskSearch.astro).
      for (const script of document.querySelectorAll("template[data-kiosk-script]"))
        document.body.append(script.content.cloneNode(true));
    }
  })();`;

/**
 * Its hash for the page's Content-Security-Policy (Astro hashes only the
 * scripts it bundles). The layout inserts it in its own frontmatter: a hash
 * inserted by a component rendered after `<head>` would come too late.
 */
export const KIOSK_INLINE_HASH =
  `sha256-${createHash("sha256").update(KIOSK_INLINE_SCRIPT).digest("base64")}` as const;
