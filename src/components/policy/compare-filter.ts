/**
 * The "changed only" filter of the comparison page: shows the checkbox (the
 * page without scripts shows every row), hides unchanged and renumbered rows
 * and the chapters left empty, and says how many rows show.
 */
export function enhanceCompareFilter(root: Document): void {
  const filter = root.querySelector<HTMLElement>("[data-compare-filter]");
  const table = root.querySelector<HTMLTableElement>("[data-compare-table]");
  const box = filter?.querySelector<HTMLInputElement>("[data-changed-only]");
  const status = filter?.querySelector<HTMLElement>("[data-compare-status]");
  if (!filter || !table || !box || !status) return;
  filter.hidden = false;
  const apply = () => {
    const only = box.checked;
    let shown = 0;
    for (const body of table.querySelectorAll<HTMLElement>("[data-compare-chapter]")) {
      let left = 0;
      for (const row of body.querySelectorAll<HTMLElement>("tr[data-class]")) {
        const hide =
          only && (row.dataset.class === "unchanged" || row.dataset.class === "renumbered");
        row.hidden = hide;
        if (!hide) left++;
      }
      body.hidden = left === 0;
      shown += left;
    }
    status.textContent = (filter.dataset.shown ?? "")
      .replace("{shown}", String(shown))
      .replace("{total}", filter.dataset.total ?? "");
  };
  box.addEventListener("change", apply);
  // A checkbox the browser kept checked from the last visit (back button).
  if (box.checked) apply();
}
