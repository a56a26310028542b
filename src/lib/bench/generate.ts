import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pinyin } from "pinyin-pro";
import { stringify } from "yaml";
import type { PolicyKind } from "../../schemas/policy.ts";
import { generateLawText } from "./law-text.ts";
import {
  type CitablePolicy,
  type GeneratedCitation,
  mdxBody,
  randomCitation,
  titlePair,
  zhSentence,
} from "./prose.ts";
import { Random } from "./random.ts";
import {
  ANGLES,
  ISSUERS,
  POLICY_SUBJECTS,
  QUESTIONS_ZH,
  REGIONS,
  SECTORS,
  SUBJECTS,
  TOPICS,
} from "./vocabulary.ts";

/** What to generate. */
export interface GenerateOptions {
  /** The content folder to create (it may exist; files are overwritten). */
  dir: string;
  /** Entries that get their own page: courses + lessons + policies + cases. */
  entries: number;
  /** Same seed, same bytes. */
  seed?: number;
}

/** How many of each kind were written. */
export interface GeneratedCounts {
  courses: number;
  lessons: number;
  policies: number;
  cases: number;
  glossary: number;
  topics: number;
  files: number;
  bytes: number;
}

/** How N entries are shared out; the rest are courses and their lessons. */
export function planEntries(entries: number): {
  policies: number;
  cases: number;
  courses: number;
  lessons: number;
} {
  const total = Math.max(entries, 4);
  const policies = Math.max(1, Math.round(total * 0.06));
  const cases = Math.max(1, Math.round(total * 0.2));
  const rest = total - policies - cases;
  // Courses average 5.5 lessons, so one course in 6.5 entries is a course page.
  const courses = Math.max(1, Math.round(rest / 6.5));
  return { policies, cases, courses, lessons: rest - courses };
}

const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const YAML_OPTIONS = { lineWidth: 0 } as const;

const frontmatter = (data: Record<string, unknown>, body: string) =>
  `---\n${stringify(data, YAML_OPTIONS)}---\n\n${body}`;

function dateIn(random: Random, from: number, to: number): string {
  return `${random.int(from, to)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

const topicIds = (random: Random) => random.sample(TOPICS, random.int(1, 3)).map((t) => t.id);

function citations(random: Random, policies: readonly CitablePolicy[], min: number, max: number) {
  const seen = new Set<string>();
  const list: (GeneratedCitation & { note: string })[] = [];
  for (let i = random.int(min, max); i > 0; i--) {
    const c = randomCitation(random, policies);
    if (seen.has(`${c.policy}#${c.article}`)) continue;
    seen.add(`${c.policy}#${c.article}`);
    list.push({ ...c, note: zhSentence(random).replace(/。$/, "") });
  }
  return list;
}

const POLICY_KINDS: readonly {
  kind: PolicyKind;
  title: (s: string) => string;
  self: string;
  slug: string;
}[] = [
  { kind: "law", title: (s) => `中华人民共和国${s}法`, self: "本法", slug: "law" },
  {
    kind: "administrative-regulation",
    title: (s) => `${s}条例`,
    self: "本条例",
    slug: "regulation",
  },
  {
    kind: "state-council-decision",
    title: (s) => `国务院关于加强${s}工作的决定`,
    self: "本决定",
    slug: "decision",
  },
  { kind: "departmental-rule", title: (s) => `${s}规定`, self: "本规定", slug: "rule" },
  { kind: "local-regulation", title: (s) => `示例省${s}条例`, self: "本条例", slug: "local" },
  { kind: "union-document", title: (s) => `关于推进${s}工作的意见`, self: "本意见", slug: "union" },
];

/** Writes files and keeps count of them. */
class Writer {
  files = 0;
  bytes = 0;
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }
  write(path: string, text: string): void {
    const full = join(this.root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
  }
}

