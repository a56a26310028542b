import { base } from "astro:config/client";
import { joinBase } from "../lib/site/routes.ts";

export { routes } from "../lib/site/routes.ts";

/**
 * A link to a page of this site, with the configured base path. The base comes
 * from the Astro config, not import.meta.env.BASE_URL: Astro lets a BASE_URL
 * variable in the environment (vitest sets one) override the latter.
 */
export function href(path: string): string {
  return joinBase(base, path);
}
