/**
 * Placeholder filling for UI strings, shared by the pages (through `t()` in
 * ./index.ts) and the browser scripts (search results, kiosk mode), which get
 * their strings as templates in data attributes. It imports no dictionary, so
 * a browser bundle that uses it stays small.
 */

/** Values for a UI string's `{name}` placeholders. */
export type UiValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the `{name}` placeholders of a UI string: `interpolate("共 {n} 项",
 * { n: 3 })` is `共 3 项`. A placeholder with no value is left as written, so a
 * missing value shows up on the page instead of an empty gap.
 */
export function interpolate(template: string, values: UiValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The names of a UI string's placeholders, in order: `["page", "pages"]`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}
