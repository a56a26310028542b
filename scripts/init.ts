#!/usr/bin/env node
/**
 * `npm run init -- <folder>` (`union-kb init <folder>`): start a new knowledge
 * base in a folder of its own (see initKnowledgeBase).
 */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { CliError } from "../src/lib/cli/cli-error.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { callerCwd } from "../src/lib/env.ts";
import { initKnowledgeBase, shippedLaws } from "../src/lib/scaffold/init-kb.ts";

const HELP = `Usage: npm run init -- <folder> [options]
       union-kb init <folder> [options]

Creates a new knowledge base in <folder>, which must not exist or be empty:
site.yaml, topics.yaml, an empty glossary, an example course with one lesson,
a README for authors, package.json, .gitignore and editor settings.
Without options it asks for the settings; with --yes it takes the defaults.

Options:
  --name "…"          the knowledge base's name (default 职工教育知识库)
  --name-en "…"       its name in English
  --organisation "…"  the organisation that publishes it
  --url <address>     its public address (default https://kb.example.org)
  --base <path>       the sub-folder it is served under (default /)
  --locale <zh-CN|en> the default language (default zh-CN)
  --laws <list>       official law texts to import as policies: all, none (the
                      default with --yes) or some of:
                      ${shippedLaws().join(", ")}
  --tool <spec>       the union-kb dependency for package.json, e.g. a path to
                      union-kb-<version>.tgz (default: none; npm install it later)
  --empty             no example course
  -y, --yes           take the defaults for everything not given, without asking
  -h, --help          show this help

Exit codes: 0 created, 1 the folder is not empty, 2 usage error.`;

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  {
    name: { type: "string" },
    "name-en": { type: "string" },
    organisation: { type: "string" },
    url: { type: "string" },
    base: { type: "string" },
    locale: { type: "string" },
    laws: { type: "string" },
    tool: { type: "string" },
    empty: { type: "boolean" },
    yes: { type: "boolean", short: "y" },
  },
  HELP,
  true,
);

await exitWith(() => {
  if (positionals.length > 1)
    throw new CliError(2, `Give one folder, not “${positionals.join(" ")}”.`);
  const { "name-en": nameEn, ...rest } = values;
  return initKnowledgeBase({ ...rest, nameEn, folder: positionals[0] }, { cwd: callerCwd() });
}, HELP);
