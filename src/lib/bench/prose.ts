import { intToChinese } from "../law/chinese-numerals.ts";
import type { Random } from "./random.ts";
import {
  ANGLES,
  EN_ADVERBIALS,
  EN_PREDICATES,
  EN_SUBJECTS,
  ZH_ADVERBIALS,
  ZH_PREDICATES,
  ZH_REMARKS,
  ZH_SUBJECTS,
} from "./vocabulary.ts";

/** A policy that generated text may cite, and how many articles it has. */
export interface CitablePolicy {
  id: string;
  shortTitle: string;
  articles: number;
}

/** One citation as written in frontmatter. */
export interface GeneratedCitation {
  policy: string;
  article: number;
}

/** A valid citation of a random article of a random policy. */
export function randomCitation(
  random: Random,
  policies: readonly CitablePolicy[],
): GeneratedCitation {
  const policy = random.pick(policies);
  return { policy: policy.id, article: random.int(1, policy.articles) };
}

/** One Chinese sentence, e.g. "在年度培训计划中，基层工会应当……。" */
export function zhSentence(random: Random): string {
  const body = `${random.pick(ZH_SUBJECTS)}${random.pick(ZH_PREDICATES)}`;
  return random.chance(0.5) ? `${random.pick(ZH_ADVERBIALS)}，${body}。` : `${body}。`;
}

/** One English sentence. */
export function enSentence(random: Random): string {
  return `${random.pick(EN_SUBJECTS)} ${random.pick(EN_PREDICATES)} ${random.pick(EN_ADVERBIALS)}.`;
}

/** A Chinese paragraph of `sentences` sentences, sometimes with a remark and a citation. */
function zhParagraph(
  random: Random,
  sentences: number,
  policies: readonly CitablePolicy[],
): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(zhSentence(random));
  if (random.chance(0.4)) parts.push(random.pick(ZH_REMARKS));
  if (policies.length > 0 && random.chance(0.5)) {
    const { policy, article } = randomCitation(random, policies);
    const last = parts.length - 1;
    parts[last] =
      `${(parts[last] ?? "").replace(/。$/, "")}（<Cite policy="${policy}" article={${article}} />）。`;
  }
  return parts.join("");
}

function enParagraph(random: Random, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(enSentence(random));
  return parts.join(" ");
}

function bulletList(random: Random): string {
  const items: string[] = [];
  for (let i = random.int(3, 5); i > 0; i--) items.push(`- ${zhSentence(random)}`);
  return items.join("\n");
}

function table(random: Random, policies: readonly CitablePolicy[]): string {
  const rows = ["| 条文 | 内容要点 | 与职工的关系 |", "|---|---|---|"];
  for (let i = random.int(2, 4); i > 0; i--) {
    const { policy, article } = randomCitation(random, policies);
    rows.push(
      `| <Cite policy="${policy}" article={${article}} /> | ${random.pick(ZH_PREDICATES)} | ${random.pick(ZH_REMARKS).replace(/。$/, "")} |`,
    );
  }
  return rows.join("\n");
}

const SECTION_TITLES = [
  "背景",
  "法律依据",
  "基本要求",
  "工会怎么做",
  "常见问题",
  "实务要点",
  "经验做法",
  "小结",
];

/**
 * An MDX body of about 1,000 characters of mixed Chinese and English: a few
 * `##` sections with paragraphs, lists, a table and valid <Cite> elements.
 */
export function mdxBody(random: Random, policies: readonly CitablePolicy[]): string {
  const sections = random.sample(SECTION_TITLES, random.int(4, 5));
  const blocks: string[] = [];
  sections.forEach((title, index) => {
    blocks.push(`## ${title}`);
    blocks.push(zhParagraph(random, random.int(3, 5), policies));
    if (random.chance(0.5)) blocks.push(enParagraph(random, random.int(2, 4)));
    if (index === 1 && policies.length > 0) blocks.push(table(random, policies));
    else if (random.chance(0.4)) blocks.push(bulletList(random));
  });
  return `${blocks.join("\n\n")}\n`;
}

/** A title built from a subject and an angle, e.g. "师带徒协议：法律依据". */
export function titlePair(random: Random, subject: readonly [string, string]): [string, string] {
  const [angleZh, angleEn] = random.pick(ANGLES);
  const en = `${subject[1]}: ${angleEn}`;
  return [`${subject[0]}：${angleZh}`, en.charAt(0).toUpperCase() + en.slice(1)];
}

/** "第二十四条" for 24. */
export function articleLabel(article: number): string {
  return `第${intToChinese(article)}条`;
}
