import { type CollectionEntry, getCollection } from "astro:content";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { nameIn } from "../i18n/index.ts";
import { contentDir } from "../lib/kb/content-dir.ts";
import { formatSize, mediaPath } from "../lib/media/files.ts";
import type { Locale } from "../schemas/common.ts";
import { listPerBuild } from "./per-build.ts";

export type MaterialEntry = CollectionEntry<"materials">;

/** Publicity materials, newest first (ties by id, so builds are stable). */
export function getMaterials(): Promise<MaterialEntry[]> {
  return listPerBuild("materials", async () =>
    (await getCollection("materials")).sort(
      (a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id),
    ),
  );
}

/** A file of a material as its page lists it. */
export interface MaterialFileShown {
  path: string;
  label: string;
  /** “1.4 MB”; the check makes sure the file exists. */
  size: string;
  /** PDF, PNG, MP4… */
  format: string;
}

/** A material's files with their sizes, read from the media folder at build time. */
export function materialFiles(entry: MaterialEntry): MaterialFileShown[] {
  return entry.data.files.map((file) => {
    const abs = mediaPath(contentDir(), file.path);
    let bytes = 0;
    try {
      if (abs) bytes = statSync(abs).size;
    } catch {
      // The check reports a missing file; the page still builds.
    }
    return {
      path: file.path,
      label: file.label,
      size: formatSize(bytes),
      format: (file.path.split(".").at(-1) ?? "").toUpperCase(),
    };
  });
}

interface CampaignName {
  id: string;
  title: string;
  titleEn?: string;
}

let campaigns: Promise<CampaignName[]> | undefined;

/**
 * A campaign's name in a UI language. content/campaigns.yaml is a template
 * file the check reads, not a collection; its names are all the site needs.
 */
export async function campaignName(locale: Locale, id: string): Promise<string | undefined> {
  campaigns ??= readFile(join(contentDir(), "campaigns.yaml"), "utf8")
    .then((text) => (parseYaml(text) as CampaignName[] | null) ?? [])
    .catch(() => []);
  const campaign = (await campaigns).find((c) => c.id === id);
  return campaign
    ? nameIn(locale, { zh: campaign.title, en: campaign.titleEn ?? campaign.title })
    : undefined;
}
