import type { APIRoute } from "astro";
import { getCourseLessons, getCourses } from "../../data/courses.ts";
import { getVersionPairs } from "../../data/law-versions.ts";
import { getMaterials } from "../../data/materials.ts";
import { getSite } from "../../data/site.ts";
import type { HandoutEntry, HandoutIndex } from "../../lib/handouts/jobs.ts";
import { coursePaper } from "../../lib/handouts/text.ts";
import {
  comparePdfPath,
  comparePrintPath,
  pdfPath,
  posterPdfPath,
  posterPrintPath,
  printPath,
} from "../../lib/handouts/urls.ts";

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
  // Each 新旧条文对照表 is listed under the newer law's id, as its "course":
  // `npm run handouts -- vocational-education-law-2022` prints it alone.
  for (const pair of await getVersionPairs()) {
    handouts.push({
      course: pair.newer.id,
      lesson: `compare-${pair.older.id}`,
      title: `新旧条文对照表：${pair.older.data.shortTitle} → ${pair.newer.data.shortTitle}`,
      path: comparePrintPath(pair.newer.id, pair.older.id),
      pdf: comparePdfPath(pair.newer.id, pair.older.id),
      paper: "A4",
      orientation: "landscape",
    });
  }
  // Noticeboard posters are listed under "materials": `npm run handouts -- materials` prints
  // them all, `npm run handouts -- materials <material>` one.
  for (const material of await getMaterials()) {
    const { poster } = material.data;
    if (!poster) continue;
    handouts.push({
      course: "materials",
      lesson: material.id,
      title: poster.title,
      path: posterPrintPath(material.id),
      pdf: posterPdfPath(material.id),
      paper: poster.paper,
      kind: "poster",
    });
  }
  const index: HandoutIndex = { base: site.base, url: site.url, handouts };
  return new Response(`${JSON.stringify(index, null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
