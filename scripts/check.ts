#!/usr/bin/env node
/** `npm run check`: validate the knowledge base without building the site. */
import { existsSync, watch } from "node:fs";
import { checkKnowledgeBase, entryCounts } from "../src/lib/check/check.ts";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { contentDir, knowledgeBaseLine } from "../src/lib/kb/content-dir.ts";
import { formatReport, summariseCounts } from "../src/lib/kb/problems.ts";

const HELP = `Usage: npm run check -- [options]

Checks every file of the knowledge base against its schema and every
cross-reference (topics, citations, article numbers), and lists all problems.

Options:
  --content <dir>  the knowledge base folder (default: $UNION_KB_CONTENT, else
                   the current folder if it has a site.yaml, else content)
  --watch          check again whenever a file changes
  --json           print the report as JSON: {"counts": {collection: entries},
                   "problems": [...]}
  -h, --help       show this help

Exit codes: 0 no errors, 1 content errors, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  { content: { type: "string" }, watch: { type: "boolean" }, json: { type: "boolean" } },
  HELP,
);
const dir = contentDir(process.cwd(), values.content);
if (!existsSync(dir)) {
  console.error(`The content folder ${dir} does not exist.\n\n${HELP}`);
  process.exit(EXIT.usage);
}
// On stderr with --json, so stdout stays one JSON document.
(values.json ? console.error : console.log)(knowledgeBaseLine(dir));

function runCheck(): number {
  const started = performance.now();
  const result = checkKnowledgeBase(dir);
  if (values.json) {
    console.log(
      JSON.stringify({ counts: entryCounts(result.kb), problems: result.problems }, null, 2),
    );
  } else {
    const { kb } = result;
    const counts = summariseCounts(kb);
    const output = formatReport(result.problems);
    const ms = Math.round(performance.now() - started);
    (result.errors ? console.error : console.log)(`${output}\nChecked ${counts} in ${ms} ms.`);
  }
  return result.errors ? EXIT.content : EXIT.ok;
}

if (values.watch) {
  runCheck();
  let timer: NodeJS.Timeout | undefined;
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.clear();
      runCheck();
      // console.clear() wiped the first notice; say again that we are still watching.
      console.log("Watching for changes… (Ctrl+C to stop)");
    }, 150);
  });
  console.log("Watching for changes… (Ctrl+C to stop)");
} else {
  process.exit(runCheck());
}
