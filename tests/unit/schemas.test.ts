import { describe, expect, it } from "vitest";
import { CaseSchema } from "../../src/schemas/case.ts";
import { isRealDate } from "../../src/schemas/common.ts";
import { CourseSchema } from "../../src/schemas/course.ts";
import { GlossaryTermSchema } from "../../src/schemas/glossary.ts";
import { LessonSchema } from "../../src/schemas/lesson.ts";
import { MaterialPosterSchema } from "../../src/schemas/material-poster.ts";
import { PolicySchema } from "../../src/schemas/policy.ts";
import { SiteSchema } from "../../src/schemas/site.ts";
import { TopicSchema } from "../../src/schemas/topic.ts";

const base = { title: "标题", summary: "摘要", updated: "2026-03-01" };

/** The paths of the fields a parse rejects, e.g. ["level", "topics.0"]. */
function rejected(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join("."));
}

describe("dates", () => {
  it("accepts real days and refuses impossible ones", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2023-02-29")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("2026-1-01")).toBe(false);
  });

  it("refuses dates before 1949 or after 2100 (9999-12-31), as strings or YAML dates", () => {
    const lesson = { ...base, duration: 45, objectives: ["o"], format: "lecture" };
    const policy = {
      ...base,
      titleEn: "Law",
      shortTitle: "法",
      kind: "law",
      issuer: "全国人大常委会",
      adopted: "1996-05-15",
      status: "in-force",
    };
    const message = "a date from 1949-01-01 to 2100-12-31, e.g. 2022-05-01 (check the year)";
    const issues = (result: { success: boolean; error?: { issues: object[] } }) =>
      result.error?.issues.map((i) => ({ ...i })) ?? [];
    expect(issues(LessonSchema.safeParse({ ...lesson, updated: "9999-12-31" }))).toEqual([
      expect.objectContaining({ code: "custom", path: ["updated"], message }),
    ]);
    expect(
      rejected(LessonSchema.safeParse({ ...lesson, updated: new Date("9999-12-31") })),
    ).toEqual(["updated"]);
    expect(
      rejected(
        PolicySchema.safeParse({
          ...policy,
          adopted: "1900-01-01",
          effective: "2101-01-01",
          revisions: [{ date: "0001-01-01", note: "修订" }],
        }),
      ).sort(),
    ).toEqual(["adopted", "effective", "revisions.0.date"]);
    expect(PolicySchema.safeParse({ ...policy, adopted: "1949-10-01" }).success).toBe(true);
    expect(LessonSchema.safeParse({ ...lesson, updated: "2100-12-31" }).success).toBe(true);
    // An impossible day gets one message, not a second one about the range.
    expect(issues(LessonSchema.safeParse({ ...lesson, updated: "2023-02-30" }))).toEqual([
      expect.objectContaining({ message: "a real date written as YYYY-MM-DD, e.g. 2022-05-01" }),
    ]);
  });

  it("accepts a YAML Date object and a string alike, returning a UTC Date", () => {
    const fromString = LessonSchema.parse({
      ...base,
      duration: 45,
      objectives: ["o"],
      format: "lecture",
    });
    const fromDate = LessonSchema.parse({
      ...base,
      updated: new Date("2026-03-01"),
      duration: 45,
      objectives: ["o"],
      format: "lecture",
    });
    expect(fromString.updated.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(fromDate.updated).toEqual(fromString.updated);
  });
});

describe("CourseSchema", () => {
  const course = {
    ...base,
    audience: ["union-cadres"],
    level: "introductory",
    hours: 4,
    objectives: ["o"],
    format: "lecture",
  };
  it("accepts a valid course and fills defaults", () => {
    const parsed = CourseSchema.parse(course);
    expect(parsed.lang).toBe("zh-CN");
    expect(parsed.topics).toEqual([]);
    expect(parsed.featured).toBe(false);
  });
  it("rejects unknown audiences, levels, empty objectives and unknown fields", () => {
    const result = CourseSchema.safeParse({
      ...course,
      audience: ["bosses"],
      level: "easy",
      objectives: [],
      colour: "red",
    });
    expect(rejected(result).sort()).toEqual(["", "audience.0", "level", "objectives"]);
  });
  it("rejects non-positive hours and bad topic ids", () => {
    expect(
      rejected(CourseSchema.safeParse({ ...course, hours: 0, topics: ["Not An Id"] })).sort(),
    ).toEqual(["hours", "topics.0"]);
  });
});

describe("LessonSchema", () => {
  const lesson = { ...base, duration: 45, objectives: ["o"], format: "lecture" };
  it("accepts citations and handout options", () => {
    const parsed = LessonSchema.parse({
      ...lesson,
      cites: [{ policy: "vocational-education-law-2022", article: 24 }],
      handout: { paper: "Letter" },
    });
    expect(parsed.cites[0]?.article).toBe(24);
    expect(parsed.handout).toEqual({ paper: "Letter", noteLines: 8 });
  });
  it("rejects fractional article numbers, unknown citation keys, and a missing duration", () => {
    const { duration: _, ...noDuration } = lesson;
    const result = LessonSchema.safeParse({
      ...noDuration,
      cites: [{ policy: "x", article: 2.5, clause: 1 }],
    });
    expect(rejected(result).sort()).toEqual(["cites.0", "cites.0.article", "duration"]);
  });
});

