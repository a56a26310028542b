/**
 * Issue 26: the offline zip of a site with video and audio
 * (tests/fixtures/extra/media, the build the browser test uses too): the media
 * are in it, serve.mjs in the unpacked copy answers range requests (seeking),
 * and `npm run offline-zip` warns when the zip is larger than
 * site.yaml's media.offlineZipMaxMB.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliOutput } from "../../src/lib/cli/run.ts";
import { makeOfflineZip } from "../../src/lib/offline/make-offline-zip.ts";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { fixtureContent } from "../helpers/fixtures.ts";

const TOP = "union-kb-site-2026-05-01";
const made: string[] = [];
let root: string;
let server: ChildProcess | undefined;

/** Runs `npm run offline-zip` in process; returns exit code, what it printed, and the zip's files. */
function zip(maxMB?: number) {
  const content = fixtureContent("media", "extra");
  made.push(content);
  if (maxMB !== undefined)
    appendFileSync(join(content, "site.yaml"), `media:\n  offlineZipMaxMB: ${maxMB}\n`);
  const folder = mkdtempSync(join(tmpdir(), "union-kb-media-zip-"));
  made.push(folder);
  const out = join(folder, `${TOP}.zip`);
  const lines: string[] = [];
  const output: CliOutput = { log: (line) => lines.push(line), error: (line) => lines.push(line) };
  const code = makeOfflineZip(
    { root, content, out, date: new Date("2026-05-01T08:00:00Z") },
    output,
  );
  return { code, text: lines.join("\n"), files: unzipSync(readFileSync(out)) };
}

beforeAll(async () => {
  root = await buildFixtureSite("media");
}, 300_000);
afterAll(() => {
  server?.kill();
  for (const path of made) rmSync(path, { recursive: true, force: true });
});

describe("the offline zip with video and audio", () => {
  it("holds the media and warns only when the zip is over media.offlineZipMaxMB", () => {
    const fits = zip();
    expect(fits.code).toBe(0);
    expect(fits.text).not.toContain("Warning");
    const video = fits.files[`${TOP}/site/media/training-duty.mp4`];
    expect(video?.byteLength).toBe(readFileSync(join(root, "media/training-duty.mp4")).byteLength);
    expect(Object.keys(fits.files)).toContain(`${TOP}/site/media/training-duty.zh.vtt`);
    expect(Object.keys(fits.files)).toContain(`${TOP}/site/media/activity-week.mp3`);

    const over = zip(0.1);
    expect(over.code).toBe(0);
    const media = readdirSync(join(root, "media"), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .reduce((sum, f) => sum + statSync(join(f.parentPath, f.name)).size, 0);
    expect(over.text).toMatch(
      /Warning: the zip is \d+\.\d MB, more than the 0\.1 MB set in site\.yaml \(media\.offlineZipMaxMB\)/,
    );
    expect(over.text).toContain(
      `the media/ folder (video, audio, documents) takes ${(media / 1024 / 1024).toFixed(1)} MB of it.`,
    );
  });

  it("serve.mjs in the unpacked copy answers a range request with 206", async () => {
    const { files } = zip();
    const unpacked = mkdtempSync(join(tmpdir(), "union-kb-media-offline-"));
    made.push(unpacked);
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith("/")) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    server = spawn(process.execPath, [join(unpacked, TOP, "serve.mjs"), "--port", "0"]);
    const origin = await new Promise<string>((resolve, reject) => {
      let output = "";
      server?.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const url = output.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
        if (url) resolve(url);
      });
      setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10_000);
    });
    const whole = await fetch(`${origin}/media/training-duty.mp4`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    const size = (await whole.arrayBuffer()).byteLength;
    const part = await fetch(`${origin}/media/training-duty.mp4`, {
      headers: { Range: "bytes=1000-1999" },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(1000);
    const tail = await fetch(`${origin}/media/training-duty.mp4`, {
      headers: { Range: "bytes=-10" },
    });
    expect(tail.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    const vtt = await fetch(`${origin}/media/training-duty.zh.vtt`);
    expect(vtt.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
  });
});
