import { resolve, sep } from "node:path";
import { Worker } from "node:worker_threads";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { checkKnowledgeBase } from "../check/check.ts";
import { astroChildSettings } from "../env.ts";
import { formatReport } from "../kb/problems.ts";
import { shareParse } from "../kb/shared-parse.ts";
import type { CheckOutcome } from "./check-worker.ts";

/**
 * Checks the content again after each change in `npm run dev`, in a worker
 * thread, and prints the report. A change during a check runs one more.
 */
function devChecker(contentDir: string, logger: AstroIntegrationLogger, hadProblems: boolean) {
  let worker: Worker | undefined;
  let running = false;
  let again = false;
  const start = () => {
    worker ??= new Worker(new URL("./check-worker.ts", import.meta.url));
    worker.unref();
    worker.once("message", (outcome: CheckOutcome) => {
      if (outcome.problems)
        (outcome.errors ? console.error : console.warn)(`\n${outcome.report}\n`);
      else if (hadProblems) logger.info("content check: no problems left");
      hadProblems = outcome.problems > 0;
      running = false;
      if (again) run();
    });
    worker.postMessage(contentDir);
  };
  const run = () => {
    again = running;
    if (running) return;
    running = true;
    start();
  };
  return run;
}

/**
 * Runs the same checks as `npm run check` before Astro loads content, so a
 * build never starts on broken content and authors see the friendly report
 * instead of a stack trace. In dev the report is printed and the server stays up.
 */
export function unionKb(options: { contentDir: string }): AstroIntegration {
  let hadProblems = false;
  return {
    name: "union-kb",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        if (command === "preview" || astroChildSettings().skipCheck) return;
        const result = checkKnowledgeBase(options.contentDir);
        // The collections are filled from this parse (src/lib/astro/kb-loader.ts).
        shareParse(options.contentDir, result.kb);
        hadProblems = result.problems.length > 0;
        if (result.problems.length === 0) return;
        const report = formatReport(result.problems);
        if (result.errors === 0) {
          logger.warn(`\n${report}`);
          return;
        }
        console.error(`\n${report}\n\nThe content has errors; fix them and run the command again.`);
        if (command === "build") process.exit(1);
      },
      // Authors edit and save while `npm run dev` runs: check again on each
      // change and print the same report, so mistakes show up in the terminal
      // without running `npm run check` by hand.
      "astro:server:setup": ({ server, logger }) => {
        if (astroChildSettings().skipCheck) return;
        const root = resolve(options.contentDir);
        server.watcher.add(root);
        const check = devChecker(options.contentDir, logger, hadProblems);
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on("all", (_event, path) => {
          if (!resolve(path).startsWith(`${root}${sep}`)) return;
          clearTimeout(timer);
          timer = setTimeout(check, 200);
        });
      },
    },
  };
}
