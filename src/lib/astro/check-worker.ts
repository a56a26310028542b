import { parentPort } from "node:worker_threads";
import { checkKnowledgeBase } from "../check/check.ts";
import { formatReport } from "../kb/problems.ts";

/** What the dev server's content check found, as text to print. */
export interface CheckOutcome {
  problems: number;
  errors: number;
  report: string;
}

/*
 * The content check of `npm run dev`, in a worker thread: at 1,000 entries a
 * whole check takes about a second, and run on the server's own thread it
 * would hold up the page an author is waiting to see after saving.
 */
parentPort?.on("message", (contentDir: string) => {
  const result = checkKnowledgeBase(contentDir);
  parentPort?.postMessage({
    problems: result.problems.length,
    errors: result.errors,
    report: result.problems.length ? formatReport(result.problems) : "",
  } satisfies CheckOutcome);
});
