/**
 * The question bank in a real browser, over tests/fixtures/extra/questions
 * (four questions of training-rights, two of them of the lesson “duties”;
 * site.yaml quiz: 3 questions a level, 2 to pass, 2 levels):
 * the self-test taken by keyboard, the quiz page taken by touch in kiosk
 * mode, scores forgotten at the kiosk's idle reset, axe, and the script's size.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type Site, startSite } from "../helpers/e2e.ts";

const LESSON = "/courses/training-rights/duties/";
const COURSE = "/courses/training-rights/";
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let site: Site;
const requests: string[] = [];

beforeAll(async () => {
  site = await startSite({ root: await buildFixtureSite("questions") });
}, 300_000);
afterAll(async () => {
  await site?.close();
});

async function open(path: string, options: Parameters<Site["newPage"]>[0] = {}): Promise<Page> {
  const page = await site.newPage(options);
  page.on("request", (r) => requests.push(`${page.url()} → ${r.url()}`));
  await page.goto(site.url(path), { waitUntil: "load" });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(WCAG_22_AA)
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("self-test", () => {
  it("is readable without JavaScript: questions, answers and articles in <details>", async () => {
    const page = await open(LESSON, { javaScriptEnabled: false });
    const test = page.locator("[data-self-test]");
    expect(await test.locator("fieldset legend").allTextContents()).toHaveLength(2);
    expect(await test.locator("[data-quiz-check]").isVisible()).toBe(false);
    const why = test.locator("details").first();
    await why.locator("summary").click();
    expect(await why.textContent()).toContain("企业应当根据本单位实际");
  });

  it("is taken by keyboard; the score is announced and kept on this device only", async () => {
    const page = await open(LESSON);
    const test = page.locator("[data-self-test]");
    const legends = await test.locator("legend").allTextContents();
    expect(legends.map((l) => l.replace(/\s+/g, " ").trim())).toEqual([
      expect.stringMatching(/^1\.\[单选题\]依照《职业教育法》/),
      expect.stringMatching(/^2\.\[判断题\]企业招用的从事技术工种的劳动者/),
    ]);
    // Answers are hidden until checked when JavaScript runs.
    expect(await test.locator("details").first().isVisible()).toBe(false);
    const requestsBefore = requests.length;
    // Question 1 (answer B): focus the first option, arrow down to B.
    await test.locator("input").first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await test.locator("input").nth(1).isChecked()).toBe(true);
    // Question 2 (true/false, answer true): Tab moves to its first option, Space picks it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    // Tab to “核对答案” and press Enter.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("核对答案");
    await page.keyboard.press("Enter");
    const status = test.locator("[role=status]");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.textContent()).toBe("答对 2 题，共 2 题。");
    expect(await test.locator("[data-quiz-verdict]").allTextContents()).toEqual([
      "回答正确。",
      "回答正确。",
    ]);
    const why = test.locator("details").first();
    expect(await why.isVisible()).toBe(true);
    expect(await why.getAttribute("open")).not.toBeNull();
    expect(await why.locator("blockquote").textContent()).toContain("准备招用的人员");
    expect(
      JSON.parse(
        (await page.evaluate((k) => localStorage.getItem(k), `union-kb:quiz:${LESSON}`)) ?? "null",
      ),
    ).toEqual({ score: 2, total: 2 });
    // Nothing was requested for checking the answers (font slices for new characters aside).
    expect(requests.slice(requestsBefore).filter((r) => !r.endsWith(".woff2"))).toEqual([]);
    // A wrong answer the second time; the last score is shown on the next visit.
    await page.locator("[data-quiz-again]").click();
    await test.locator("input").nth(2).check();
    await page.locator("[data-quiz-check]").click();
    expect(await status.textContent()).toBe("答对 0 题，共 2 题。");
    expect(await test.locator("[data-quiz-verdict]").allTextContents()).toEqual([
      "回答错误。正确答案：B",
      "未作答。正确答案：正确",
    ]);
    await page.reload();
    expect(await test.locator("[data-quiz-last]").textContent()).toBe("上次成绩：0 / 2");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("loads its small script only on pages with a quiz", async () => {
    const page = await open(COURSE);
    expect(await page.locator("[data-self-test] fieldset").count()).toBe(4);
    const scripts = await page.$$eval("script[src]", (s) => s.map((e) => e.getAttribute("src")));
    const quizScript = scripts.find((s) => s?.includes("SelfTest"));
    expect(quizScript).toBeTruthy();
    const body = await (await fetch(site.url(quizScript as string))).text();
    expect(body.length).toBeLessThanOrEqual(2 * 1024);
    const other = await open("/cases/training-refused/");
    const otherScripts = await other.$$eval("script[src]", (s) =>
      s.map((e) => e.getAttribute("src")),
    );
    expect(otherScripts.filter((s) => s?.includes("SelfTest"))).toEqual([]);
    expect(await other.locator("[data-self-test]").count()).toBe(0);
  });
});

describe("quiz page (知识问答)", () => {
  it("is taken by touch in kiosk mode: a level, its result, the next level", async () => {
    const page = await open("/quiz/?kiosk=1", {
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
    });
    await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });
    expect(await axeViolations(page)).toEqual([]);
    const scopes = page.locator("[data-scope]");
    expect(await scopes.allTextContents()).toEqual([
      "全部题目（4 题）4",
      "职工的职业培训权利4",
      "职业培训4",
    ]);
    const box = await scopes.first().boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(60);
    await scopes.first().tap();
    const progress = page.locator("[data-quiz-progress]");
    expect(await progress.textContent()).toBe("第 1 关 / 共 2 关 · 第 1 题 / 共 3 题");
    const requestsBefore = requests.length;
    // Answer each question right by reading the answer key the page carries.
    const data = JSON.parse(
      (await page.locator("[data-kiosk-quiz]").getAttribute("data-quiz-data")) ?? "{}",
    );
    for (let n = 0; n < 3; n++) {
      const legend = (await page.locator("[data-quiz-legend]").textContent()) ?? "";
      const item = data.items.find((q: { question: string }) => legend.endsWith(q.question));
      const options = page.locator(".quiz-option");
      expect((await options.first().boundingBox())?.height).toBeGreaterThanOrEqual(56);
      for (const i of item.correct) await options.nth(i).tap();
      await page.locator("[data-quiz-submit]").tap();
      expect(await page.locator("[data-quiz-verdict]").textContent()).toBe("回答正确。");
      expect(await page.locator("[data-quiz-live]").textContent()).toBe("回答正确。");
      await page.locator("[data-quiz-submit]").tap();
    }
    const summary = page.locator("[data-quiz-summary]");
    expect(await summary.textContent()).toBe("过关！答对 3 题，共 3 题。");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("[data-quiz-next-level]").tap();
    expect(await progress.textContent()).toBe("第 2 关 / 共 2 关 · 第 1 题 / 共 3 题");
    // Level 2 left unanswered: not passed, and 2 are needed.
    for (let n = 0; n < 3; n++) {
      await page.locator("[data-quiz-submit]").tap();
      await page.locator("[data-quiz-submit]").tap();
    }
    expect(await summary.textContent()).toBe("未过关：答对 0 题，共 3 题，需答对 2 题。");
    expect(await page.locator("[data-quiz-next-level]").isHidden()).toBe(true);
    // Only font slices for characters not shown before, from this site.
    expect(
      requests
        .slice(requestsBefore)
        .filter((r) => !r.startsWith(`${site.url("/quiz/")}`) || !r.endsWith(".woff2")),
    ).toEqual([]);
  });

  it("forgets every score at the kiosk's idle reset", async () => {
    const page = await site.newPage();
    await page.clock.install();
    await page.goto(site.url(`${LESSON}?kiosk=1`), { waitUntil: "load" });
    await page.locator("#kiosk[data-started]").waitFor({ state: "attached" });
    await page.evaluate(() => {
      localStorage.setItem("union-kb:quiz:/courses/x/", '{"score":1,"total":2}');
      localStorage.setItem("other", "kept");
    });
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const idle = Number(await page.locator("#kiosk").getAttribute("data-idle-seconds"));
    await page.clock.runFor((idle + 2) * 1000);
    await page.waitForURL(site.url("/"));
    expect(
      await page.evaluate(() => [
        localStorage.getItem("union-kb:quiz:/courses/x/"),
        localStorage.getItem("other"),
      ]),
    ).toEqual([null, "kept"]);
  });
});
