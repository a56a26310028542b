import { type CollectionEntry, getCollection, getEntry } from "astro:content";
import { parseLessonPath } from "../lib/kb/content-paths.ts";
import { listPerBuild, perBuild } from "./per-build.ts";

export type CourseEntry = CollectionEntry<"courses">;
export type LessonEntry = CollectionEntry<"lessons">;

/** A lesson with its place in the course. */
export interface LessonInCourse {
  entry: LessonEntry;
  course: string;
  slug: string;
  order: number;
}

function placeOf(entry: LessonEntry): LessonInCourse {
  const parts = (entry.filePath ?? entry.id).split("/");
  const place = parseLessonPath(parts.slice(-2).join("/"));
  if (!place) throw new Error(`Lesson ${entry.id} has no NN- prefix`);
  return { entry, course: place.course, slug: place.slug, order: place.order };
}

let lessonsByCourse: Promise<Map<string, LessonInCourse[]>> | undefined;

/** All lessons grouped by course and ordered by file prefix; computed once per build. */
export function lessonIndex(): Promise<Map<string, LessonInCourse[]>> {
  lessonsByCourse ??= getCollection("lessons").then((entries) => {
    const index = new Map<string, LessonInCourse[]>();
    for (const lesson of entries.map(placeOf)) {
      const list = index.get(lesson.course) ?? [];
      list.push(lesson);
      index.set(lesson.course, list);
    }
    for (const list of index.values()) list.sort((a, b) => a.order - b.order);
    return index;
  });
  return lessonsByCourse;
}

/** Courses, featured first, then by title. */
export function getCourses(): Promise<CourseEntry[]> {
  return listPerBuild("courses", async () => {
    const courses = await getCollection("courses");
    return courses.sort(
      (a, b) => Number(b.data.featured) - Number(a.data.featured) || a.id.localeCompare(b.id),
    );
  });
}

/** One course by id. */
export function getCourse(id: string): Promise<CourseEntry | undefined> {
  return perBuild(
    `course\u0000${id}`,
    async (): Promise<CourseEntry | undefined> => getEntry("courses", id),
  );
}

/** The ordered lessons of a course. */
export async function getCourseLessons(courseId: string): Promise<LessonInCourse[]> {
  return (await lessonIndex()).get(courseId) ?? [];
}

/** Every lesson with its place, in course order. */
export async function getAllLessons(): Promise<LessonInCourse[]> {
  return [...(await lessonIndex()).values()].flat();
}
