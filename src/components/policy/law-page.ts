/**
 * Small enhancements of a law's page (LawNav.astro, LawTextView.astro); the page
 * works without them.
 * - “Go to article N” goes to #art-N instead of the start of the full text.
 * - An article's own link (第二十四条) also copies its address, and says so.
 */
export function enhanceLawPage(root: Document): void {
  const form = root.querySelector<HTMLFormElement>("[data-article-jump]");
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = form.querySelector("input");
    const status = form.querySelector<HTMLElement>("[role=status]");
    const wanted = (input?.value ?? "")
      .trim()
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const target = /^\d{1,3}(-\d{1,2})?$/.test(wanted)
      ? root.getElementById(
          `art-${Number.parseInt(wanted, 10)}${wanted.includes("-") ? `-${wanted.split("-")[1]}` : ""}`,
        )
      : null;
    if (!target) {
      if (status) status.textContent = (form.dataset.missing ?? "").replace("{n}", wanted);
      return;
    }
    if (status) status.textContent = "";
    location.hash = target.id;
    target.querySelector("a")?.focus({ preventScroll: true });
  });

  const copyTitle = root.querySelector<HTMLElement>("[data-copy-title]");
  const status = root.querySelector<HTMLElement>("[data-copy-status]");
  if (!copyTitle || !status) return;
  let clearing: ReturnType<typeof setTimeout> | undefined;
  for (const link of root.querySelectorAll<HTMLAnchorElement>("a[data-article-link]")) {
    link.title = copyTitle.dataset.copyTitle ?? link.title;
    link.addEventListener("click", () => {
      const url = link.href;
      const copied = copyTitle.dataset.copied ?? "";
      const manual = copyTitle.dataset.manual ?? "";
      const show = (text: string, selectUrl: boolean) => {
        status.textContent = "";
        const words = text.split("{url}");
        status.append(words[0] ?? "");
        const code = root.createElement("code");
        code.textContent = url;
        status.append(code, words[1] ?? "");
        if (selectUrl) root.getSelection()?.selectAllChildren(code);
        clearTimeout(clearing);
        clearing = setTimeout(() => {
          status.textContent = "";
        }, 8000);
      };
      if (!navigator.clipboard) {
        show(manual, true);
        return;
      }
      navigator.clipboard.writeText(url).then(
        () => show(copied, false),
        () => show(manual, true),
      );
    });
  }
}
