/**
 * Issue 26: a lesson with <Video> and <Audio> (tests/fixtures/extra/media), in
 * Chromium, served by the LAN server (src/lib/serve/): the video plays, seeks
 * through a range request (206), has its Chinese captions as the default track,
 * its transcript is found by search, and axe finds nothing. The material with
 * a noticeboard poster links to its print view.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, runSearch, type Site, startSite } from "../helpers/e2e.ts";

const LESSON = "/courses/training-rights/video/";
let site: Site;
let page: Page;
/** Every response to a media file: status and Content-Range. */
const mediaResponses: { url: string; status: number; range: string | undefined }[] = [];

beforeAll(async () => {
  site = await startSite({ root: await buildFixtureSite("media") });
  page = await site.newPage();
  page.on("response", (response) => {
    if (/\.(mp4|mp3)$/.test(new URL(response.url()).pathname))
      mediaResponses.push({
        url: response.url(),
        status: response.status(),
        range: response.headers()["content-range"],
      });
  });
  await page.goto(site.url(LESSON), { waitUntil: "load" });
}, 300_000);
afterAll(() => site?.close());

describe("<Video> and <Audio> in Chromium", () => {
  it("shows native controls, a poster, no autoplay, and the transcript under the player", async () => {
    const video = page.locator("figure[data-media=video] video");
    expect(await video.getAttribute("controls")).not.toBeNull();
    expect(await video.getAttribute("autoplay")).toBeNull();
    expect(await video.getAttribute("poster")).toBe("/media/training-duty.jpg");
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    const transcript = page.locator("figure[data-media=video] [data-media-transcript]");
    expect(await transcript.isVisible()).toBe(true);
    expect(await transcript.textContent()).toContain("车间休息室观看这段录像");
    // Keyboard users reach the player.
    await video.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("VIDEO");
  });

  it("has Chinese captions as the default track, English captions and chapters", async () => {
    const tracks = await page.evaluate(async () => {
      const video = document.querySelector<HTMLVideoElement>("figure[data-media=video] video");
      if (!video) return [];
      const zh = video.querySelector<HTMLTrackElement>("track[srclang=zh][kind=captions]");
      // A default track loads its cues once the element has metadata.
      video.load();
      await new Promise<void>((resolve) => {
        if (zh?.readyState === 2) resolve();
        zh?.addEventListener("load", () => resolve(), { once: true });
        setTimeout(resolve, 10_000);
      });
      return [...video.textTracks].map((t) => ({
        kind: t.kind,
        language: t.language,
        mode: t.mode,
        cues: t.cues?.length ?? 0,
        first: (t.cues?.[0] as VTTCue | undefined)?.text,
      }));
    });
    expect(tracks.map((t) => `${t.kind}:${t.language}:${t.mode}`)).toEqual([
      "captions:zh:showing",
      "captions:en:disabled",
      "chapters:zh:disabled",
    ]);
    expect(tracks[0]?.cues).toBe(5);
    expect(tracks[0]?.first).toBe("职业教育法第二十四条规定，企业应当有计划地");
  });

  it("plays the video and seeks through a range request of the LAN server", async () => {
    const played = await page.evaluate(async () => {
      const video = document.querySelector<HTMLVideoElement>("figure[data-media=video] video");
      if (!video) return { error: "no video" };
      video.muted = true;
      await video.play();
      // Playing until a third of a second has passed; a busy machine may take a while to start.
      const until = Date.now() + 15_000;
      while (video.currentTime < 0.3 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
      const afterPlay = video.currentTime;
      video.pause();
      const seeked = new Promise((r) => video.addEventListener("seeked", r, { once: true }));
      video.currentTime = 20;
      await seeked;
      return { afterPlay, afterSeek: video.currentTime, duration: video.duration };
    });
    expect(played).not.toHaveProperty("error");
    expect(played.afterPlay).toBeGreaterThan(0.2);
    expect(played.afterSeek).toBeCloseTo(20, 0);
    expect(played.duration).toBeGreaterThan(23);
    const partial = mediaResponses.filter((r) => r.url.endsWith(".mp4") && r.status === 206);
    expect(partial.length, JSON.stringify(mediaResponses)).toBeGreaterThan(0);
    expect(partial[0]?.range).toMatch(/^bytes \d+-\d+\/216278$/);
    // The server answers a range in the middle of the file as the seek needs it.
    const response = await fetch(site.url("/media/training-duty.mp4"), {
      headers: { Range: "bytes=100000-100099" },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100000-100099/216278");
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it("plays the audio clip", async () => {
    const time = await page.evaluate(async () => {
      const audio = document.querySelector<HTMLAudioElement>("figure[data-media=audio] audio");
      if (!audio) return -1;
      await audio.play();
      const until = Date.now() + 15_000;
      while (audio.currentTime < 0.3 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
      audio.pause();
      return audio.currentTime;
    });
    expect(time).toBeGreaterThan(0.2);
  });

  it("has no axe violations (WCAG 2.2 AA)", async () => {
    const { violations } = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  });

  it("finds the lesson by words only its transcript has", async () => {
    const search = await site.newPage();
    await search.goto(site.url("/search/"), { waitUntil: "load" });
    await runSearch(search, "休息室");
    const hrefs = await search
      .locator("[data-search-results] a[href]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain(LESSON);
  });

  it("prints the poster frame, the transcript and the page's QR code", async () => {
    const print = await site.newPage();
    await print.goto(site.url(`/print${LESSON}`), { waitUntil: "load" });
    const figure = print.locator("figure.print-media[data-media=video]");
    const poster = figure.locator("img");
    expect(await poster.getAttribute("src")).toBe("/media/training-duty.jpg");
    expect(await poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    expect(await figure.textContent()).toContain("车间休息室观看这段录像");
    expect(await print.locator("video, audio").count()).toBe(0);
    expect(await print.locator("svg.qr-code").count()).toBe(1);
  });

  it("lists the publicity material with filters, and its page has a preview and sized downloads", async () => {
    const list = await site.newPage();
    await list.goto(site.url("/materials/"), { waitUntil: "load" });
    expect(await list.locator("main a[href='/materials/funds-leaflet/']").count()).toBe(1);
    // Filters are static pages: by kind, topic, audience and year.
    expect(await list.locator("a[href='/materials/filter/kind/leaflet/']").count()).toBeGreaterThan(
      0,
    );
    await list.goto(site.url("/materials/filter/kind/leaflet/"), { waitUntil: "load" });
    expect(await list.locator("main a[href='/materials/funds-leaflet/']").count()).toBe(1);
    await list.goto(site.url("/materials/funds-leaflet/"), { waitUntil: "load" });
    const preview = list.locator(".material-preview img");
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
      100,
    );
    const download = list.locator("a[data-material-file]");
    expect(await download.textContent()).toMatch(/三折页（PDF，\d+ KB）/);
    const response = await fetch(site.url((await download.getAttribute("href")) ?? ""));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { violations } = await new AxeBuilder({ page: list })
      .setLegacyMode(true)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  it("links a material's page to its noticeboard poster, whose print view loads its image and passes axe", async () => {
    const poster = await site.newPage();
    await poster.goto(site.url("/materials/safety-poster/"), { waitUntil: "load" });
    await poster.getByRole("link", { name: "打印海报（A3）" }).click();
    await poster.waitForURL(/\/print\/materials\/safety-poster\/poster\/$/);
    expect(await poster.getByRole("heading", { level: 1 }).textContent()).toBe("先培训 后上岗");
    const image = poster.locator(".poster-figure img");
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    expect(await poster.locator(".poster svg.qr-code").count()).toBe(1);
    expect(await poster.locator(".print-toolbar p").textContent()).toContain("海报的打印版");
    const { violations } = await new AxeBuilder({ page: poster })
      .setLegacyMode(true)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  });
});
