import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isYamlError, parseYamlSource } from "../../src/lib/kb/yaml-source.ts";
import { ROOT } from "../helpers/fixtures.ts";

/** What `yaml` alone makes of a text: the data every check was written against. */
function reference(text: string): unknown {
  return parse(text, { uniqueKeys: true, prettyErrors: false });
}

function dataOf(text: string, firstLine = 1): unknown {
  const parsed = parseYamlSource(text, firstLine);
  if (isYamlError(parsed)) throw new Error(parsed.message);
  return parsed.data;
}

// Scalars whose meaning differs between YAML versions and schemas, in plain YAML
// (no anchors, aliases or tags: the texts js-yaml reads).
const PLAIN = [
  "title: 职工教育\nsummary: 讲解《职业教育法》第二十四条",
  "a: yes\nb: no\nc: on\nd: off\ne: True\nf: FALSE\ng: ~\nh: null\ni: Null",
  "hex: 0x1A\noctal: 0o17\nleading: 017\nexp: 1e3\nfloat: 1.10\ninf: .inf\nminf: -.Inf\nnan: .NaN",
  "date: 2024-01-01\nstamp: 2024-01-01T10:00:00Z\ntime: 12:30\nversion: 1.2.3",
  "text: |\n  第一行\n  第二行\nfolded: >-\n  one\n  two\n",
  "list: [a, b, 3]\nmap: {x: 1, y: 二}\nnested:\n  - id: one\n    n: 1\n  - id: two\n",
  "quoted: \"\\u4e2d\\t文\"\nsingle: 'it''s'\nspaces: \"  keep  \"",
  "multi: this plain scalar\n  goes on\n  over lines\n",
  "? explicit key\n: value",
  "",
  "# only a comment\n",
  "empty:\nlist: []\nmap: {}",
];

describe("parseYamlSource", () => {
  it.each(PLAIN.map((text) => [JSON.stringify(text).slice(0, 40), text]))(
    "reads plain YAML as yaml does: %s",
    (_, text) => {
      expect(dataOf(text)).toEqual(reference(text));
    },
  );

  it("reads every YAML file and frontmatter of the sample as yaml does", () => {
    const content = join(ROOT, "content");
    let files = 0;
    for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const text = readFileSync(path, "utf8");
      const yaml = path.endsWith(".yaml")
        ? text
        : path.endsWith(".mdx")
          ? /^---\n([\s\S]*?)\n---/.exec(text)?.[1]
          : undefined;
      if (yaml === undefined) continue;
      expect([path, dataOf(yaml)]).toEqual([path, reference(yaml)]);
      files++;
    }
    expect(files).toBeGreaterThan(60);
  });

  it("places a value on its line in plain YAML, counting from the first line given", () => {
    const parsed = parseYamlSource("title: 课\nlessons:\n  - one\n  - two\n", 2);
    if (isYamlError(parsed)) throw new Error(parsed.message);
    expect(parsed.lineOf(["title"])).toBe(2);
    expect(parsed.lineOf(["lessons", 1])).toBe(5);
    expect(parsed.lineOf(["missing", "deeper"])).toBe(2);
  });

  it.each([
    ["a duplicate key", "title: 一\ntitle: 二\n", 2],
    ["a tab for indentation", "list:\n\t- a\n", 2],
    ["a full-width colon", "title： 课\nsummary: x\n", 1],
    ["bad indentation", "a:\n  b: 1\n c: 2\n", 3],
  ])("reports %s as yaml/syntax on its line", (_, text, line) => {
    const parsed = parseYamlSource(text);
    expect(isYamlError(parsed) && [parsed.code, parsed.line]).toEqual(["yaml/syntax", line]);
  });

  it("still refuses an unknown tag and an alias bomb (read by yaml, not js-yaml)", () => {
    const tagged = parseYamlSource("title: !zh 课\n");
    expect(isYamlError(tagged) && tagged.code).toBe("yaml/unknown-tag");
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
    ).join("\n")}\n`;
    const exploded = parseYamlSource(bomb);
    expect(isYamlError(exploded) && exploded.code).toBe("yaml/too-many-aliases");
  });
});
