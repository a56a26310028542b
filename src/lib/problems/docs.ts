import { PROBLEMS, type ProblemData, type ProblemTexts } from "./catalogue.ts";
import { fillTemplate, type Problem, type ProblemCode, textsOf } from "./problem.ts";
import { formatProblem } from "./report.ts";

/** Where docs/problems.md is written, relative to the project root. */
export const PROBLEMS_DOC = "docs/problems.md";

/** Headings of the areas, in the order of the catalogue. */
const AREAS: Record<string, string> = {
  fs: "Files and folders",
  file: "Reading a file as text",
  yaml: "YAML",
  frontmatter: "Frontmatter fences",
  schema: "Fields",
  site: "site.yaml",
  course: "Courses",
  lesson: "Lessons",
  policy: "Policies",
  case: "Cases",
  law: "Official law texts (text.zh.md)",
  topic: "Topics",
  glossary: "Glossary",
  cite: "Citations",
  mdx: "MDX and components",
  image: "Images",
  link: "Links",
  html: "HTML in content (refused unless site.yaml says allowScripts: true)",
};

/** The anchor of a code in docs/problems.md: `cite/article-out-of-range` → `cite-article-out-of-range`. */
export function problemAnchor(code: string): string {
  return code.replace("/", "-");
}

/** The example of a catalogue entry as a Problem, exactly as `npm run check` would report it. */
export function exampleProblem(code: ProblemCode): Problem {
  const data: ProblemData = PROBLEMS[code];
  const { where, field, found, variant, values } = data.example;
  const texts = textsOf(data, variant);
  const m = /^(.*?)(?::(\d+))?$/.exec(where);
  const problem: Problem = {
    code,
    severity: data.severity,
    file: m?.[1] ?? where,
    message: fillTemplate(texts.message, values),
  };
  if (m?.[2]) problem.line = Number(m[2]);
  if (field) problem.field = field;
  if (texts.expected !== undefined) problem.expected = fillTemplate(texts.expected, values);
  const shown = texts.found !== undefined ? fillTemplate(texts.found, values) : found;
  if (shown !== undefined) problem.found = shown;
  if (texts.hint !== undefined) problem.hint = fillTemplate(texts.hint, values);
  return problem;
}

/** A template in Markdown: code spans cannot hold a backtick run, so those are widened. */
function code(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function textLines(texts: Partial<Record<keyof ProblemTexts, string | null>>): string[] {
  const lines: string[] = [];
  for (const key of ["message", "expected", "found", "hint"] as const) {
    const text = texts[key];
    if (text === null) lines.push(`- ${key}: (none)`);
    else if (text !== undefined) lines.push(`- ${key}: ${code(text)}`);
  }
  return lines;
}

/** docs/problems.md: every problem of the catalogue with its texts and an example. */
export function problemsMarkdown(): string {
  const codes = Object.keys(PROBLEMS) as ProblemCode[];
  const areas = [...new Set(codes.map((c) => c.split("/")[0] as string))];
  const out: string[] = [
    "# Problems `npm run check` reports",
    "",
    "<!-- Generated from src/lib/problems/catalogue.ts by `npm run problems-doc`; do not edit by hand. -->",
    "",
    "Every problem has a stable code such as `cite/article-out-of-range`.",
    "`npm run check -- --json` prints it in each problem's `code` field; the texts below are",
    "templates, where `{name}` stands for a value from your file. The authoring guide",
    "(docs/authoring.md, section 9) walks through the most common ones.",
    "",
    `${codes.length} problems:`,
    "",
  ];
  for (const area of areas) {
    const inArea = codes.filter((c) => c.startsWith(`${area}/`));
    out.push(
      `- ${AREAS[area] ?? area}: ${inArea.map((c) => `[\`${c}\`](#${problemAnchor(c)})`).join(", ")}`,
    );
  }
  for (const area of areas) {
    out.push("", `## ${AREAS[area] ?? area}`);
    for (const c of codes.filter((c) => c.startsWith(`${area}/`))) {
      const data: ProblemData = PROBLEMS[c];
      out.push(
        "",
        `<a id="${problemAnchor(c)}"></a>`,
        "",
        `### \`${c}\` — ${data.title}`,
        "",
        `${data.severity === "error" ? "Error" : "Warning"}.`,
        "",
        ...textLines(data),
      );
      for (const [name, variant] of Object.entries(data.variants ?? {})) {
        out.push(`- variant \`${name}\`:`, ...textLines(variant).map((line) => `  ${line}`));
      }
      out.push("", "Example:", "", "```", formatProblem(exampleProblem(c)), "```");
    }
  }
  return `${out.join("\n")}\n`;
}
