import type { KnowledgeBase } from "../../kb/load.ts";
import { finding } from "../../problems/problem.ts";
import { checkIds } from "./ids.ts";
import type { Report } from "./report.ts";

/** Checks that a course's `translationOf` names a course, and warns about a course without lessons. */
export function checkCourses(report: Report, kb: KnowledgeBase): void {
  const courseIds = new Set(kb.courses.map((c) => c.id));
  for (const course of kb.courses) {
    const { translationOf } = course.data;
    if (translationOf)
      checkIds(
        report,
        course,
        "translationOf",
        [translationOf],
        courseIds,
        "course/unknown-translation",
      );
    if (!kb.lessons.some((l) => l.course === course.id)) {
      report(course, finding("course/no-lessons", {}));
    }
  }
}
