import { resolve, sep } from "node:path";
import type { AstroIntegration } from "astro";
import { checkKnowledgeBase } from "../check/check.ts";
import { astroChildSettings } from "../env.ts";
import { formatReport } from "../kb/problems.ts";
import { shareParse } from "../kb/shared-parse.ts";

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
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on("all", (_event, path) => {
          if (!resolve(path).startsWith(`${root}${sep}`)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const result = checkKnowledgeBase(options.contentDir);
            if (result.problems.length) {
              const report = formatReport(result.problems);
              (result.errors ? console.error : console.warn)(`\n${report}\n`);
            } else if (hadProblems) {
              logger.info("content check: no problems left");
            }
            hadProblems = result.problems.length > 0;
          }, 200);
        });
      },
    },
  };
}
