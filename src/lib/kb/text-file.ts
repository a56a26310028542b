import { readFileSync } from "node:fs";
import { type Finding, finding } from "../problems/problem.ts";

/** The text of a file, or why it cannot be read as UTF-8 text (a `file/…` problem). */
export type TextFileResult = { ok: true; text: string } | ({ ok: false } & Finding);

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030", { fatal: true });

/** 1-based line of a byte offset, counting LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Byte offset of the first line that is not valid UTF-8 (line by line, so characters are never split). */
function firstBadUtf8Line(bytes: Uint8Array): number {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    try {
      utf8.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return bytes.length;
}

/**
 * Decodes content bytes as UTF-8 and explains the usual ways files copied from
 * Word, WeChat or old Windows editors go wrong: a byte-order mark, GBK/GB18030
 * encoding, or bytes that are not text at all.
 */
export function decodeContentBytes(bytes: Uint8Array): TextFileResult {
  if (bytes.length === 0) {
    return { ok: false, ...finding("file/empty", {}) };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, ...finding("file/byte-order-mark", { line: 1 }) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = lineOfByte(bytes, firstBadUtf8Line(bytes));
    try {
      gb18030.decode(bytes);
      return { ok: false, ...finding("file/gbk-encoding", { line }) };
    } catch {
      return { ok: false, ...finding("file/not-utf8", { line }) };
    }
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0) ?? 0;
    return {
      ok: false,
      ...finding("file/control-character", {
        line: text.slice(0, control.index).split("\n").length,
        values: { codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}` },
      }),
    };
  }
  return { ok: true, text };
}

/**
 * Control characters other than tab and line breaks: never part of a text an
 * author meant to write, and a NUL byte is read differently by different parsers.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Reads a content file as strict UTF-8 (see decodeContentBytes). */
export function readContentFile(path: string): TextFileResult {
  return decodeContentBytes(readFileSync(path));
}
