import { CORE_SCHEMA, load as loadPlainYaml } from "js-yaml";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import { type Finding, finding } from "../problems/problem.ts";

/** Parsed YAML with a way back from a field path to its line in the file. */
export interface YamlSource {
  data: unknown;
  /** Line (1-based, in the whole file) of the value at `path`, or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A YAML syntax error (a `yaml/…` problem), placed and explained. */
export type YamlError = Finding & { line: number };

/** Which hint explains the YAML mistakes people make when pasting from Word or a Chinese input method. */
function hintFor(
  sourceLine: string,
  message: string,
): "fullWidthColon" | "tab" | "missingColon" | undefined {
  if (sourceLine.includes("：") && !sourceLine.includes(":")) return "fullWidthColon";
  if (/^\t/.test(sourceLine) || message.includes("Tabs")) return "tab";
  if (/^\s*[^#\s][^:]*$/.test(sourceLine)) return "missingColon";
  return undefined;
}

/**
 * Characters that start an anchor, alias, tag or merge key, or a second
 * document: YAML that uses none of them is plain data, the kind authors write.
 */
const NOT_PLAIN = /[&*!]|<<|^---|^\.\.\.|^%/m;

/**
 * Parses YAML that starts at `firstLine` of a file (frontmatter starts at line 2).
 * Returns the first syntax error instead of throwing.
 *
 * Plain YAML (see NOT_PLAIN) is read with js-yaml's YAML 1.2 core schema,
 * which gives the same data as `yaml` at a tenth of the time (measured over
 * the sample and 1,000 generated entries: same data, 30–65 ms instead of
 * 470–600 ms). `yaml`'s document, which knows each value's line, is made only
 * when a line is asked for (a problem to place). Anything else, and anything
 * js-yaml refuses (duplicate keys, bad indentation …), goes through `yaml`,
 * whose messages and checks (unique keys, unknown tags, alias bombs) the
 * problems are written for.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource | YamlError {
  if (!NOT_PLAIN.test(text)) {
    let data: unknown;
    try {
      // An empty document is null in `yaml`, undefined in js-yaml.
      data = loadPlainYaml(text, { schema: CORE_SCHEMA }) ?? null;
    } catch {
      return parseWithLines(text, firstLine);
    }
    let withLines: YamlSource | YamlError | undefined;
    return {
      data,
      lineOf(path) {
        withLines ??= parseWithLines(text, firstLine);
        return isYamlError(withLines) ? undefined : withLines.lineOf(path);
      },
    };
  }
  return parseWithLines(text, firstLine);
}

/** `parseYamlSource` with `yaml`'s document: every check, every line. */
function parseWithLines(text: string, firstLine: number): YamlSource | YamlError {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const sourceLine = text.split("\n")[line - 1] ?? "";
    const message = error.message.split("\n")[0] ?? error.message;
    return {
      ...finding("yaml/syntax", {
        variant: hintFor(sourceLine, message),
        values: { reason: message },
      }),
      line: line + firstLine - 1,
    };
  }
  // A tag such as `!zh` means nothing to Union KB; other YAML readers refuse it
  // or read it differently, so the site would not be what the check saw.
  const tag = doc.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tag) {
    return {
      ...finding("yaml/unknown-tag", { values: { tag: /!\S*/.exec(tag.message)?.[0] ?? "!…" } }),
      line: lineAt(tag.pos[0]),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases (*name) that expand into each other can blow a small file up
    // into gigabytes; `yaml` stops at 100 and throws.
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return { ...finding("yaml/too-many-aliases", { values: { reason } }), line: firstLine };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range)
        return lineCounter.linePos(node.range[0]).line + firstLine - 1;
    }
    return undefined;
  };
  return { data, lineOf };
}

/** True when the parse failed. */
export function isYamlError(value: YamlSource | YamlError): value is YamlError {
  return "message" in value;
}
