import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { CaseSchema } from "../../schemas/case.ts";
import { AudienceSchema, FormatSchema } from "../../schemas/common.ts";
import { CourseSchema } from "../../schemas/course.ts";
import { type EventKind, EventKindSchema } from "../../schemas/event.ts";
import { PolicyKindSchema, PolicyStatusSchema } from "../../schemas/policy.ts";

/**
 * File templates for `npm run new`. Every template is valid as written (the
 * check passes), with TODO placeholders to replace and a comment above each
 * field, in Chinese, saying what it is and which values are allowed.
 */

const labels = JSON.parse(
  readFileSync(new URL("../../i18n/zh-CN.json", import.meta.url), "utf8"),
) as Record<string, string>;

/** `lecture（讲座）、self-study（自学）…` for a comment listing allowed values. */
function choices(prefix: string, values: readonly string[]): string {
  return values
    .map((v) => (labels[`${prefix}.${v}`] ? `${v}（${labels[`${prefix}.${v}`]}）` : v))
    .join("、");
}

/** A YAML scalar: plain when safe, quoted when the text needs it. */
export function yamlScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The values a scaffolded file starts with. */
export interface EntryDraft {
  title: string;
  titleEn?: string | undefined;
  /** YYYY-MM-DD, written into `updated`. */
  today: string;
}

function titleLines(draft: EntryDraft, what: string): string[] {
  return [
    `# ${what}标题（显示在页面、搜索结果和讲义上）`,
    `title: ${yamlScalar(draft.title)}`,
    "# 英文标题（可选，供英文界面使用）",
    draft.titleEn ? `titleEn: ${yamlScalar(draft.titleEn)}` : "# titleEn: English title",
  ];
}

const TOPICS_COMMENT =
  "# 专题：content/topics.yaml 里的 id，例如 [vocational-training]；没有可留空 []";
const UPDATED_COMMENT = "# 最后修改日期，写成 YYYY-MM-DD；每次修改内容时更新";

/** content/courses/<course>/course.yaml */
export function courseYaml(draft: EntryDraft): string {
  return `${[
    `# 课程说明。本文件夹里的 01-….mdx、02-….mdx 是本课程的课时，按编号排序。`,
    `# 字段说明见 docs/authoring.md。`,
    ...titleLines(draft, "课程"),
    "# 一两句话概括课程内容",
    "summary: TODO：用一两句话概括本课程",
    `# 适用对象，可多选：${choices("audience", AudienceSchema.options)}`,
    "audience: [all-members]",
    `# 难度：${choices("level", CourseSchema.shape.level.options)}`,
    "level: introductory",
    "# 总学时（小时）",
    "hours: 2",
    "# 学习目标：每行一条，以 “- ” 开头",
    "objectives:",
    "  - TODO：学完本课程，学员能够……",
    `# 教学形式：${choices("format", FormatSchema.options)}`,
    "format: lecture",
    TOPICS_COMMENT,
    "topics: []",
    "# 是否在首页推荐：true 或 false",
    "featured: false",
    UPDATED_COMMENT,
    `updated: ${draft.today}`,
  ].join("\n")}\n`;
}

/** content/courses/<course>/NN-<slug>.mdx */
export function lessonMdx(draft: EntryDraft): string {
  return `---
${[
  ...titleLines(draft, "课时"),
  "# 一两句话概括本课内容",
  "summary: TODO：用一两句话概括本课",
  "# 时长（分钟）",
  "duration: 45",
  "# 学习目标：每行一条，以 “- ” 开头",
  "objectives:",
  "  - TODO：学完本课，学员能够……",
  `# 教学形式：${choices("format", FormatSchema.options)}`,
  "format: lecture",
  TOPICS_COMMENT,
  "topics: []",
  "# 引用的法律条文（可选）。policy 是 content/policies/ 下的文件夹名，article 是条号：",
  "# cites:",
  "#   - policy: vocational-education-law-2022",
  "#     article: 24",
  "cites: []",
  "# 讨论题（可选），每行一条；也可以在正文里写 <Question>…</Question>",
  "questions: []",
  UPDATED_COMMENT,
  `updated: ${draft.today}`,
].join("\n")}
---

## TODO：第一部分的小标题

在这里写正文。普通段落直接写；引用法条写 \`<Cite policy="…" article={24} />\`；
提示框、讨论题、图片等组件的写法见 docs/authoring.md。
`;
}

