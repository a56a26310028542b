import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEMS, type ProblemData } from "../../src/lib/problems/catalogue.ts";
import { exampleProblem, PROBLEMS_DOC, problemsMarkdown } from "../../src/lib/problems/docs.ts";
import {
  fillTemplate,
  finding,
  type ProblemCode,
  placeholdersOf,
  problem,
  textsOf,
} from "../../src/lib/problems/problem.ts";
import { ROOT } from "../helpers/fixtures.ts";

const codes = Object.keys(PROBLEMS) as ProblemCode[];
const entry = (code: ProblemCode): ProblemData => PROBLEMS[code];

/** Every .ts file under src/, with its text. */
function sources(dir = join(ROOT, "src")): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts")
      ? [{ path: relative(ROOT, path), text: readFileSync(path, "utf8") }]
      : [];
  });
}

/** All texts of an entry: the base texts and every variant's. */
function allTexts(data: ProblemData): string[] {
  const texts = [data.message, data.expected, data.found, data.hint];
  for (const variant of Object.values(data.variants ?? {}))
    texts.push(...Object.values(variant).filter((t) => t !== null));
  return texts.filter((t): t is string => typeof t === "string");
}

/** A template as a regular expression: each placeholder matches any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/(\{[A-Za-z][A-Za-z0-9]*\})/);
  const source = parts
    .map((part, i) => (i % 2 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

describe("the problem catalogue", () => {
  it("has unique codes written area/kebab-case", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(codes.map((c) => c.toLowerCase())).size).toBe(codes.length);
  });

  it("has no dead entries: every code is used in src/", () => {
    const texts = sources()
      .filter((file) => !file.path.endsWith("src/lib/problems/catalogue.ts"))
      .map((file) => file.text)
      .join("\n");
    const unused = codes.filter((code) => !texts.includes(`"${code}"`));
    expect(unused).toEqual([]);
  });

  it("writes no problem message inline: rules outside the catalogue never set message or hint", () => {
    const rules = sources().filter((file) =>
      /^src\/lib\/(kb|law|mdx|check)\//.test(file.path.replaceAll("\\", "/")),
    );
    const inline = rules.flatMap((file) =>
      file.text
        .split("\n")
        .filter((line) => /\b(message|hint|expected): *[`"']/.test(line))
        .map((line) => `${file.path}: ${line.trim()}`),
    );
    expect(inline).toEqual([]);
  });

  it.each(codes)(
    "%s has a title, a message and an example that fills every placeholder",
    (code) => {
      const data = entry(code);
      expect(data.title.length).toBeGreaterThan(0);
      expect(data.message.length).toBeGreaterThan(0);
      const variant = data.example.variant;
      if (variant) expect(Object.keys(data.variants ?? {})).toContain(variant);
      const texts = textsOf(data, variant);
      const needed = new Set(Object.values(texts).flatMap((t) => (t ? placeholdersOf(t) : [])));
      expect(Object.keys(data.example.values ?? {}).sort()).toEqual([...needed].sort());
      const shown = exampleProblem(code);
      for (const text of [shown.message, shown.expected, shown.found, shown.hint]) {
        if (text !== undefined) expect(placeholdersOf(text)).toEqual([]);
      }
    },
  );

  it("has no spaces around its texts", () => {
    for (const code of codes) {
      for (const text of allTexts(entry(code))) expect(text.trim()).toBe(text);
    }
  });
});

describe("fillTemplate and problem()", () => {
  it("fills {name} but leaves code in braces as text", () => {
    expect(
      fillTemplate("write {{value}}, e.g. article={24}; a comment is {/* … */}", { value: 7 }),
    ).toBe("write {7}, e.g. article={24}; a comment is {/* … */}");
    expect(fillTemplate("unknown {what}", {})).toBe("unknown {what}");
  });

  it("builds a Problem with the catalogue's severity, texts and chosen variant", () => {
    expect(
      problem("cite/repealed-policy", {
        file: "content/x.mdx",
        line: 3,
        found: "old-law, article 2",
        variant: "replaced",
        values: { policy: "旧法", supersededBy: "new-law" },
      }),
    ).toEqual({
      code: "cite/repealed-policy",
      severity: "warning",
      file: "content/x.mdx",
      line: 3,
      message: "cites 旧法, which is repealed",
      found: "old-law, article 2",
      hint: "cite the law now in force, “new-law”, unless the old text is the point",
    });
    expect(
      finding("schema/unknown-field", {
        variant: "nested",
        values: { s: "s", keys: "a, b", fields: "" },
      }),
    ).toEqual({
      code: "schema/unknown-field",
      message: "unknown fields: a, b",
      hint: "remove it, or check the spelling of the field name",
    });
  });
});

describe("docs", () => {
  it(`${PROBLEMS_DOC} is up to date with the catalogue (run npm run problems-doc)`, () => {
    expect(readFileSync(join(ROOT, PROBLEMS_DOC), "utf8")).toBe(problemsMarkdown());
  });

  const authoring = readFileSync(join(ROOT, "docs/authoring.md"), "utf8");

  it("docs/authoring.md links to docs/problems.md", () => {
    expect(authoring).toContain("(problems.md)");
  });

  /** The report blocks (```…``` starting with ✖ or ⚠) quoted in the authoring guide. */
  const blocks = Array.from(authoring.matchAll(/```\n([✖⚠][\s\S]*?)```/g), (m) =>
    (m[1] as string).split(/\n\n(?=[✖⚠])/),
  ).flat();

  it("quotes report blocks in docs/authoring.md", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.map((block) => [block.split("\n")[1]?.trim() ?? "", block]))(
    "docs/authoring.md: %s is a problem of the catalogue, word for word",
    (_, block) => {
      const line = (key: string) =>
        new RegExp(`^  ${key}: +(.*)$`, "m").exec(block)?.[1]?.trimEnd();
      const message = line("problem") ?? "";
      const matches = codes.filter((code) => {
        const data = entry(code);
        const variants = [undefined, ...Object.keys(data.variants ?? {})];
        return variants.some((variant) => {
          const texts = textsOf(data, variant);
          const ok = (key: "message" | "expected" | "hint", shown: string | undefined) => {
            const template = texts[key];
            if (template === undefined) return shown === undefined;
            return shown !== undefined && templatePattern(template).test(shown);
          };
          return (
            ok("message", message) &&
            ok("hint", line("hint")) &&
            (line("expected") === undefined || ok("expected", line("expected")))
          );
        });
      });
      expect(matches.length, `no catalogue entry prints:\n${block}`).toBeGreaterThan(0);
    },
  );
});
