import { readFileSync } from "node:fs";
import type { GetStaticPaths } from "astro";
import { contentDir } from "../../lib/kb/content-dir.ts";
import { type MediaFile, mediaFiles } from "../../lib/media/files.ts";

export const getStaticPaths = (() =>
  mediaFiles(contentDir()).map((file) => ({
    params: { file: file.path },
    props: { file },
  }))) satisfies GetStaticPaths;

/** /media/<path>: a file of the knowledge base's media/ folder, copied as it is. */
export function GET({ props }: { props: { file: MediaFile } }): Response {
  return new Response(readFileSync(props.file.abs));
}
