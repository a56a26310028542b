#!/usr/bin/env node
/** `npm run problems-doc`: write docs/problems.md from the problem catalogue. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { PROBLEMS_DOC, problemsMarkdown } from "../src/lib/problems/docs.ts";

const HELP = `Usage: npm run problems-doc

Writes ${PROBLEMS_DOC}: every problem \`npm run check\` can report, with its
code, title, message, hint and an example, from src/lib/problems/catalogue.ts.
Run it after changing the catalogue and commit the result (a unit test fails
while the file is out of date).

Options:
  -h, --help   show this help

Exit codes: 0 written, 2 usage error.`;

parseCliArgs(process.argv.slice(2), {}, HELP);
const path = resolve(import.meta.dirname, "..", PROBLEMS_DOC);
writeFileSync(path, problemsMarkdown(), "utf8");
console.log(`Wrote ${path}.`);
process.exit(EXIT.ok);
