import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { numberFootnotes, PRINT } from "../../src/lib/handouts/print-cite.ts";
import type { RenderContext } from "../../src/lib/mdx/render/context.ts";
import { renderMdxBody } from "../../src/lib/mdx/render/render.ts";

/** A context with one policy, one article and one glossary term, under the base /kb/. */
const context: RenderContext = {
  locale: "zh-CN",
  href: (path) => `/kb${path}`,
  policy: (id) => (id === "vel-2022" ? { shortTitle: "职业教育法（2022）" } : undefined),
  article: (id, n) =>
    id === "vel-2022" && n === 24
      ? {
          number: 24,
          label: "第二十四条",
          chapter: 3,
          paragraphs: [{ text: "企业应当实行培训上岗制度。" }],
          line: 1,
        }
      : undefined,
  term: (id) =>
    id === "funds" ? { zh: "职工教育经费", pinyin: "zhí gōng", en: "education funds" } : undefined,
};

const render = (body: string) => renderMdxBody(body, context);

describe("rendering MDX bodies without compiling them", () => {
  it("renders Markdown as Astro does: GFM tables, smart quotes, heading ids", () => {
    const out = render(
      '## 培训 与 "上岗"\n\n| a | b |\n|---|---|\n| 1.5% | 2 |\n\n## 培训 与 "上岗"\n',
    );
    expect(out?.html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="表格（可左右滑动）"><table>',
    );
    expect(out?.html).toContain("“上岗”");
    expect(out?.headings).toEqual([
      { depth: 2, slug: "培训-与-上岗", text: "培训 与 “上岗”" },
      { depth: 2, slug: "培训-与-上岗-1", text: "培训 与 “上岗”" },
    ]);
    expect(out?.html).toContain('<h2 id="培训-与-上岗-1">');
  });

  it("draws the author components with their data, the base path and the entry's language", () => {
    const zh = render(
      '见 <Cite policy="vel-2022" article={24} />，提取<Term id="funds" />。\n\n<Callout type="tip">\n要点\n</Callout>',
    );
    expect(zh?.html).toContain(
      '<a class="cite-link" href="/kb/policies/vel-2022/#art-24" lang="zh-CN">《职业教育法》第二十四条</a>',
    );
    expect(zh?.html).toContain(
      '<span class="cite-text" lang="zh-CN" role="note" data-pagefind-ignore>企业应当实行培训上岗制度。</span>',
    );
    expect(zh?.html).toContain(
      'href="/kb/glossary/#term-funds" title="zhí gōng · education funds" data-term="funds">职工教育经费</a>',
    );
    expect(zh?.html).toMatch(
      /<aside class="callout [^"]*callout-tip[^"]*" data-callout="tip"><p class="font-bold">提示<\/p><div [^>]*><p>要点<\/p><\/div><\/aside>/,
    );
    const en = renderMdxBody("<Callout>Note</Callout>", { ...context, locale: "en" });
    expect(en?.html).toContain('<p class="font-bold">Note</p>');
  });

  it("keeps HTML written in MDX, literal props and comments, and escapes text", () => {
    const out = render(
      'H<sub>2</sub>O<br />\n\n<abbr title="全国总工会" className="x">全总</abbr> {/* 备注 */} 年龄&lt;18岁',
    );
    expect(out?.html).toContain("H<sub>2</sub>O<br>");
    expect(out?.html).toContain('<abbr title="全国总工会" class="x">全总</abbr>');
    expect(out?.html).not.toContain("备注");
    expect(out?.html).toContain("年龄&lt;18岁");
  });

  it("leaves code and local images to Astro's compiler", () => {
    expect(render("共 {1 + 1} 项")).toBeUndefined();
    expect(render('import X from "./x.ts"\n\n<X />')).toBeUndefined();
    expect(render("<Callout {...props}>x</Callout>")).toBeUndefined();
    expect(render("<Callout title={`x`}>x</Callout>")).toBeUndefined();
    expect(render("<Unknown />")).toBeUndefined();
    expect(render("![图](./photo.png)")).toBeUndefined();
    expect(render("![图](/images/photo.png)")?.html).toContain(
      '<img src="/images/photo.png" alt="图">',
    );
  });

  it("reports a citation the check would refuse instead of drawing a broken link", () => {
    expect(() => render('<Cite policy="missing" article={1} />')).toThrow(
      /does not resolve; run npm run check/,
    );
    expect(() => render('<Term id="missing" />')).toThrow(/names no glossary term/);
  });

  it("numbers a print form's citations for the document it is printed in", () => {
    const out = renderMdxBody('见 <Cite policy="vel-2022" article={24} />。', context, PRINT);
    const tr = translator("zh-CN");
    expect(numberFootnotes(out?.html ?? "", new Map([["vel-2022#24", 3]]), tr)).toContain(
      '<span class="print-cite" lang="zh-CN">《职业教育法》第二十四条</span><sup class="footnote-ref"><a href="#appendix-3" aria-label="',
    );
    expect(numberFootnotes(out?.html ?? "", new Map(), tr)).toBe(
      '<p>见 <span class="print-cite" lang="zh-CN">《职业教育法》第二十四条</span>。</p>',
    );
    // Text that looks like the marker is escaped, so it never becomes a footnote.
    const fake = render("&lt;!--union-kb-note:vel-2022#24--&gt;");
    expect(numberFootnotes(fake?.html ?? "", new Map([["vel-2022#24", 1]]), tr)).not.toContain(
      "footnote-ref",
    );
  });
});
