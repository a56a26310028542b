import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseLessonPath } from "../kb/content-paths.ts";

/** Folder names under content/courses that have a course.yaml. */
export function listCourses(contentDir: string): string[] {
  const dir = join(contentDir, "courses");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "course.yaml")))
    .sort();
}

/** The number the next lesson of a course gets: one more than the highest, from 1. */
export function nextLessonNumber(courseDir: string): number {
  const orders = existsSync(courseDir)
    ? readdirSync(courseDir).flatMap((file) => parseLessonPath(`c/${file}`)?.order ?? [])
    : [];
  return Math.max(0, ...orders) + 1;
}
