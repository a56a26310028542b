import { type Document, isNode, LineCounter, parseDocument } from "yaml";

/** Parsed YAML with a way back from a field path to its line in the file. */
export interface YamlSource {
  data: unknown;
  /** Line (1-based, in the whole file) of the value at `path`, or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A YAML syntax error, placed and explained. */
export interface YamlError {
  line: number;
  message: string;
  hint: string;
}

/** Explains the YAML mistakes people make when pasting from Word or a Chinese input method. */
function hintFor(sourceLine: string, message: string): string {
  if (sourceLine.includes("：") && !sourceLine.includes(":")) {
    return "this line uses a full-width colon “：”; after a field name write a half-width colon and a space, e.g. `title: 标题`";
  }
  if (/^\t/.test(sourceLine) || message.includes("Tabs")) {
    return "YAML does not allow tabs for indentation; indent with spaces (two per level)";
  }
  if (/^\s*[^#\s][^:]*$/.test(sourceLine)) {
    return "every line should be `field: value` or a list item `- value`; check for a missing colon";
  }
  return "check the indentation and quotes on this line; text containing “: ” or starting with a special character needs quotes";
}

/**
 * Parses YAML that starts at `firstLine` of a file (frontmatter starts at line 2).
 * Returns the first syntax error instead of throwing.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource | YamlError {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const sourceLine = text.split("\n")[line - 1] ?? "";
    const message = error.message.split("\n")[0] ?? error.message;
    return {
      line: line + firstLine - 1,
      message: `invalid YAML: ${message}`,
      hint: hintFor(sourceLine, message),
    };
  }
  // A tag such as `!zh` means nothing to Union KB; other YAML readers refuse it
  // or read it differently, so the site would not be what the check saw.
  const tag = doc.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tag) {
    return {
      line: lineAt(tag.pos[0]),
      message: `invalid YAML: an unknown tag (${/!\S*/.exec(tag.message)?.[0] ?? "!…"})`,
      hint: "remove the tag (the word starting with “!”); write the value as plain text, in quotes if it starts with ! or another special character",
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases (*name) that expand into each other can blow a small file up
    // into gigabytes; `yaml` stops at 100 and throws.
    return {
      line: firstLine,
      message: `invalid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      hint: "the file uses too many YAML aliases (*name); write the values out instead of referring to them",
    };
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
