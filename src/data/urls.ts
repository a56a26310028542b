import { joinBase } from "../lib/routes.ts";

export { routes } from "../lib/routes.ts";

/** A link to a page of this site, with the configured base path. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
