import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Entry, KnowledgeBase } from "../kb/load.ts";
import { MEDIA_PROPS } from "../mdx/components.ts";
import { mdxTreeOf } from "../mdx/parse.ts";
import { componentsOf, type MdxElement } from "../mdx/scan.ts";
import { MEDIA_PREFIX, mediaPath } from "../media/files.ts";
import { fileHead, formatProblem, POSTER_EXTENSIONS } from "../media/formats.ts";
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
  const { captions, noSpeech, title } = element.attributes;
  if (tag === "Video" && noSpeech !== true && (typeof captions !== "string" || !captions.trim())) {
    found.push(
      finding("media/video-no-captions", {
        line,
        values: { title: String(title ?? "") },
      }),
    );
  }
  return found;
}

/** Checks the files, preview, poster image and campaign of every publicity material (content/materials/). */
function materialProblems(kb: KnowledgeBase, contentDir: string): Problem[] {
  const problems: Problem[] = [];
  const campaigns = new Set(kb.campaigns.map((c) => c.id));
  for (const material of kb.materials) {
    const at = (path: (string | number)[], found: Finding) =>
      problems.push(
        inFile(
          {
            ...found,
            field: path
              .map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p))
              .join(""),
            ...(material.lineOf?.(path) ? { line: material.lineOf(path) as number } : {}),
          },
          material.file,
        ),
      );
    const files: [(string | number)[], string][] = [
      [["preview"], material.data.preview],
      ...material.data.files.map((f, i): [(string | number)[], string] => [
        ["files", i, "path"],
        f.path,
      ]),
      ...(material.data.poster
        ? [[["poster", "image"], material.data.poster.image] as [(string | number)[], string]]
        : []),
    ];
    for (const [path, url] of files) {
      const abs = mediaPath(contentDir, url);
      if (!abs || !existsSync(abs) || !statSync(abs).isFile()) {
        const rel = abs ? relative(process.cwd(), abs) : url;
        at(
          path,
          finding("material/missing-file", {
            values: { url, path: rel && !rel.startsWith("..") ? rel : (abs ?? url) },
          }),
        );
      } else if (path[0] === "poster" && formatProblem("poster", abs, fileHead(abs))) {
        at(
          path,
          finding("material/poster-image-not-image", {
            values: { url, allowed: POSTER_EXTENSIONS.join(", ") },
          }),
        );
      } else if (path[0] === "preview" && formatProblem("poster", abs, fileHead(abs))) {
        at(
          path,
          finding("material/preview-not-image", {
            values: { url, allowed: POSTER_EXTENSIONS.join(", ") },
          }),
        );
      }
    }
    const { campaign } = material.data;
    if (campaign && !kb.unreadable.has("campaigns") && !campaigns.has(campaign)) {
      at(
        ["campaign"],
        finding("material/unknown-campaign", {
          values: { id: campaign, known: [...campaigns].sort().join(", ") },
        }),
      );
    }
  }
  return problems;
}

/** Checks every `<Video>` and `<Audio>` of every MDX body (see elementProblems) and every material's files. */
export function checkMedia(kb: KnowledgeBase, cwd = process.cwd()): Problem[] {
  const contentDir = resolve(cwd, kb.contentDir);
  const maxMB = kb.site?.data.media?.maxFileMB ?? DEFAULT_MAX_MB;
  const entries: Entry<unknown>[] = [...kb.lessons, ...kb.cases, ...kb.policies];
  const inBodies = entries.flatMap((entry) => {
    const tree = mdxTreeOf(entry);
    if (!tree || entry.bodyLine === undefined) return [];
    return componentsOf(tree, entry.bodyLine)
      .filter((element) => element.name === "Video" || element.name === "Audio")
      .flatMap((element) => elementProblems(element, contentDir, maxMB))
      .map((problem) => inFile(problem, entry.file));
  });
  return [...inBodies, ...materialProblems(kb, contentDir)];
}
