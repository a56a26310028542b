import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { articleLabel, versionedLawNames } from "../../src/lib/law/article-label.ts";
import {
  applyOverrides,
  computeArticleMap,
  countClasses,
} from "../../src/lib/law/compare/article-map.ts";
import {
  bigrams,
  containment,
  normaliseLawText,
  similarity,
} from "../../src/lib/law/compare/normalise.ts";
import { parseLawText } from "../../src/lib/law/parse-law-text.ts";
import { databaseStatus } from "../../src/lib/site/policy-version.ts";
import { LawChangesSchema } from "../../src/schemas/law-changes.ts";
import { ROOT } from "../helpers/fixtures.ts";

const law = (id: string) =>
  parseLawText(readFileSync(join(ROOT, "content/policies", id, "text.zh.md"), "utf8"));
const text = (...articles: string[]) =>
  parseLawText(articles.map((a, i) => `第${"一二三四五六七八九十"[i]}条 ${a}`).join("\n\n"));

describe("normaliseLawText", () => {
  it("folds full-width and half-width forms, punctuation and white space", () => {
    expect(normaliseLawText("（一）企业，应当；ＡＢＣ１２")).toBe(
      normaliseLawText("(一)企业,应当;ABC12"),
    );
    expect(normaliseLawText("职业学校、　培训机构。")).toBe("职业学校,培训机构.");
    expect(normaliseLawText("《劳动法》“培训”")).toBe('<劳动法>"培训"');
  });

  it("reads counted Chinese numerals as Arabic ones and leaves words alone", () => {
    expect(normaliseLawText("本法第二十条")).toBe("本法第20条");
    expect(normaliseLawText("本法第20条")).toBe("本法第20条");
    expect(normaliseLawText("自二〇二二年五月一日起")).toBe(
      normaliseLawText("自二〇二二年5月1日起"),
    );
    expect(normaliseLawText("（三）有必备的经费")).toBe("(3)有必备的经费");
    // 一定 is not a number.
    expect(normaliseLawText("按照一定比例")).toBe("按照一定比例");
  });
});

describe("similarity and containment", () => {
  it("is 1 for the same bigrams, 0 for none shared, symmetric", () => {
    const a = bigrams("企业应当培训职工");
    const b = bigrams("职工应当参加培训");
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, bigrams("国家鼓励捐资"))).toBe(0);
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a));
    expect(similarity(a, b)).toBeGreaterThan(0);
    expect(similarity(a, b)).toBeLessThan(1);
  });

  it("sees a short text inside a long one that Dice scores low", () => {
    const short = bigrams("国家鼓励并组织职业教育的科学研究");
    const long = bigrams(
      "国家鼓励并组织职业教育的科学研究和教材开发，推进资源共建共享，建立统计和管理体系，组织开展宣传推广和人才供需对接",
    );
    expect(containment(short, long)).toBe(1);
    expect(similarity(short, long)).toBeLessThan(0.6);
  });
});

