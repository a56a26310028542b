#!/usr/bin/env node
/** `npm run schemas`: write schemas/json/*.json from the zod schemas in src/schemas/. */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, parseCliArgs } from "../src/lib/cli/args.ts";
import { allJsonSchemas } from "../src/lib/scaffold/json-schemas.ts";

const HELP = `Usage: npm run schemas -- [--out <dir>]

Writes one JSON Schema file per content file type (site, topics, glossary,
course, lesson, policy, case) for editor completion. Run it after changing a
schema in src/schemas/ and commit the result.

Options:
  --out <dir>  where to write (default: schemas/json)
  -h, --help   show this help

Exit codes: 0 written, 2 usage error.`;

const { values } = parseCliArgs(process.argv.slice(2), { out: { type: "string" } }, HELP);
const out = resolve(values.out ?? "schemas/json");
mkdirSync(out, { recursive: true });
const files = Object.entries(allJsonSchemas());
const paths: string[] = [];
for (const [name, text] of files) {
  const path = join(out, `${name}.json`);
  writeFileSync(path, text, "utf8");
  paths.push(path);
}
// Lay the files out the way `npm run lint` expects, so regenerating never fails the lint.
const biome = resolve(import.meta.dirname, "../node_modules/.bin/biome");
spawnSync(biome, ["format", "--write", ...paths], { stdio: "ignore" });
console.log(`Wrote ${files.length} JSON Schema files to ${out}.`);
process.exit(EXIT.ok);
