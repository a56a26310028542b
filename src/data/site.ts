import { getEntry } from "astro:content";
import type { Site } from "../schemas/site.ts";

/** The site settings from content/site.yaml. */
export async function getSite(): Promise<Site> {
  const entry = await getEntry("site", "site");
  if (!entry) throw new Error("content/site.yaml was not loaded");
  return entry.data;
}