describe("computeArticleMap", () => {
  it("classes every kind a computation can find, in the new law's order", () => {
    const old = text(
      "公民有依法接受职业教育的权利。",
      "国家鼓励金融机构运用信贷手段，扶持发展职业教育。",
      "本法自1996年9月1日起施行。",
      "县级人民政府应当举办农村职业教育学校并开展实用技术培训。",
    );
    const next = text(
      "公民有依法接受职业教育的权利。",
      "国家建立职业教育活动周。",
      "国家鼓励金融机构通过提供金融服务，扶持发展职业教育。",
      "本法自二〇二二年五月一日起施行。",
    );
    const rows = computeArticleMap(old, next);
    expect(rows.map((r) => [r.class, r.old.join("+"), r.new.join("+")])).toEqual([
      ["unchanged", "1", "1"],
      ["new", "", "2"],
      ["amended", "2", "3"],
      ["amended", "3", "4"],
      ["deleted", "4", ""],
    ]);
  });

  it("finds a renumbered article by its text after full-width and numeral differences", () => {
    const old = text("企业应当按照第二十条的规定实施职业教育，（一）培训。", "国家鼓励捐资助学。");
    const next = text("国家鼓励捐资助学。", "企业应当按照第20条的规定实施职业教育,(一)培训.");
    const rows = computeArticleMap(old, next);
    expect(rows.map((r) => [r.class, r.old[0], r.new[0]])).toEqual([
      ["renumbered", "2", "1"],
      ["renumbered", "1", "2"],
    ]);
  });

  it("maps the sample VEL 1996 → 2022 onto facts.md’s pairs and covers every article once", () => {
    const old = law("vocational-education-law-1996");
    const next = law("vocational-education-law-2022");
    const computed = computeArticleMap(old, next);
    // facts.md §6 and §7.1: 1996 Art. 20 → 2022 Art. 24, Art. 29 → Art. 64.
    const pairOf = (rows: typeof computed, id: string) => rows.find((r) => r.old.includes(id));
    expect(pairOf(computed, "20")?.new).toEqual(["24"]);
    expect(pairOf(computed, "29")?.new).toEqual(["64"]);
    expect(countClasses(computed)).toEqual({
      unchanged: 1,
      renumbered: 0,
      amended: 28,
      merged: 0,
      split: 0,
      new: 40,
      deleted: 11,
    });
    const file = LawChangesSchema.parse(
      parseYaml(
        readFileSync(
          join(
            ROOT,
            "content/policies/vocational-education-law-2022/changes-from-vocational-education-law-1996.yaml",
          ),
          "utf8",
        ),
      ),
    );
    const rows = applyOverrides(
      old,
      next,
      computed,
      file.changes.map((c) => ({ class: c.class, old: c.old ?? [], new: c.new ?? [] })),
    );
    expect(countClasses(rows)).toEqual({
      unchanged: 1,
      renumbered: 0,
      amended: 33,
      merged: 1,
      split: 4,
      new: 26,
      deleted: 0,
    });
    const olds = rows.flatMap((r) => r.old);
    const news = rows.flatMap((r) => r.new);
    expect(olds.toSorted((a, b) => Number(a) - Number(b))).toEqual(
      old.articles.map((a) => String(a.number)),
    );
    expect(news.toSorted((a, b) => Number(a) - Number(b))).toEqual(
      next.articles.map((a) => String(a.number)),
    );
    // Rows follow the new law's order.
    const firstNew = rows.filter((r) => r.new.length).map((r) => Number(r.new[0]));
    expect(firstNew).toEqual(firstNew.toSorted((a, b) => a - b));
    expect(pairOf(rows, "9")).toMatchObject({ class: "merged", old: ["9", "38"], new: ["61"] });
    expect(pairOf(rows, "21")).toMatchObject({ class: "split", new: ["26", "68"] });
  });
});

describe("LawChangesSchema", () => {
  it("reads one article or a list, and refuses a row whose shape does not fit its class", () => {
    const ok = LawChangesSchema.parse({
      checked: "2026-12-04",
      changes: [{ old: [9, "38"], new: 61, class: "merged" }],
    });
    expect(ok.changes[0]).toMatchObject({ old: ["9", "38"], new: ["61"] });
    const bad = LawChangesSchema.safeParse({
      checked: "2026-12-04",
      changes: [{ old: 20, new: [24, 25], class: "amended" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["changes", 0, "new"]);
    expect(bad.error?.issues[0]?.message).toContain("exactly one article on the new side");
  });
});

describe("citations and status of versions", () => {
  it("names the version only for a law with two versions", () => {
    const names = versionedLawNames(["职业教育法（1996）", "职业教育法（2022）", "工会法（2021）"]);
    expect([...names]).toEqual(["职业教育法"]);
    expect(articleLabel("职业教育法（2022）", 24, true)).toBe("《职业教育法》（2022）第二十四条");
    expect(articleLabel("工会法（2021）", 32)).toBe("《工会法》第三十二条");
  });

  it("gives the national database's status", () => {
    const today = new Date("2026-12-04T00:00:00Z");
    const at = (effective: string) => new Date(`${effective}T00:00:00Z`);
    expect(databaseStatus({ status: "in-force", effective: at("2022-05-01") }, today)).toBe(
      "valid",
    );
    expect(databaseStatus({ status: "in-force", effective: at("2027-01-01") }, today)).toBe(
      "pending",
    );
    expect(databaseStatus({ status: "superseded" }, today)).toBe("modified");
    expect(databaseStatus({ status: "amended" }, today)).toBe("modified");
    expect(databaseStatus({ status: "repealed" }, today)).toBe("repealed");
  });
});
