import { closeSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";

/**
 * Media formats Chromium plays on its own, with no codec pack and no network:
 * MP4 (H.264/AAC), WebM (VP8/VP9/AV1, Vorbis/Opus), MP3 and Ogg (Opus/Vorbis).
 * WebVTT for captions; posters as the images every browser shows.
 */
export const PLAYABLE = {
  video: [".mp4", ".m4v", ".webm"],
  audio: [".mp3", ".ogg", ".opus", ".oga", ".webm", ".m4a"],
} as const;
export const CAPTION_EXTENSIONS = [".vtt"] as const;
export const POSTER_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp", ".avif"] as const;

/** What kind of file a `<Video>`/`<Audio>` prop names. */
export type MediaRole = "video" | "audio" | "captions" | "poster";

/** The container a file's first bytes show, or undefined when they show none we know. */
export type Container = "mp4" | "webm" | "mp3" | "ogg" | "vtt" | "jpeg" | "png" | "webp" | "other";

/**
 * The container from a file's first bytes (its "magic number"): cheaper and
 * surer than trusting the extension, and enough to tell an AVI or a WMV
 * renamed to .mp4. Codecs inside MP4 are not read here.
 */
export function sniffContainer(head: Uint8Array): Container {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(4, 8) === "ftyp") return "mp4";
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "webm";
  if (ascii(0, 3) === "ID3" || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return "mp3";
  if (ascii(0, 4) === "OggS") return "ogg";
  // WebVTT may start with a byte order mark.
  const text = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? ascii(3, 9) : ascii(0, 6);
  if (text === "WEBVTT") return "vtt";
  if (head[0] === 0xff && head[1] === 0xd8) return "jpeg";
  if (ascii(1, 4) === "PNG") return "png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return "other";
}

/** The first bytes of a file (enough for sniffContainer). */
export function fileHead(path: string, bytes = 16): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const head = new Uint8Array(bytes);
    const read = readSync(fd, head, 0, bytes, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Containers each extension may hold (an .m4a is MP4, an .opus is Ogg…). */
const CONTAINER_OF: Record<string, readonly Container[]> = {
  ".mp4": ["mp4"],
  ".m4v": ["mp4"],
  ".m4a": ["mp4"],
  ".webm": ["webm"],
  ".mp3": ["mp3"],
  ".ogg": ["ogg"],
  ".oga": ["ogg"],
  ".opus": ["ogg"],
  ".vtt": ["vtt"],
  ".jpg": ["jpeg"],
  ".jpeg": ["jpeg"],
  ".png": ["png"],
  ".webp": ["webp"],
};

/** Why a file cannot serve in a role: its extension, or its bytes. */
export type FormatProblem =
  | { kind: "extension"; extension: string; allowed: readonly string[] }
  | { kind: "content"; extension: string; found: Container };

/**
 * Whether a file of a role has an allowed extension and, when `head` is given,
 * bytes of the container that extension promises. Undefined when all is well.
 */
export function formatProblem(
  role: MediaRole,
  path: string,
  head?: Uint8Array,
): FormatProblem | undefined {
  const extension = extname(path).toLowerCase();
  const allowed =
    role === "captions"
      ? CAPTION_EXTENSIONS
      : role === "poster"
        ? POSTER_EXTENSIONS
        : PLAYABLE[role];
  if (!(allowed as readonly string[]).includes(extension))
    return { kind: "extension", extension: extension || "(none)", allowed };
  const expected = CONTAINER_OF[extension];
  if (!head || !expected) return undefined;
  const found = sniffContainer(head);
  return expected.includes(found) ? undefined : { kind: "content", extension, found };
}

/** The MIME type of a media file for `<source type>`, from its extension. */
export function mediaType(path: string): string | undefined {
  return {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".m4a": "audio/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
  }[extname(path).toLowerCase()];
}
