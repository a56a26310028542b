#!/usr/bin/env node
/**
 * `npm run new`: create a course, lesson, policy, case, event, glossary term or question from a
 * template with valid frontmatter and helpful comments (see runNew). Asks for
 * what is missing when run in a terminal; takes everything as options in scripts.
 */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { CliError } from "../src/lib/cli/cli-error.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { runNew } from "../src/lib/scaffold/run-new.ts";

const HELP = `Usage: npm run new -- [kind] [options]

Creates a new entry from a template. Without options it asks questions.

Kinds and their options:
  course  --title "…"                       content/courses/<slug>/course.yaml
  lesson  --course <course> --title "…"     content/courses/<course>/NN-<slug>.mdx
  policy  --title "…"                       content/policies/<slug>/index.mdx
          (summary only; import the official text with npm run import-law)
  case    --title "…" [--real]              content/cases/<slug>.mdx
  term    --zh … --en … [--pinyin …] [--definition …]
                                            appended to content/glossary.yaml
  event   --title "…"                       content/events/<slug>.yaml
  event   --campaign <id> [--year 2027]     content/events/<id>-<year>.yaml, from a
                                            yearly template in content/campaigns.yaml
  question --course <course> [--title "…"] [--slug <id>]
                                            appended to content/courses/<course>/questions.yaml

Options:
  --title-en "…"   the English title (course, lesson, case, policy)
  --slug <slug>    the address (or term or question id) instead of one made from the title;
                   Chinese titles become pinyin: 企业的培训义务 → qi-ye-de-pei-xun-yi-wu
  --real           (case) the case really happened; default: marked fictional
  --content <dir>  the knowledge base folder (default: $UNION_KB_CONTENT, else
                   the current folder if it has a site.yaml, else content)
  -h, --help       show this help

Existing files are never overwritten. The new entry is checked like
\`npm run check\`; if it does not pass, it is not kept.

Exit codes: 0 created, 1 refused (exists, or the check failed), 2 usage error.`;

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  {
    title: { type: "string" },
    "title-en": { type: "string" },
    course: { type: "string" },
    slug: { type: "string" },
    zh: { type: "string" },
    en: { type: "string" },
    pinyin: { type: "string" },
    definition: { type: "string" },
    real: { type: "boolean" },
    campaign: { type: "string" },
    year: { type: "string" },
    content: { type: "string" },
  },
  HELP,
  true,
);

await exitWith(() => {
  if (positionals.length > 1)
    throw new CliError(2, `Give one kind, not “${positionals.join(" ")}”.`);
  const { "title-en": titleEn, content: contentDir, ...answers } = values;
  return runNew({ ...answers, titleEn, contentDir, kind: positionals[0] });
}, HELP);
