/**
 * Fitting the note-taking space of each lesson to its last page, in the print
 * view, just before it is printed (print-page.ts). Runs in the page, so it is
 * self-contained: Playwright sends its source text to the browser.
 */

/** What {@link fitNoteLines} is told. */
export interface FitNotesOptions {
  /** Height of the printable area of one page, in CSS pixels. */
  pageHeight: number;
  /** Drop the note space altogether (`npm run handouts -- --compact`). */
  compact: boolean;
  /** Fewer lines than this are not worth a heading: the space is left out. */
  minLines: number;
}

/** What was done to each lesson's note space, for tests and progress output. */
export interface FittedNotes {
  /** Lines per lesson in document order (0: left out). */
  lines: number[];
}

/**
 * Gives each lesson's “notes” section as many ruled lines as fit on the page
 * the lesson ends on, instead of the fixed number that, when it did not fit,
 * moved to a page of its own and left it two-thirds empty. Where fewer than
 * `minLines` fit, or with `compact`, the section is removed.
 *
 * Pages are not visible to scripts, so the lesson's page breaks are simulated:
 * blocks that must stay whole (break-inside: avoid) and single lines of text
 * move to the next page when they would cross a page's end. The simulation errs
 * on the side of fewer lines (a margin of one line is kept), never of one page more.
 */
export function fitNoteLines({ pageHeight, compact, minLines }: FitNotesOptions): FittedNotes {
  const lines: number[] = [];
  /** Boxes that cannot be split across pages, in document order. */
  const atoms = (root: Element, out: { top: number; bottom: number }[]) => {
    for (const child of root.children) {
      const style = getComputedStyle(child);
      if (style.display === "none") continue;
      const box = child.getBoundingClientRect();
      if (box.height === 0) continue;
      const whole =
        style.breakInside === "avoid" ||
        style.pageBreakInside === "avoid" ||
        /^(H[1-6]|IMG|SVG|TR|LI|FIGURE|PRE)$/i.test(child.tagName);
      if (whole || child.children.length === 0) {
        if (!whole && child.tagName === "P") {
          // A paragraph breaks between its lines.
          const range = document.createRange();
          range.selectNodeContents(child);
          const rects = [...range.getClientRects()].filter((r) => r.height > 0);
          if (rects.length > 1) {
            for (const r of rects) out.push({ top: r.top + scrollY, bottom: r.bottom + scrollY });
            continue;
          }
        }
        out.push({ top: box.top + scrollY, bottom: box.bottom + scrollY });
      } else atoms(child, out);
    }
    return out;
  };
  for (const lesson of document.querySelectorAll<HTMLElement>(".handout-lesson")) {
    const notes = lesson.querySelector<HTMLElement>(".handout-note-lines");
    if (!notes) continue;
    const ruled = notes.querySelector<HTMLElement>(".ruled");
    const first = notes.querySelector<HTMLElement>(".ruled-line");
    if (compact || !ruled || !first) {
      notes.remove();
      lines.push(0);
      continue;
    }
    const lineHeight = first.getBoundingClientRect().height;
    const heading = notes.getBoundingClientRect().height - ruled.getBoundingClientRect().height;
    notes.style.display = "none";
    // A lesson starts a page of its own in a course handout; a lesson handout's
    // only lesson starts below the letterhead, on the first page.
    const ownPage = /page|always/.test(getComputedStyle(lesson).breakBefore);
    const frame = lesson.closest(".handout") ?? document.body;
    const start = (ownPage ? lesson : frame).getBoundingClientRect().top + scrollY;
    let pageEnd = start + pageHeight;
    let shift = 0;
    let bottom = start;
    for (const atom of atoms(lesson, [])) {
      let top = atom.top + shift;
      const height = atom.bottom - atom.top;
      while (top + height > pageEnd && height <= pageHeight) {
        if (top >= pageEnd) {
          pageEnd += pageHeight;
          continue;
        }
        shift += pageEnd - top;
        top = pageEnd;
        pageEnd += pageHeight;
      }
      bottom = Math.max(bottom, top + height);
      while (bottom > pageEnd) pageEnd += pageHeight;
    }
    notes.style.display = "";
    // Two lines to spare: the heading's top margin and any error of the simulation.
    const free = pageEnd - bottom - heading - 2 * lineHeight;
    const count = Math.floor(free / lineHeight);
    if (count < minLines) {
      notes.remove();
      lines.push(0);
      continue;
    }
    ruled.replaceChildren(
      ...Array.from({ length: count }, () => {
        const line = document.createElement("div");
        line.className = "ruled-line";
        return line;
      }),
    );
    lines.push(count);
  }
  return { lines };
}
