import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { MEDIA_PROPS } from "../mdx/components.ts";
import { mdxTreeOf } from "../mdx/parse.ts";
import { componentsOf, type MdxElement } from "../mdx/scan.ts";
import { MEDIA_PREFIX, mediaPath } from "../media/files.ts";
import { fileHead, formatProblem } from "../media/formats.ts";
import { type Finding, finding, inFile, type Problem } from "../problems/problem.ts";

const DEFAULT_MAX_MB = 50;

/**
 * The files one `<Video>` or `<Audio>` names: each must be in the content
 * folder's media/, exist, be of a format Chromium plays offline (by extension
 * and by its first bytes), and not be larger than site.yaml's limit. A video
 * with speech must have Chinese captions.
 */
function elementProblems(element: MdxElement, contentDir: string, maxMB: number): Finding[] {
  const found: Finding[] = [];
  const tag = element.name;
  const { line } = element;
  for (const [prop, role] of Object.entries(MEDIA_PROPS)) {
    const url = element.attributes[prop];
    if (typeof url !== "string" || !url.trim()) continue;
    const values = { tag, prop, url };
    const abs = url.startsWith(MEDIA_PREFIX) ? mediaPath(contentDir, url) : undefined;
    if (!abs) {
      found.push(finding("media/outside-folder", { line, values }));
      continue;
    }
    if (!existsSync(abs) || !statSync(abs).isFile()) {
      const rel = relative(process.cwd(), abs);
      const path = rel && !rel.startsWith("..") ? rel : abs;
      found.push(finding("media/missing-file", { line, values: { ...values, path } }));
      continue;
    }
    const fileRole = role === "media" ? (tag === "Video" ? "video" : "audio") : role;
    const format = formatProblem(fileRole, abs, fileHead(abs));
    if (format?.kind === "extension") {
      const allowed = format.allowed.join(", ");
      found.push(
        finding("media/unplayable-format", {
          line,
          values: { ...values, extension: format.extension, allowed },
        }),
      );
      continue;
    }
    if (format?.kind === "content") {
      found.push(
        finding("media/unplayable-format", {
          line,
          variant: "content",
          values: { ...values, extension: format.extension, found: format.found, allowed: "" },
        }),
      );
      continue;
    }
    const size = statSync(abs).size;
    if (size > maxMB * 1024 * 1024) {
      found.push(
        finding("media/too-large", {
          line,
          values: { ...values, size: (size / 1024 / 1024).toFixed(1), max: maxMB },
        }),
      );
    }
  }
  const { captions, speech, title } = element.attributes;
  if (
    tag === "Video" &&
    speech !== false &&
    speech !== "false" &&
    (typeof captions !== "string" || !captions.trim())
  ) {
    found.push(
      finding("media/video-no-captions", {
        line,
        values: { title: String(title ?? ""), noSpeech: "speech={false}" },
      }),
    );
  }
  return found;
}

/** Checks every `<Video>` and `<Audio>` of every MDX body (see elementProblems). */
export function checkMedia(kb: KnowledgeBase, cwd = process.cwd()): Problem[] {
  const contentDir = resolve(cwd, kb.contentDir);
  const maxMB = kb.site?.data.media?.maxFileMB ?? DEFAULT_MAX_MB;
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  return entries.flatMap((entry) => {
    const tree = mdxTreeOf(entry);
    if (!tree || entry.bodyLine === undefined) return [];
    return componentsOf(tree, entry.bodyLine)
      .filter((element) => element.name === "Video" || element.name === "Audio")
      .flatMap((element) => elementProblems(element, contentDir, maxMB))
      .map((problem) => inFile(problem, entry.file));
  });
}