describe("PolicySchema", () => {
  const policy = {
    ...base,
    titleEn: "Law",
    shortTitle: "法",
    kind: "law",
    issuer: "全国人民代表大会常务委员会",
    adopted: "1996-05-15",
    status: "in-force",
  };
  it("accepts a valid policy", () => {
    expect(PolicySchema.parse(policy).revisions).toEqual([]);
  });
  it("requires titleEn and rejects an unknown status or kind", () => {
    const { titleEn: _, ...noEnglish } = policy;
    expect(
      rejected(PolicySchema.safeParse({ ...noEnglish, status: "active", kind: "notice" })).sort(),
    ).toEqual(["kind", "status", "titleEn"]);
  });
});

describe("CaseSchema", () => {
  const entry = {
    ...base,
    kind: "dispute",
    sector: "制造业",
    year: 2025,
    fictional: true,
    lessonsLearned: ["l"],
  };
  it("accepts a valid case", () => {
    expect(CaseSchema.parse(entry).cites).toEqual([]);
  });
  it("requires the fictional flag and at least one lesson learned", () => {
    const { fictional: _, ...unsure } = entry;
    expect(rejected(CaseSchema.safeParse({ ...unsure, lessonsLearned: [] })).sort()).toEqual([
      "fictional",
      "lessonsLearned",
    ]);
  });
  it("rejects impossible years", () => {
    expect(rejected(CaseSchema.safeParse({ ...entry, year: 1800 }))).toEqual(["year"]);
    expect(
      rejected(CaseSchema.safeParse({ ...entry, year: 9999, updated: "9999-12-31" })).sort(),
    ).toEqual(["updated", "year"]);
  });
});

describe("data files", () => {
  it("validates topics and glossary terms", () => {
    expect(
      TopicSchema.safeParse({
        id: "vocational-training",
        zh: "职业培训",
        en: "Vocational training",
      }).success,
    ).toBe(true);
    expect(
      rejected(TopicSchema.safeParse({ id: "Vocational Training", zh: "", en: "x" })).sort(),
    ).toEqual(["id", "zh"]);
    const term = {
      id: "master-apprentice",
      zh: "师带徒",
      en: "mentoring",
      pinyin: "shī dài tú",
      definition: "定义",
    };
    expect(GlossaryTermSchema.parse(term).practiceTerm).toBe(false);
    expect(rejected(GlossaryTermSchema.safeParse({ ...term, pinyin: "师带徒" }))).toEqual([
      "pinyin",
    ]);
  });

  it("validates site settings: URL, base path, kiosk timing", () => {
    const site = { name: "库", nameEn: "KB", organisation: "工会", url: "https://kb.example.org" };
    const parsed = SiteSchema.parse(site);
    expect(parsed.base).toBe("/");
    expect(parsed.kiosk).toEqual({ enabled: false, homeAfterSeconds: 120 });
    expect(
      rejected(
        SiteSchema.safeParse({
          ...site,
          url: "kb.example.org",
          base: "kb",
          kiosk: { homeAfterSeconds: 5 },
        }),
      ).sort(),
    ).toEqual(["base", "kiosk.homeAfterSeconds", "url"]);
  });

  it("accepts only / or a folder path with safe segments as base", () => {
    const site = { name: "库", nameEn: "KB", organisation: "工会", url: "https://kb.example.org" };
    const base = (value: string) => SiteSchema.safeParse({ ...site, base: value });
    for (const good of ["/", "/kb/", "/union/kb/", "/kb-2024/", "/v1.2/", "/.well-known/"]) {
      expect(base(good).success, good).toBe(true);
    }
    const bad = ["/../", "/./kb/", "/kb/../", "/kb/./", "/.../", "//", "/kb//", "//kb/"];
    bad.push("/kb\\", "\\kb\\", "/kb?x/", "/kb#x/", "/kb", "kb/", "/KB/", "/k b/");
    for (const value of bad) {
      const result = base(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message, value).toBe(
        "/ or a folder path that starts and ends with /, e.g. /kb/ or /union/kb/ (lower-case letters, digits, - _ and .; no . or .. folders, no //)",
      );
    }
  });
});

describe("MaterialPosterSchema", () => {
  const poster = {
    title: "先培训 后上岗",
    lines: ["企业应当按照国家有关规定实行培训上岗制度。"],
    image: "/media/poster.jpg",
    imageAlt: "图",
  };

  it("defaults to A3 and accepts A4", () => {
    expect(MaterialPosterSchema.parse(poster).paper).toBe("A3");
    expect(MaterialPosterSchema.parse({ ...poster, paper: "A4" }).paper).toBe("A4");
  });

  it("refuses other paper, a long title, too many or too long lines and an image outside media/", () => {
    expect(rejected(MaterialPosterSchema.safeParse({ ...poster, paper: "Letter" }))).toEqual([
      "paper",
    ]);
    expect(rejected(MaterialPosterSchema.safeParse({ ...poster, title: "字".repeat(25) }))).toEqual(
      ["title"],
    );
    expect(
      rejected(MaterialPosterSchema.safeParse({ ...poster, lines: Array(7).fill("一行") })),
    ).toEqual(["lines"]);
    // Six lines of 51 characters: each allowed, 306 in all is more than one page holds.
    expect(
      rejected(
        MaterialPosterSchema.safeParse({ ...poster, lines: Array(6).fill("字".repeat(51)) }),
      ),
    ).toEqual(["lines"]);
    expect(
      MaterialPosterSchema.safeParse({ ...poster, lines: Array(6).fill("字".repeat(50)) }).success,
    ).toBe(true);
    expect(rejected(MaterialPosterSchema.safeParse({ ...poster, image: "poster.jpg" }))).toEqual([
      "image",
    ]);
  });
});