function writePolicies(random: Random, out: Writer, count: number): CitablePolicy[] {
  const policies: CitablePolicy[] = [];
  for (let i = 1; i <= count; i++) {
    const kind = i === 1 ? POLICY_KINDS[0] : random.pick(POLICY_KINDS);
    const [subjectZh, subjectEn] = random.pick(POLICY_SUBJECTS);
    if (!kind) throw new Error("no policy kinds");
    const title = kind.title(subjectZh);
    const law = generateLawText(random, title, kind.self);
    const id = `${kind.slug}-${kebab(subjectEn)}-${i}`;
    const shortTitle = `${title.replace(/^中华人民共和国/, "")}（${law.adopted.slice(0, 4)}）`;
    const policy = { id, shortTitle, articles: law.articles };
    policies.push(policy);
    const keyArticles = random
      .sample(
        Array.from({ length: law.articles }, (_, k) => k + 1),
        random.int(2, 5),
      )
      .map((article) => ({ article, note: zhSentence(random) }));
    const data = {
      title,
      titleEn: `${subjectEn} ${kind.kind === "law" ? "Law" : "Regulations"} (generated ${i})`,
      shortTitle,
      kind: kind.kind,
      issuer: ISSUERS[kind.kind],
      ...(random.chance(0.5)
        ? { docNumber: `示例发〔${law.adopted.slice(0, 4)}〕${random.int(1, 60)}号` }
        : {}),
      adopted: law.adopted,
      effective: law.effective,
      status: random.chance(0.85) ? "in-force" : "amended",
      textChecked: "2026-12-04",
      keyArticles,
      topics: topicIds(random),
      summary: `${title}的要点：${zhSentence(random)}${zhSentence(random)}`,
      summaryEn: `A summary of the ${subjectEn.toLowerCase()} rules. ${random.pick(["It sets duties for employers.", "It gives unions a supervisory role.", "It covers funding and certificates."])}`,
      updated: dateIn(random, 2024, 2026),
    };
    out.write(`policies/${id}/index.mdx`, frontmatter(data, mdxBody(random, [policy])));
    out.write(`policies/${id}/text.zh.md`, law.text);
  }
  return policies;
}

function writeCourses(
  random: Random,
  out: Writer,
  courses: number,
  lessons: number,
  policies: readonly CitablePolicy[],
): string[] {
  const ids: string[] = [];
  let left = lessons;
  for (let i = 1; i <= courses; i++) {
    const remainingCourses = courses - i;
    // About the average of what is left (±2), ending exactly on the planned
    // total without giving the last course all the leftovers.
    const target = Math.round(left / (remainingCourses + 1)) + random.int(-2, 2);
    const count = i === courses ? left : Math.max(1, Math.min(left - remainingCourses, target));
    left -= count;
    const subject = random.pick(SUBJECTS);
    const id = `${kebab(subject[1])}-${i}`;
    ids.push(id);
    const [title, titleEn] = titlePair(random, subject);
    const topics = topicIds(random);
    out.write(
      `courses/${id}/course.yaml`,
      stringify(
        {
          title,
          titleEn,
          summary: `${zhSentence(random)}${zhSentence(random)}`,
          summaryEn: `A course on ${subject[1]}.`,
          audience: random.sample(
            [
              "frontline-workers",
              "union-cadres",
              "education-officers",
              "new-employees",
              "migrant-workers",
            ],
            random.int(1, 3),
          ),
          level: random.pick(["introductory", "intermediate", "advanced"]),
          hours: random.int(2, 24),
          objectives: [zhSentence(random), zhSentence(random)],
          format: random.pick([
            "lecture",
            "self-study",
            "on-the-job",
            "case-analysis",
            "competition",
          ]),
          topics,
          featured: i <= 3,
          updated: dateIn(random, 2024, 2026),
        },
        YAML_OPTIONS,
      ),
    );
    const angles = random.sample(ANGLES, Math.min(count, ANGLES.length));
    for (let n = 1; n <= count; n++) {
      const angle = angles[(n - 1) % angles.length] ?? ["要点", "key points"];
      const slug = `${kebab(angle[1])}${n > angles.length ? `-${n}` : ""}`;
      const data = {
        title: `${subject[0]}（${n}）：${angle[0]}`,
        titleEn: capitalise(`${subject[1]} (${n}): ${angle[1]}`),
        summary: `${zhSentence(random)}${zhSentence(random)}`,
        summaryEn: capitalise(`${subject[1]}: ${angle[1]}.`),
        duration: random.pick([30, 45, 60, 90]),
        objectives: [zhSentence(random), zhSentence(random), zhSentence(random)].slice(
          0,
          random.int(1, 3),
        ),
        format: random.pick(["lecture", "self-study", "case-analysis", "audio-visual"]),
        topics: random.chance(0.7) ? topics : topicIds(random),
        cites: citations(random, policies, 1, 4),
        questions: random.sample(QUESTIONS_ZH, random.int(2, 3)),
        updated: dateIn(random, 2024, 2026),
      };
      out.write(
        `courses/${id}/${String(n).padStart(2, "0")}-${slug}.mdx`,
        frontmatter(data, mdxBody(random, policies)),
      );
    }
  }
  return ids;
}

function writeCases(
  random: Random,
  out: Writer,
  count: number,
  policies: readonly CitablePolicy[],
): void {
  for (let i = 1; i <= count; i++) {
    const subject = random.pick(SUBJECTS);
    const sector = random.pick(SECTORS);
    const data = {
      title: `${sector}企业的${subject[0]}`,
      titleEn: `${capitalise(subject[1])} at a firm in the ${kebab(pinyin(sector, { toneType: "none", separator: " " }))} sector`,
      summary: `${zhSentence(random)}${zhSentence(random)}${zhSentence(random)}`,
      summaryEn: `How a union handled ${subject[1]}.`,
      kind: random.pick(["typical-demonstration", "case-analysis", "dispute"]),
      sector,
      region: random.pick(REGIONS),
      year: random.int(2010, 2026),
      fictional: true,
      topics: topicIds(random),
      cites: citations(random, policies, 1, 5),
      lessonsLearned: [zhSentence(random), zhSentence(random)],
      questions: random.sample(QUESTIONS_ZH, random.int(2, 3)),
      updated: dateIn(random, 2024, 2026),
    };
    out.write(
      `cases/case-${String(i).padStart(4, "0")}-${kebab(subject[1])}.mdx`,
      frontmatter(data, mdxBody(random, policies)),
    );
  }
}

