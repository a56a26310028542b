/**
 * Issue 26: `npm run check` and `npm run build` on bad video and audio input.
 * Each scenario of tests/fixtures/invalid/media-* plants one mistake in a
 * lesson's <Video>; extra/media is the good lesson (and a material with a
 * noticeboard poster), edited here for the rest.
 */
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { formatReport } from "../../src/lib/kb/problems.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const LESSON = "<content>/courses/training-rights/03-video.mdx";

/**
 * The check as `npm run check` runs it, in process (each spawn of the script
 * costs seconds): exit status and the report with the temporary path hidden.
 * The last test runs `npm run build` as a user would.
 */
function check(scenario: string, group: "invalid" | "extra", edit?: (dir: string) => void) {
  const dir = fixtureContent(scenario, group);
  made.push(dir);
  edit?.(dir);
  const result = checkKnowledgeBase(dir);
  const report = formatReport(result.problems);
  const output = `Knowledge base: ${dir}\n${report}`.replaceAll(dir, "<content>");
  return { status: result.errors ? 1 : 0, output, dir };
}

describe("npm run check: video and audio", () => {
  it("passes a lesson with a video and an audio clip", () => {
    const { status, output } = check("media", "extra");
    expect(output).toContain("0 errors, 0 warnings");
    expect(status).toBe(0);
  });

  it("refuses a video file that does not exist, with file, line and path", () => {
    const { status, output } = check("media-missing-file", "invalid");
    expect(status).toBe(1);
    expect(output).toContain(`✖ error  ${LESSON}:14
  problem:  <Video> src=“/media/training-duty.mp4” names a file that does not exist
  expected: a file at <content>/media/training-duty.mp4`);
    expect(output).toContain("1 error, 0 warnings");
  });

  it("refuses a video with speech and no captions", () => {
    const { status, output } = check("media-no-captions", "invalid");
    expect(status).toBe(1);
    expect(output).toContain(`✖ error  ${LESSON}:14
  problem:  <Video> “企业的培训义务” has no Chinese captions`);
    expect(output).toContain("<Video noSpeech … />");
    expect(output).toContain("1 error, 0 warnings");
  });

  it("accepts a video without captions that says it has no speech", () => {
    const { status, output } = check("media-no-captions", "invalid", (dir) => {
      const file = join(dir, "courses/training-rights/03-video.mdx");
      writeFileSync(
        file,
        `---
title: 无声视频
summary: 没有讲话的视频。
duration: 5
objectives: [看]
format: audio-visual
topics: [employee-education-funds]
updated: 2026-03-03
---

<Video src="/media/training-duty.mp4" poster="/media/training-duty.jpg" noSpeech title="操作演示" />
`,
      );
    });
    expect(output).toContain("0 errors, 0 warnings");
    expect(status).toBe(0);
  });

  it("refuses a format Chromium cannot play, by extension", () => {
    const { status, output } = check("media-unplayable-format", "invalid");
    expect(status).toBe(1);
    expect(output).toContain(`✖ error  ${LESSON}:14
  problem:  <Video> src=“/media/training-duty.avi”: .avi files cannot be used here
  expected: one of .mp4, .m4v, .webm`);
    expect(output).toContain("1 error, 0 warnings");
  });

  it("refuses a file renamed to .mp4, by its first bytes", () => {
    const { status, output } = check("media-unplayable-format", "invalid", (dir) => {
      copyFileSync(join(dir, "media/training-duty.avi"), join(dir, "media/training-duty.mp4"));
      const file = join(dir, "courses/training-rights/03-video.mdx");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("training-duty.avi", "training-duty.mp4"),
      );
    });
    expect(status).toBe(1);
    expect(output).toContain(
      "problem:  <Video> src=“/media/training-duty.mp4” is named .mp4 but its content is not (it starts like other)",
    );
  });

  it("warns about a file over site.yaml's media.maxFileMB, and still passes", () => {
    const { status, output } = check("media", "extra", (dir) => {
      appendFileSync(join(dir, "site.yaml"), "media:\n  maxFileMB: 0.1\n");
    });
    expect(output).toContain(`⚠ warning  ${LESSON}:14
  problem:  <Video> src=“/media/training-duty.mp4” is 0.2 MB, more than the 0.1 MB set in site.yaml (media.maxFileMB)`);
    expect(output).toContain("0 errors, 1 warning");
    expect(status).toBe(0);
  });

  it("refuses a material whose file is missing, a preview that is not an image and an unknown campaign", () => {
    const { status, output } = check("media", "extra", (dir) => {
      const file = join(dir, "materials/funds-leaflet.yaml");
      writeFileSync(
        file,
        readFileSync(file, "utf8")
          .replace("education-funds-leaflet.pdf", "gone.pdf")
          .replace(
            "preview: /media/materials/education-funds-leaflet-preview.png",
            "preview: /media/materials/education-funds-leaflet.pdf",
          )
          .replace("kind: leaflet", "kind: leaflet\ncampaign: safety-weak"),
      );
    });
    expect(status).toBe(1);
    const file = "<content>/materials/funds-leaflet.yaml";
    expect(output).toContain(`✖ error  ${file}:10
  field:    files[0].path
  problem:  the file “/media/materials/gone.pdf” of this material does not exist`);
    expect(output).toContain(`✖ error  ${file}:12
  field:    preview
  problem:  the preview “/media/materials/education-funds-leaflet.pdf” is not an image browsers show`);
    expect(output).toContain(`✖ error  ${file}:4
  field:    campaign
  problem:  this material names a campaign that content/campaigns.yaml does not have: “safety-weak”`);
    expect(output).toContain("3 errors, 0 warnings");
  });

  it("refuses a noticeboard poster on unknown paper, with a missing image or a PDF as its image", () => {
    const edited = (from: string, to: string) =>
      check("media", "extra", (dir) => {
        const file = join(dir, "materials/safety-poster.yaml");
        writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
      });
    const file = "<content>/materials/safety-poster.yaml";
    const paper = edited("paper: A3", "paper: B4");
    expect(paper.status).toBe(1);
    expect(paper.output).toContain(`✖ error  ${file}:15
  field:    poster.paper
  problem:  the value is not one of the allowed values
  expected: one of: A3, A4
  found:    "B4"`);
    expect(paper.output).toContain("1 error, 0 warnings");

    const missing = edited("image: /media/training-duty.jpg", "image: /media/poster-photo.jpg");
    expect(missing.status).toBe(1);
    expect(missing.output).toContain(`✖ error  ${file}:20
  field:    poster.image
  problem:  the file “/media/poster-photo.jpg” of this material does not exist`);
    expect(missing.output).toContain("1 error, 0 warnings");

    const pdf = edited(
      "image: /media/training-duty.jpg",
      "image: /media/materials/education-funds-leaflet.pdf",
    );
    expect(pdf.status).toBe(1);
    expect(pdf.output).toContain(`✖ error  ${file}:20
  field:    poster.image
  problem:  the poster's image “/media/materials/education-funds-leaflet.pdf” is not an image browsers show`);
  });

  it("npm run build stops on a missing media file before Astro starts", () => {
    const dir = fixtureContent("media-missing-file", "invalid");
    made.push(dir);
    const out = join(dir, "..", `${dir.split("/").at(-1)}-out`);
    made.push(out);
    const result = runScript("build.ts", ["--content", dir, "--out", out]);
    const output = `${result.stdout}${result.stderr}`.replaceAll(dir, "<content>");
    expect(result.status).toBe(1);
    expect(output).toContain(`${LESSON}:14`);
    expect(output).toContain("names a file that does not exist");
  });
});
