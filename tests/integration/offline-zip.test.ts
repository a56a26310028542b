/**
 * `npm run offline-zip` on the built fixture site: the zip holds the whole site, the
 * readme and the start helpers, and the Node helper really serves the unpacked copy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusalText } from "../../src/lib/cli/cli-error.ts";
import { makeOfflineZip } from "../../src/lib/offline/make-offline-zip.ts";
import {
  createOfflineZip,
  listSiteFiles,
  offlineZipName,
} from "../../src/lib/offline/offline-zip.ts";
import { README_NAME } from "../../src/lib/offline/readme.ts";
import { refusalOf } from "../helpers/cli-output.ts";
import { buildFixtureSite } from "../helpers/e2e.ts";
import { runScript, VALID_CONTENT } from "../helpers/fixtures.ts";

const TOP = "union-kb-site-2025-05-01";

let root: string;
let work: string;
let files: Record<string, Uint8Array>;
let scriptOutput: string;

beforeAll(async () => {
  root = await buildFixtureSite();
  work = mkdtempSync(join(tmpdir(), "union-kb-offline-"));
  const result = runScript("offline-zip.ts", [
    "--root",
    root,
    "--content",
    VALID_CONTENT,
    "--out",
    join(work, `${TOP}.zip`),
  ]);
  scriptOutput = result.stdout + result.stderr;
  if (result.status !== 0)
    throw new Error(`offline-zip failed (${result.status}):\n${scriptOutput}`);
  files = unzipSync(readFileSync(join(work, `${TOP}.zip`)));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// ignoreBOM keeps the byte-order mark, so the test can see that Notepad gets one.
const text = (name: string) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(files[`${TOP}/${name}`]);

describe("npm run offline-zip", () => {
  it("says what it wrote", () => {
    expect(scriptOutput).toContain(`${TOP}.zip`);
    expect(scriptOutput).toContain(README_NAME);
  });

  it("holds every file of the built site, byte for byte, under site/", () => {
    const site = Object.keys(files)
      .filter((name) => name.startsWith(`${TOP}/site/`))
      .map((name) => name.slice(`${TOP}/site/`.length))
      .sort();
    const built = listSiteFiles(root);
    expect(site).toEqual(built);
    expect(site).toContain("index.html");
    if (built.some((file) => file.startsWith("pagefind/"))) {
      expect(site).toContain("pagefind/pagefind.js");
    }
    expect(files[`${TOP}/site/index.html`]).toEqual(
      new Uint8Array(readFileSync(join(root, "index.html"))),
    );
  });

  it("has a Chinese readme that explains file:// and the one-command ways to serve it", () => {
    const readme = text(README_NAME);
    expect(readme.startsWith("\ufeff")).toBe(true);
    expect(readme).toContain("\r\n");
    expect(readme).toContain("file://");
    expect(readme).toContain("start-windows.bat");
    expect(readme).toContain("python -m http.server 8080 --directory site");
    expect(readme).toContain("node serve.mjs");
    expect(readme).toContain("测试知识库");
  });

  it("has Windows helpers with CRLF line ends and ASCII only", () => {
    for (const name of ["start-windows.bat", "serve.ps1"]) {
      const helper = text(name);
      expect(helper.replace(/\r\n/g, "")).not.toContain("\n");
      expect(
        [...helper].every(
          (char) => char === "\t" || char === "\r" || char === "\n" || (char >= " " && char <= "~"),
        ),
      ).toBe(true);
    }
    expect(text("start-windows.bat")).toContain("serve.ps1");
  });

  it("names the zip after the day it was made", () => {
    expect(offlineZipName(new Date("2025-05-01T10:00:00Z"))).toBe(`${TOP}.zip`);
  });

  it("explains usage mistakes and a missing site", async () => {
    const help = runScript("offline-zip.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run offline-zip");
    expect(runScript("offline-zip.ts", ["--bogus"]).status).toBe(2);
    const missing = await refusalOf(() => makeOfflineZip({ root: join(work, "nothing") }));
    expect(missing.code).toBe(1);
    expect(refusalText(missing, "")).toContain("npm run build");
    const inside = await refusalOf(() => makeOfflineZip({ root, out: join(root, "x.zip") }));
    expect(inside.code).toBe(2);
    expect(inside.showHelp).toBe(false);
  });
});

describe("offline copy under a base path", () => {
  it("puts the site in site/kb/ with a redirect at the top", () => {
    const site = join(work, "small");
    mkdirSync(join(site, "courses"), { recursive: true });
    writeFileSync(join(site, "index.html"), "<!doctype html><p>home</p>");
    writeFileSync(join(site, "courses/index.html"), "<!doctype html><p>courses</p>");
    const out = join(work, "kb.zip");
    const result = createOfflineZip({
      root: site,
      out,
      base: "/kb/",
      siteName: "KB",
      date: new Date(),
    });
    const names = Object.keys(unzipSync(readFileSync(out)));
    expect(result.entries).toEqual(names);
    expect(names).toContain("kb/site/kb/courses/index.html");
    const redirect = new TextDecoder().decode(unzipSync(readFileSync(out))["kb/site/index.html"]);
    expect(redirect).toContain('url=/kb/"');
  });
});

describe("offline copy without dot-files", () => {
  it("leaves .env, .git/ and other dot-files out of the zip, keeps .well-known/", () => {
    const site = join(work, "dotted");
    for (const [name, content] of [
      ["index.html", "<!doctype html><p>home</p>"],
      [".env", "SECRET=1"],
      [".git/config", "[core]"],
      ["courses/.DS_Store", "x"],
      [".well-known/security.txt", "Contact: mailto:it@union.example"],
    ] as const) {
      mkdirSync(dirname(join(site, name)), { recursive: true });
      writeFileSync(join(site, name), content);
    }
    const out = join(work, "dotted.zip");
    createOfflineZip({ root: site, out, base: "/", siteName: "KB", date: new Date() });
    const names = Object.keys(unzipSync(readFileSync(out))).filter((name) =>
      name.startsWith("dotted/site/"),
    );
    expect(names.sort()).toEqual([
      "dotted/site/.well-known/security.txt",
      "dotted/site/index.html",
    ]);
  });
});

describe("serve.mjs in the unpacked copy", () => {
  let server: ChildProcess | undefined;
  let origin = "";

  beforeAll(async () => {
    const unpacked = join(work, "unpacked");
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith("/")) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    server = spawn(process.execPath, [join(unpacked, TOP, "serve.mjs"), "--port", "0"]);
    origin = await new Promise<string>((resolve, reject) => {
      let output = "";
      server?.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const url = output.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
        if (url) resolve(url);
      });
      server?.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
      setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10_000);
    });
  });

  afterAll(() => {
    server?.kill();
  });

  it("serves pages, assets and a 404, and nothing outside site/", async () => {
    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const css = listSiteFiles(root).find((file) => file.endsWith(".css"));
    if (css) {
      const response = await fetch(`${origin}/${css}`);
      expect(response.headers.get("content-type")).toContain("text/css");
    }
    const redirect = await fetch(`${origin}/courses`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/courses/");
    expect((await fetch(`${origin}/no-such-page/`)).status).toBe(404);
    // `//x//courses` once answered `Location: //courses/`, which browsers read as another host.
    const doubled = await fetch(`${origin}//courses`, { redirect: "manual" });
    expect(doubled.headers.get("location")).toBe("/courses/");
    const hostLike = await fetch(`${origin}//x//courses`, { redirect: "manual" });
    expect(hostLike.headers.get("location") ?? "").not.toMatch(/^[/\\]{2}/);
    for (const path of ["/%2e%2e/serve.mjs", "/..%2fserve.mjs", "/%2e%2e%2f%2e%2e%2fetc/passwd"]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("createServer");
    }
  });
});
