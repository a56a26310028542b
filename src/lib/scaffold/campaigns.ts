import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Campaign, CampaignSchema } from "../../schemas/campaign.ts";
import { isYamlError, parseYamlSource } from "../kb/yaml-source.ts";

/**
 * The valid templates of content/campaigns.yaml, for `npm run new -- event
 * --campaign`. A broken file gives none here; `npm run check` explains it.
 */
export function readCampaigns(contentDir: string): Campaign[] {
  const path = join(contentDir, "campaigns.yaml");
  if (!existsSync(path)) return [];
  const source = parseYamlSource(readFileSync(path, "utf8"));
  if (isYamlError(source) || !Array.isArray(source.data)) return [];
  return source.data.flatMap((item) => {
    const parsed = CampaignSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
