/** Paper of a whole-course handout: Letter only when every lesson asks for it. */
export function coursePaper(papers: readonly ("A4" | "Letter")[]): "A4" | "Letter" {
  return papers.length > 0 && papers.every((p) => p === "Letter") ? "Letter" : "A4";
}
