#!/usr/bin/env node
/** `npm run schemas`: write schemas/json/*.json from the zod schemas in src/schemas/. */
import { resolve } from "node:path";
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { writeJsonSchemas } from "../src/lib/scaffold/json-schemas.ts";

const HELP = `Usage: npm run schemas -- [--out <dir>]

Writes one JSON Schema file per content file type (site, topics, glossary,
course, lesson, policy, case) for editor completion. Run it after changing a
schema in src/schemas/ and commit the result.

Options:
  --out <dir>  where to write (default: schemas/json)
  -h, --help   show this help

Exit codes: 0 written, 2 usage error.`;

const { values } = parseCliArgs(process.argv.slice(2), { out: { type: "string" } }, HELP);

await exitWith(() => {
  const out = resolve(values.out ?? "schemas/json");
  console.log(`Wrote ${writeJsonSchemas(out).length} JSON Schema files to ${out}.`);
  return 0;
}, HELP);
