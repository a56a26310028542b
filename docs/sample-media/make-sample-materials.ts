/**
 * Makes the sample publicity materials of content/media/materials/ (issue 26):
 * an A3 poster (PNG), a two-page leaflet (PDF), a slide deck (PDF) and their
 * preview images (the first page of each PDF, with pdftoppm). Authoring only:
 * the build and the tests never run it.
 *   node docs/sample-media/make-sample-materials.ts [content folder]
 * Texts quote the Vocational Education Law (2022 revision), Art. 12, 24 and 58,
 * from the official law texts (each policy's text.zh.md under content/policies). Licence of the results: CC0 1.0.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium } from "../../src/lib/browser/launch.ts";

const out = join(resolve(process.argv[2] ?? "content"), "media/materials");
mkdirSync(out, { recursive: true });
const FONT = "font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif;";
const RED = "#9f1d1d";

const poster = `<html><body style="margin:0;${FONT}">
<div style="width:842px;height:1191px;box-sizing:border-box;padding:70px;background:#fff7ed;border:24px solid ${RED};display:flex;flex-direction:column;justify-content:space-between">
<div><p style="font-size:34px;color:${RED};margin:0">示例市总工会 · 职工教育</p>
<h1 style="font-size:120px;line-height:1.15;margin:60px 0 0;color:#1c1917">先培训<br>后上岗</h1></div>
<div style="font-size:38px;line-height:1.7;color:#1c1917">
<p>企业应当按照国家有关规定<br><b>实行培训上岗制度</b>。</p>
<p>从事技术工种的劳动者，上岗前必须进行<br><b>安全生产教育和技术培训</b>。</p>
<p style="font-size:28px;color:#57534e">——《中华人民共和国职业教育法》（2022年修订）第二十四条</p></div>
<p style="font-size:26px;color:#57534e;margin:0">有疑问，请找本单位工会或扫码查阅职工教育知识库</p>
</div></body></html>`;

const leaflet = `<html><head><style>@page{size:A4 landscape;margin:0} body{margin:0;${FONT}} .page{width:297mm;height:210mm;box-sizing:border-box;padding:18mm;display:grid;grid-template-columns:1fr 1fr 1fr;gap:14mm;page-break-after:always;font-size:13pt;line-height:1.7} h2{color:${RED};font-size:18pt;margin:0 0 4mm} .cover{background:${RED};color:#fff;padding:10mm} .cover h1{font-size:30pt;margin:20mm 0 8mm}</style></head><body>
<div class="page"><div><h2>钱从哪里来</h2><p>企业应当按照职工工资总额一定比例提取和使用职工教育经费。</p></div>
<div><h2>钱用在谁身上</h2><p>职工教育经费中，用于企业一线职工职业教育的经费应当达到国家规定的比例。</p></div>
<div class="cover"><h1>职工教育经费<br>职工知多少</h1><p>示例市总工会宣传教育部</p></div></div>
<div class="page"><div><h2>培训期间的工资</h2><p>用人单位安排职工到职业学校或者职业培训机构接受职业教育的，应当在其接受职业教育期间依法支付工资，保障相关待遇。</p></div>
<div><h2>依据</h2><p>《中华人民共和国职业教育法》（2022年修订）第五十八条。</p></div>
<div><h2>找工会</h2><p>单位没有安排培训、培训期间不发工资，可以向本单位工会反映。</p></div></div>
</body></html>`;

const slide = (title: string, lines: string[]) =>
  `<div class="slide"><h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join("")}</div>`;
const slides = `<html><head><style>@page{size:254mm 142.9mm;margin:0} body{margin:0;${FONT}} .slide{width:254mm;height:142.9mm;box-sizing:border-box;padding:14mm 18mm;page-break-after:always;border-top:8mm solid ${RED}} h1{font-size:28pt;color:${RED};margin:0 0 8mm} p{font-size:18pt;line-height:1.6;margin:0 0 4mm}</style></head><body>
${slide("职业教育活动周", ["每年5月的第二周为职业教育活动周。", "——《中华人民共和国职业教育法》（2022年修订）第十二条"])}
${slide("活动周里工会可以做什么", ["办一场职工技能展示", "请技术能手讲一堂课", "介绍本单位的培训制度"])}
${slide("先培训，后上岗", ["企业应当按照国家有关规定实行培训上岗制度。", "——第二十四条"])}
</body></html>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 842, height: 1191 } });
  await page.setContent(poster);
  await page.screenshot({ path: join(out, "train-before-post-poster.png") });
  await page.setContent(leaflet);
  await page.pdf({
    path: join(out, "education-funds-leaflet.pdf"),
    preferCSSPageSize: true,
    printBackground: true,
  });
  await page.setContent(slides);
  await page.pdf({
    path: join(out, "activity-week-slides.pdf"),
    preferCSSPageSize: true,
    printBackground: true,
  });
} finally {
  await browser.close();
}
for (const name of ["education-funds-leaflet", "activity-week-slides"]) {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "40",
    "-singlefile",
    join(out, `${name}.pdf`),
    join(out, `${name}-preview`),
  ]);
}
execFileSync("ffmpeg", [
  "-v",
  "error",
  "-y",
  "-i",
  join(out, "train-before-post-poster.png"),
  "-vf",
  "scale=400:-1",
  join(out, "train-before-post-preview.png"),
]);