const TERM_PREFIXES: readonly (readonly [string, string])[] = [
  ["职工", "employee"],
  ["企业", "enterprise"],
  ["工会", "union"],
  ["职业", "occupational"],
  ["技能", "skills"],
  ["安全", "safety"],
  ["在职", "in-service"],
  ["转岗", "redeployment"],
  ["岗前", "pre-job"],
  ["学徒", "apprentice"],
  ["班组", "team"],
  ["农民工", "migrant worker"],
];
const TERM_SUFFIXES: readonly (readonly [string, string])[] = [
  ["培训", "training"],
  ["教育经费", "education funds"],
  ["竞赛", "contest"],
  ["证书", "certificate"],
  ["制度", "system"],
  ["计划", "plan"],
  ["档案", "records"],
  ["补贴", "subsidy"],
  ["考核", "assessment"],
  ["协议", "agreement"],
  ["学校", "school"],
  ["书屋", "reading room"],
];

function glossary(random: Random, count: number, policies: readonly CitablePolicy[]): string {
  const pairs = TERM_PREFIXES.flatMap((p) => TERM_SUFFIXES.map((s) => [p, s] as const));
  const chosen = random.sample(pairs, count);
  const ids = chosen.map(([p, s]) => kebab(`${p[1]} ${s[1]}`));
  const terms = chosen.map(([p, s], index) => ({
    id: ids[index],
    zh: `${p[0]}${s[0]}`,
    en: `${p[1]} ${s[1]}`,
    pinyin: pinyin(`${p[0]}${s[0]}`, { toneType: "symbol", separator: " " }),
    definition: `${zhSentence(random)}${zhSentence(random)}`,
    definitionEn: `${p[1]} ${s[1]} as used in workers' education.`,
    related: random.sample(
      ids.filter((id) => id !== ids[index]),
      random.int(0, 3),
    ),
    topics: topicIds(random),
    sources: citations(random, policies, 0, 2).map(({ policy, article }) => ({ policy, article })),
  }));
  return `# Generated glossary (npm run bench).\n${stringify(terms, YAML_OPTIONS)}`;
}

/**
 * Writes a deterministic knowledge base of `entries` pages into `dir`:
 * site.yaml, topics.yaml, glossary.yaml, policies with full texts, courses
 * with lessons, and cases, all of which pass `npm run check`. The same
 * options always give byte-identical files.
 */
export function generateKnowledgeBase(options: GenerateOptions): GeneratedCounts {
  const random = new Random(options.seed ?? 20_260_101);
  const plan = planEntries(options.entries);
  const out = new Writer(options.dir);
  const policies = writePolicies(random, out, plan.policies);
  const courseIds = writeCourses(random, out, plan.courses, plan.lessons, policies);
  writeCases(random, out, plan.cases, policies);
  const glossaryCount = Math.min(
    TERM_PREFIXES.length * TERM_SUFFIXES.length,
    40 + Math.floor(options.entries / 20),
  );
  out.write("glossary.yaml", glossary(random, glossaryCount, policies));
  out.write(
    "topics.yaml",
    `# Generated topics (npm run bench).\n${stringify(
      TOPICS.map((t) => ({ ...t, description: `关于${t.zh}的课程、政策和案例。` })),
      YAML_OPTIONS,
    )}`,
  );
  out.write(
    "site.yaml",
    stringify(
      {
        name: "职工教育知识库（性能测试）",
        nameEn: "Workers' Education Knowledge Base (benchmark)",
        organisation: "示例省总工会宣传教育部",
        organisationEn: "Education Department, Example Province Federation of Trade Unions",
        description: "自动生成的性能测试知识库。",
        descriptionEn: "A generated knowledge base for performance tests.",
        url: "https://bench.example.org",
        base: "/",
        defaultLocale: "zh-CN",
        featuredCourses: courseIds.slice(0, 3),
        keyPolicies: policies.slice(0, 3).map((p) => p.id),
      },
      YAML_OPTIONS,
    ),
  );
  return {
    courses: plan.courses,
    lessons: plan.lessons,
    policies: plan.policies,
    cases: plan.cases,
    glossary: glossaryCount,
    topics: TOPICS.length,
    files: out.files,
    bytes: out.bytes,
  };
}
