#!/usr/bin/env node
/**
 * `npm run handouts -- [course [lesson]]`: prints the handout views of a built
 * site to PDF with headless Chromium, into dist-handouts/ (see writeHandouts).
 */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { CliError } from "../src/lib/cli/cli-error.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { writeHandouts } from "../src/lib/handouts/write-handouts.ts";

const HELP = `Usage: npm run handouts -- [course [lesson]] [options]

Prints lecture handouts (the /print/ views of the built site) to PDF.
With no course, every course and every lesson is printed; with a course,
that course's handout and each of its lessons; with a lesson, just that lesson.
Noticeboard posters (materials with a poster: block) are listed under the
course name "materials": \`npm run handouts -- materials [material]\`.

Options:
  --content <dir>  the knowledge base folder (default: as for npm run build)
  --dist <dir>     the built site (default: the knowledge base's dist/, or dist
                   for the sample content/; run npm run build first)
  --out <dir>      where to write the PDFs (default: dist-handouts next to it)
  --paper <size>   A4 or Letter (default: what each lesson asks for, usually A4;
                   a poster keeps its own A3 or A4)
  --url <address>  the address the QR codes and printed links point to, e.g.
                   http://192.168.1.20:8080 for a LAN server (default: site.yaml url)
  --compact        no note-taking space, lessons without a new page each
                   (a shorter course handout)
  --force          print again even when a PDF is up to date
  -h, --help       show this help

Exit codes: 0 done, 1 missing site or Chromium failure, 2 usage error.`;

const { values, positionals } = parseCliArgs(
  process.argv.slice(2),
  {
    content: { type: "string" },
    dist: { type: "string" },
    out: { type: "string" },
    paper: { type: "string" },
    force: { type: "boolean" },
    url: { type: "string" },
    compact: { type: "boolean" },
  },
  HELP,
  true,
);

await exitWith(() => {
  if (positionals.length > 2) throw new CliError(2, `Too many arguments: ${positionals.join(" ")}`);
  const [course, lesson] = positionals;
  return writeHandouts({ ...values, course, lesson });
}, HELP);