/** content/policies/<policy>/index.mdx, a summary without the official text. */
export function policyMdx(draft: EntryDraft): string {
  return `---
${[
  "# 政策法规的摘要。官方全文请用 npm run import-law 导入为同一文件夹里的 text.zh.md，",
  "# 导入后才能引用具体条文。",
  "# 正式名称，例如 中华人民共和国职业教育法",
  `title: ${yamlScalar(draft.title)}`,
  "# 英文名称（必填）",
  `titleEn: ${yamlScalar(draft.titleEn ?? "TODO: English title")}`,
  "# 简称，例如 职业教育法",
  `shortTitle: ${yamlScalar(draft.title.replace(/^中华人民共和国/, ""))}`,
  "# 一两句话概括",
  "summary: TODO：用一两句话概括这部法规",
  `# 类别：${choices("kind", PolicyKindSchema.options)}`,
  "kind: law",
  "# 制定机关",
  "issuer: TODO：制定机关",
  "# 文号（可选），例如 主席令第一一二号",
  "# docNumber: …",
  "# 通过日期 YYYY-MM-DD（TODO：改为实际日期）",
  `adopted: ${draft.today}`,
  "# 施行日期 YYYY-MM-DD（可选）",
  "# effective: 2022-05-01",
  `# 状态：${choices("status", PolicyStatusSchema.options)}`,
  "status: in-force",
  TOPICS_COMMENT,
  "topics: []",
  "# 重点条文（可选）：",
  "# keyArticles:",
  "#   - article: 24",
  "#     note: 培训上岗制度",
  UPDATED_COMMENT,
  `updated: ${draft.today}`,
].join("\n")}
---

TODO：在这里写这部法规的要点摘要：它规定了什么、和职工有什么关系。
`;
}

/** content/cases/<slug>.mdx */
export function caseMdx(draft: EntryDraft & { year: number; fictional: boolean }): string {
  return `---
${[
  ...titleLines(draft, "案例"),
  "# 一两句话概括案例",
  "summary: TODO：用一两句话概括案例",
  `# 类型：${choices("caseKind", CaseSchema.shape.kind.options)}`,
  "kind: case-analysis",
  "# 行业，例如 制造业",
  "sector: TODO：行业",
  "# 地区（可选）",
  "# region: …",
  "# 年份",
  `year: ${draft.year}`,
  "# 是否为虚构案例：true（虚构，页面上会注明）或 false（真实案例）",
  `fictional: ${draft.fictional}`,
  TOPICS_COMMENT,
  "topics: []",
  "# 引用的法律条文（可选），写法同课时",
  "cites: []",
  "# 启示：每行一条，至少一条",
  "lessonsLearned:",
  "  - TODO：从这个案例可以学到……",
  "# 讨论题（可选）",
  "questions: []",
  UPDATED_COMMENT,
  `updated: ${draft.today}`,
].join("\n")}
---

## 案情

TODO：写清楚发生了什么。

## 分析

TODO：结合法律条文分析，引用条文写 \`<Cite policy="…" article={24} />\`。
`;
}

/** What an event file starts from: a title and a first day, and the campaign template it comes from. */
export interface EventDraft extends EntryDraft {
  kind: EventKind;
  summary?: string | undefined;
  summaryEn?: string | undefined;
  /** YYYY-MM-DD */
  start: string;
  end?: string | undefined;
  campaign?: string | undefined;
  topics: string[];
}

/** content/events/<slug>.yaml */
export function eventYaml(draft: EventDraft): string {
  return `${[
    "# 一项活动：培训班、讲座、竞赛、展览或主题宣传。字段说明见 docs/authoring.md#events。",
    ...titleLines(draft, "活动"),
    "# 一两句话概括活动内容",
    `summary: ${yamlScalar(draft.summary ?? "TODO：用一两句话概括本次活动")}`,
    draft.summaryEn ? `summaryEn: ${yamlScalar(draft.summaryEn)}` : "# summaryEn: English summary",
    `# 类型：${choices("eventKind", EventKindSchema.options)}`,
    `kind: ${draft.kind}`,
    ...(draft.campaign
      ? ["# 所属的年度主题活动（content/campaigns.yaml 里的 id）", `campaign: ${draft.campaign}`]
      : []),
    "# 开始：日期 YYYY-MM-DD（全天），或日期加时间 YYYY-MM-DD HH:MM（北京时间）",
    `start: ${draft.start}`,
    "# 结束：与开始写法相同；全天活动写最后一天，可省略（只有一天）",
    draft.end ? `end: ${draft.end}` : "# end: 2026-12-04",
    "# 重复（可选）：每周或每月，必须写明次数 COUNT 或截止日 UNTIL，例如",
    "# recurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=12",
    "# 地点",
    "place:",
    "  name: TODO：地点名称，例如 工人文化宫三楼第二教室",
    "  # address: 详细地址（可选）",
    "# 主办单位",
    "organiser: TODO：主办单位",
    `# 对象（可选，可多选）：${choices("audience", AudienceSchema.options)}`,
    "audience: [all-members]",
    "# 报名方式（可选）：method 为 phone（写 phone）、in-person（写 where）、qr（写 url）或 none",
    "signUp:",
    "  method: none",
    "# 名额（可选）",
    "# capacity: 40",
    "# 相关内容（可选）：courses、policies、cases 写 id；lessons 写 课程/课时，例如 training-rights/duties",
    "# links:",
    "#   courses: []",
    TOPICS_COMMENT,
    `topics: [${draft.topics.join(", ")}]`,
    UPDATED_COMMENT,
    `updated: ${draft.today}`,
  ].join("\n")}\n`;
}
