/**
 * How file paths under content/ map to entry ids and URLs. Shared by the
 * Astro collections (src/content.config.ts) and `npm run check`, so both
 * agree on every id.
 */

/** `01-intro.mdx` → order 1, slug `intro`. */
export const LESSON_FILE = /^(\d{1,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** A lesson's place in its course, from its path relative to content/courses. */
export interface LessonPath {
  /** `<course>/<slug>`: unique across the site. */
  id: string;
  course: string;
  slug: string;
  order: number;
}

/** Parses `<course>/NN-<slug>.mdx`; undefined when the name does not follow the pattern. */
export function parseLessonPath(relativePath: string): LessonPath | undefined {
  const parts = relativePath.replaceAll("\\", "/").split("/");
  if (parts.length !== 2) return undefined;
  const [course, file] = parts as [string, string];
  const match = LESSON_FILE.exec(file);
  if (!match) return undefined;
  const slug = match[2] as string;
  return { id: `${course}/${slug}`, course, slug, order: Number(match[1]) };
}

/** `<folder>/course.yaml` or `<folder>/index.mdx` → `<folder>`. */
export function folderId(relativePath: string): string {
  return relativePath.replaceAll("\\", "/").split("/")[0] ?? relativePath;
}

/** `cases/<any folders>/<slug>.mdx` → `<slug>`: sub-folders only organise files. */
export function caseId(relativePath: string): string {
  const file = relativePath.replaceAll("\\", "/").split("/").at(-1) ?? relativePath;
  return file.replace(/\.mdx$/, "");
}

/** Ids must be URL-safe kebab-case. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What the knowledge base is made of at the top of its folder. */
export const KNOWN_TOP = [
  "site.yaml",
  "topics.yaml",
  "glossary.yaml",
  "campaigns.yaml",
  "courses",
  "policies",
  "cases",
  "events",
  "media",
  "materials",
] as const;

/**
 * What a knowledge base made by `union-kb init` also holds at its top: it is
 * its own npm project and git repository, and keeps its built site and
 * handouts in it (each ignored by its .gitignore). The check leaves them alone.
 */
export const PROJECT_NAMES = [
  "README.md",
  "CHANGELOG.md",
  "package.json",
  "package-lock.json",
  "node_modules",
  "dist",
  "dist-handouts",
] as const;
