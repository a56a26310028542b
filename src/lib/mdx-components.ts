/** Components authors may use in MDX without importing them (see docs/authoring.md). */
export const MDX_COMPONENTS = ["Cite"] as const;
export type MdxComponentName = (typeof MDX_COMPONENTS)[number];
