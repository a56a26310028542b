/**
 * The kiosk's touch keyboard for the search page (KioskSearch.astro). Loaded only in
 * kiosk mode on the search page. It types into the page's own search box and lets
 * the search script (search-client.ts) do the searching: an `input` event searches
 * as the letters come, the form's submit searches at once.
 */

const panel = document.querySelector<HTMLTemplateElement>("#kiosk-search-panel");
const form = document.querySelector<HTMLFormElement>("form[data-search-form]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");

if (panel && form && input) {
  const box = panel.content.firstElementChild?.cloneNode(true);
  if (box instanceof HTMLElement) {
    form.after(box);
    // Our keys replace the system's on-screen keyboard, which would cover them.
    input.inputMode = "none";
    const typing = () => box.toggleAttribute("data-typing", input.value !== "");

    /** Replaces the selected text (or inserts at the caret) and lets the search know. */
    const edit = (text: string, deleteBefore = 0) => {
      const end = input.selectionEnd ?? input.value.length;
      const start = Math.max(
        0,
        (input.selectionStart ?? end) - (end === input.selectionStart ? deleteBefore : 0),
      );
      input.setRangeText(text, start, end, "end");
      input.dispatchEvent(new Event("input", { bubbles: true }));
      typing();
    };

    // The keys keep the focus (and the caret) in the search box.
    box.addEventListener("pointerdown", (event) => {
      if ((event.target as Element).closest(".kiosk-keyboard button")) event.preventDefault();
    });
    box.addEventListener("click", (event) => {
      const button = (event.target as Element).closest("button");
      if (!button) return;
      const { key, action, query } = button.dataset;
      if (key) edit(key);
      else if (action === "backspace") edit("", 1);
      else if (action === "space") edit(" ");
      else if (action === "clear") {
        input.value = "";
        edit("");
      } else if (action === "search" || query !== undefined) {
        if (query !== undefined) input.value = query;
        typing();
        form.requestSubmit();
      }
    });
    input.addEventListener("input", typing);
    typing();
    // The bar's 搜索 leads here to type: the box is ready for the keys.
    if (!input.value) input.focus();
  }
}
