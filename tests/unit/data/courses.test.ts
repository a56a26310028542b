import { beforeAll, describe, expect, it } from "vitest";
import { type DataLayer, dataLayer, LIBRARY } from "../../helpers/astro-content.ts";

// tests/fixtures/extra/library/ adds to the valid fixture's featured course
// training-rights (lessons 01-duties, 02-funds): zeta-funds (featured, no
// lessons yet), aaa-safety (not featured; lessons 9-ninth and 10-tenth) and
// training-rights-en (its English translation, lesson 01-duties).
let kb: DataLayer;
beforeAll(async () => {
  kb = await dataLayer(LIBRARY);
});

describe("getCourses", () => {
  it("lists featured courses first, then the rest, each by id", async () => {
    const ids = (await kb.courses.getCourses()).map((c) => c.id);
    expect(ids).toEqual(["training-rights", "zeta-funds", "aaa-safety", "training-rights-en"]);
  });

  it("returns entries with the schema's defaults applied", async () => {
    const safety = (await kb.courses.getCourses()).find((c) => c.id === "aaa-safety");
    expect(safety?.data.featured).toBe(false);
    expect(safety?.data.lang).toBe("zh-CN");
    expect(safety?.data.updated).toEqual(new Date("2024-05-01"));
  });
});

describe("getCourse", () => {
  it("finds a course by id, and nothing for an unknown id", async () => {
    expect((await kb.courses.getCourse("zeta-funds"))?.data.title).toBe("职工教育经费怎么用");
    expect(await kb.courses.getCourse("no-such-course")).toBeUndefined();
  });
});

describe("getCourseLessons", () => {
  it("orders lessons by the number of their file name, not as text (9 before 10)", async () => {
    const lessons = await kb.courses.getCourseLessons("aaa-safety");
    expect(lessons.map((l) => [l.order, l.slug])).toEqual([
      [9, "ninth"],
      [10, "tenth"],
    ]);
  });

  it("gives each lesson its course and slug from the file path", async () => {
    const [first, second] = await kb.courses.getCourseLessons("training-rights");
    expect(first).toMatchObject({ course: "training-rights", slug: "duties", order: 1 });
    expect(first?.entry.data.title).toBe("企业的培训义务");
    expect(second).toMatchObject({ course: "training-rights", slug: "funds", order: 2 });
  });

  it("keeps a lesson with the same slug in another course apart", async () => {
    const english = await kb.courses.getCourseLessons("training-rights-en");
    expect(english.map((l) => l.entry.id)).toEqual(["training-rights-en/duties"]);
    expect(english[0]?.entry.data.lang).toBe("en");
  });

  it("is empty for a course without lessons and for an unknown course", async () => {
    expect(await kb.courses.getCourseLessons("zeta-funds")).toEqual([]);
    expect(await kb.courses.getCourseLessons("no-such-course")).toEqual([]);
  });
});

describe("getAllLessons and lessonIndex", () => {
  it("lists every lesson once, each course's lessons together and in order", async () => {
    const all = await kb.courses.getAllLessons();
    expect(all).toHaveLength(5);
    const ids = all.map((l) => `${l.course}/${l.slug}`);
    expect(new Set(ids).size).toBe(5);
    for (const course of ["aaa-safety", "training-rights", "training-rights-en"]) {
      const mine = all.filter((l) => l.course === course);
      const start = all.indexOf(mine[0] as (typeof all)[number]);
      expect(all.slice(start, start + mine.length)).toEqual(mine);
      expect(mine.map((l) => l.order)).toEqual(mine.map((l) => l.order).toSorted((a, b) => a - b));
    }
  });

  it("groups lessons by course, with only courses that have lessons", async () => {
    const index = await kb.courses.lessonIndex();
    expect([...index.keys()].sort()).toEqual([
      "aaa-safety",
      "training-rights",
      "training-rights-en",
    ]);
    expect(index.get("training-rights")?.map((l) => l.slug)).toEqual(["duties", "funds"]);
  });

  it("computes the index once and hands out the same map", async () => {
    expect(await kb.courses.lessonIndex()).toBe(await kb.courses.lessonIndex());
  });
});

describe("a lesson file without its NN- number", () => {
  it("stops with the lesson's id instead of placing it anywhere", async () => {
    const broken = await dataLayer();
    const lessons = broken.collections.get("lessons") ?? [];
    const first = lessons[0];
    if (!first) throw new Error("the valid fixture has lessons");
    lessons[0] = { ...first, filePath: "content/courses/training-rights/duties.mdx" };
    await expect(broken.courses.getAllLessons()).rejects.toThrow(
      `Lesson ${first.id} has no NN- prefix`,
    );
  });
});
