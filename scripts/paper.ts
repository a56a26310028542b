#!/usr/bin/env node
/**
 * `npm run paper -- --course <course> …`: an exam paper drawn from a course's
 * question bank, printed as three A4 PDFs (see writePaper).
 */
import { parseCliArgs } from "../src/lib/cli/args.ts";
import { exitWith } from "../src/lib/cli/run.ts";
import { writePaper } from "../src/lib/quiz/paper.ts";

const HELP = `Usage: npm run paper -- --course <course> [options]

Draws an exam paper from the course's questions.yaml and prints three A4 PDFs:
<course>-<seed>-paper.pdf (name, unit and score; questions by type),
<course>-<seed>-answer-sheet.pdf (答题卡: boxes to fill in with a pencil) and
<course>-<seed>-answer-key.pdf (answers, explanations, the cited articles).
The same seed gives the same paper; the draw shares the count among the
question types and, within each, among the topics.

Options:
  --course <id>      the course whose questions are drawn (required)
  --topics <a,b>     only questions with one of these topic ids
  --count <n>        how many questions (default 50)
  --seed <n>         the draw's seed (default 1)
  --title "…"        the paper's title (default: the course's title)
  --out <dir>        where to write the PDFs (default: dist-handouts)
  --content <dir>    the knowledge base folder (default: as for npm run build)
  -h, --help         show this help

Exit codes: 0 written, 1 content errors, too few questions or a printing
failure, 2 usage error.`;

const { values } = parseCliArgs(
  process.argv.slice(2),
  {
    course: { type: "string" },
    topics: { type: "string" },
    count: { type: "string" },
    seed: { type: "string" },
    title: { type: "string" },
    out: { type: "string" },
    content: { type: "string" },
  },
  HELP,
);

await exitWith(() => writePaper(values), HELP);
