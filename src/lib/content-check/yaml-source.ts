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
  const error = doc.errors[0];
  if (error) {
    const offset = error.pos[0];
    const line = lineCounter.linePos(offset).line;
    const sourceLine = text.split("\n")[line - 1] ?? "";
    const message = error.message.split("\n")[0] ?? error.message;
    return {
      line: line + firstLine - 1,
      message: `invalid YAML: ${message}`,
      hint: hintFor(sourceLine, message),
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
  return { data: doc.toJS(), lineOf };
}

/** True when the parse failed. */
export function isYamlError(value: YamlSource | YamlError): value is YamlError {
  return "message" in value;
}
