import type { APIRoute } from "astro";
import { getCourseLessons, getCourses } from "../../data/courses.ts";
import { getSite } from "../../data/site.ts";
import type { HandoutEntry, HandoutIndex } from "../../lib/handouts/jobs.ts";
import { coursePaper } from "../../lib/handouts/text.ts";
import { pdfPath, printPath } from "../../lib/handouts/urls.ts";

/** dist/print/handouts.json: every print view and its PDF name, read by `npm run handouts`. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const handouts: HandoutEntry[] = [];
  for (const course of await getCourses()) {
    const lessons = await getCourseLessons(course.id);
    handouts.push({
      course: course.id,
      title: course.data.title,
      path: printPath(course.id),
      pdf: pdfPath(course.id),
      paper: coursePaper(lessons.map((l) => l.entry.data.handout.paper)),
    });
    for (const lesson of lessons) {
      handouts.push({
        course: course.id,
        lesson: lesson.slug,
        title: lesson.entry.data.title,
        path: printPath(course.id, lesson.slug),
        pdf: pdfPath(course.id, lesson.slug),
        paper: lesson.entry.data.handout.paper,
      });
    }
  }
  const index: HandoutIndex = { base: site.base, url: site.url, handouts };
  return new Response(`${JSON.stringify(index, null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
