import { intToChinese } from "../law/chinese-numerals.ts";
import type { Random } from "./random.ts";
import { CHAPTER_TITLES, ZH_ADVERBIALS, ZH_PREDICATES, ZH_SUBJECTS } from "./vocabulary.ts";

/** A generated official text and the facts its summary needs. */
export interface GeneratedLawText {
  text: string;
  articles: number;
  /** ISO dates of adoption and entry into force. */
  adopted: string;
  effective: string;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function articleParagraphs(random: Random): string[] {
  const first = `${random.pick(ZH_ADVERBIALS)}，${random.pick(ZH_SUBJECTS)}${random.pick(ZH_PREDICATES)}。`;
  const paragraphs = [
    random.chance(0.5)
      ? `${first}${random.pick(ZH_SUBJECTS)}${random.pick(ZH_PREDICATES)}。`
      : first,
  ];
  if (random.chance(0.3))
    paragraphs.push(`${random.pick(ZH_SUBJECTS)}${random.pick(ZH_PREDICATES)}。`);
  if (random.chance(0.15)) {
    for (let i = 1; i <= random.int(3, 5); i++)
      paragraphs.push(`（${intToChinese(i)}）${random.pick(ZH_PREDICATES)}；`);
  }
  return paragraphs;
}

/**
 * An official text in the format of content/policies/<id>/text.zh.md:
 * `# title`, metadata lines, `<!-- INFO END -->`, `## 第X章 …` chapters and
 * `第N条 …` articles numbered without gaps.
 */
export function generateLawText(random: Random, title: string, self = "本法"): GeneratedLawText {
  const year = random.int(1995, 2024);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const effectiveYear = year + (month >= 10 ? 1 : 0);
  const effective = {
    y: effectiveYear,
    m: month >= 10 ? 1 : month + 2,
    d: 1,
  };
  const lines = [
    `# ${title}`,
    "",
    `${year}年${month}月${day}日 第${intToChinese(random.int(8, 14))}届全国人民代表大会常务委员会第${intToChinese(random.int(2, 30))}次会议通过`,
    "",
  ];
  if (random.chance(0.4)) {
    lines.push(
      `${year + random.int(1, 4)}年${random.int(1, 12)}月${random.int(1, 28)}日 第${intToChinese(random.int(9, 14))}届全国人民代表大会常务委员会第${intToChinese(random.int(2, 30))}次会议第一次修正`,
      "",
    );
  }
  lines.push("<!-- INFO END -->", "");
  const middle = random.sample(CHAPTER_TITLES, random.int(3, 7));
  const chapters = ["总则", ...middle, "附则"];
  let article = 0;
  chapters.forEach((chapterTitle, index) => {
    lines.push(`## 第${intToChinese(index + 1)}章 ${chapterTitle}`, "");
    const count = chapterTitle === "附则" ? 2 : random.int(4, 11);
    for (let i = 0; i < count; i++) {
      article++;
      const isLast = chapterTitle === "附则" && i === count - 1;
      const paragraphs = isLast
        ? [`${self}自${effective.y}年${effective.m}月${effective.d}日起施行。`]
        : article === 1
          ? [`为了保障职工接受教育培训的权利，提高职工队伍素质，根据宪法和有关法律，制定${self}。`]
          : articleParagraphs(random);
      lines.push(`第${intToChinese(article)}条 ${paragraphs[0]}`, "");
      for (const paragraph of paragraphs.slice(1)) lines.push(paragraph, "");
    }
  });
  return {
    text: `${lines.join("\n").trimEnd()}\n`,
    articles: article,
    adopted: iso(year, month, day),
    effective: iso(effective.y, effective.m, effective.d),
  };
}
