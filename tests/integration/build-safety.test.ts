/**
 * What `npm run build` may delete, and what a killed build leaves behind
 * (issue 18: items 1, 6 and 9). The refusals happen before anything is built,
 * so those tests cost a second each; three tests build the valid fixture.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_MARKER } from "../../src/lib/build/output-dir.ts";
import { cacheDirFor } from "../../src/lib/kb/content-dir.ts";
import {
  fingerprint,
  fixtureContent as fixtureCopy,
  ROOT,
  runScript,
  VALID_CONTENT,
} from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
/** A copy of the valid fixture, removed after the tests with its build cache. */
function fixtureContent(): string {
  const dir = fixtureCopy();
  made.push(dir, cacheDirFor(dir));
  return dir;
}
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `union-kb-${name}-`));
  made.push(dir);
  return dir;
}

/**
 * A stand-in project (the build takes the folder it runs in as the project):
 * content/, src/, public/ and package.json inside `<temp>/project`, so no
 * test ever points the build at the real checkout's folders.
 */
function fakeProject(): { parent: string; project: string } {
  const parent = tempDir("project");
  const project = join(parent, "project");
  cpSync(VALID_CONTENT, join(project, "content"), { recursive: true });
  for (const [path, text] of [
    ["src/page.ts", "export {};\n"],
    ["public/robots.txt", "User-agent: *\n"],
    ["package.json", "{}\n"],
    ["notes.txt", "keep me\n"],
  ] as const) {
    mkdirSync(join(project, path, ".."), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  return { parent, project };
}

function build(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "scripts/build.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", UNION_KB_OUT: "", ...env },
    timeout: 60_000,
  });
}

describe("the build refuses an output folder it did not make", () => {
  it.each([
    ["--out content", ["--out", "content"], {}, "this is the content folder"],
    ["--out .", ["--out", "."], {}, "this is the project folder"],
    ["--out src", ["--out", "src"], {}, "this is the project's src/ folder"],
    ["--out ..", ["--out", ".."], {}, "this folder contains the project folder"],
    ["--out public/kb", ["--out", "public/kb"], {}, "inside the project's public/ folder"],
    ["UNION_KB_OUT=content", [], { UNION_KB_OUT: "content" }, "UNION_KB_OUT=content: this is"],
  ])("%s: exit 2, a message, every file in place", (_, args, env, message) => {
    const { parent, project } = fakeProject();
    const before = fingerprint(parent);
    const result = build(project, args as string[], env);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Expected: ");
    expect(result.stderr).toContain("Hint: ");
    expect(result.stderr).toContain("Nothing was built or deleted.");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // Refused before the content check and before anything was written (.astro/ included).
    expect(result.stdout).toBe("");
    expect(fingerprint(parent)).toEqual(before);
    expect(readdirSync(project).sort()).toEqual([
      "content",
      "notes.txt",
      "package.json",
      "public",
      "src",
    ]);
  });

  it("a non-empty folder without the build's marker (an old site, someone's files): exit 2", () => {
    const web = tempDir("web");
    writeFileSync(join(web, "index.html"), "<p>someone's page</p>");
    mkdirSync(join(web, "uploads"));
    writeFileSync(join(web, "uploads/report.pdf"), "%PDF");
    const before = fingerprint(web);
    const result = runScript("build.ts", ["--content", fixtureContent(), "--out", web]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`is not empty (2 item(s), e.g. index.html, uploads)`);
    expect(result.stderr).toContain("delete or empty the folder once and build again");
    expect(fingerprint(web)).toEqual(before);
  });
});

/** PIDs of the processes whose parent is `pid` (Linux: /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Running, not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
}

/** Starts a build and resolves once Astro's process runs (and, optionally, has made its folder). */
async function startBuild(content: string, out: string, waitForFolder: boolean) {
  const parent = spawn(
    process.execPath,
    [join(ROOT, "scripts/build.ts"), "--content", content, "--out", out],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  parent.stdout.on("data", (data) => (output += data));
  parent.stderr.on("data", (data) => (output += data));
  const ended = new Promise<number | null>((resolve) => parent.once("exit", resolve));
  const pid = parent.pid as number;
  const building = join(out, "..", `.${out.split("/").at(-1)}-building-${pid}`);
  // The content check runs in a child too; Astro's is the one running astro-build.ts.
  const isAstro = (child: number) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, "utf8").includes("astro-build.ts");
    } catch {
      return false;
    }
  };
  let astro: number | undefined;
  await waitFor(() => {
    astro = childrenOf(pid).find(isAstro);
    return astro !== undefined && (!waitForFolder || existsSync(building));
  }, 120_000);
  if (astro === undefined) throw new Error(`Astro's process did not start:\n${output}`);
  return { parent, astro, building, ended, output: () => output };
}

describe.skipIf(process.platform !== "linux")("a build that is killed", () => {
  it("kill -9 of the build: Astro's process stops too, the next build removes its folder and replaces the marked site", async () => {
    const content = fixtureContent();
    const out = join(tempDir("killed"), "dist");
    // An earlier build's site (marked), with a file the next build drops.
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "old site");
    writeFileSync(join(out, "gone.html"), "only in the old site");
    writeFileSync(join(out, BUILD_MARKER), "marker");
    const before = fingerprint(out);

    // Killed as soon as Astro runs, and once Astro has begun writing the site.
    const runs = [];
    for (const waitForFolder of [false, true]) {
      const run = await startBuild(content, out, waitForFolder);
      run.parent.kill("SIGKILL");
      await run.ended;
      const stopped = await waitFor(() => !isRunning(run.astro), 5_000);
      expect(stopped, "Astro's process still runs after its build was killed").toBe(true);
      expect(fingerprint(out)).toEqual(before);
      runs.push(run);
    }
    expect(existsSync(runs[1]?.building as string)).toBe(true);

    const next = runScript("build.ts", ["--content", content, "--out", out]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/Removed [12] folder\(s\) left by an interrupted build/);
    // Nothing else next to the site: no folder of a killed build, none finished by an orphan.
    expect(readdirSync(join(out, "..")).sort()).toEqual(["dist"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("<!DOCTYPE html>");
    expect(existsSync(join(out, "gone.html"))).toBe(false);
    expect(readFileSync(join(out, BUILD_MARKER), "utf8")).toContain("built by Union KB");
  });

  it("Astro's process killed (as by the out-of-memory killer): the signal, the low-memory hint, the old site kept", async () => {
    const content = fixtureContent();
    const out = join(tempDir("oom"), "dist");
    const run = await startBuild(content, out, false);
    process.kill(run.astro, "SIGKILL");
    expect(await run.ended).toBe(1);
    const output = run.output();
    expect(output).toContain("The build failed: Astro's process was killed (SIGKILL)");
    expect(output).toContain("UNION_KB_LOW_MEMORY=1 npm run build");
    expect(output).toContain("The previous site (if any) is unchanged.");
    expect(existsSync(out)).toBe(false);
    expect(existsSync(run.building)).toBe(false);
  });
});

const shm = "/dev/shm";
const otherDevice =
  existsSync(shm) && statSync(shm).dev !== statSync(join(ROOT, ".astro")).dev ? shm : undefined;

describe.skipIf(!otherDevice)("an output folder on another file system", () => {
  it("builds (Astro cannot rename across devices: the site is copied next to --out)", () => {
    const dir = mkdtempSync(join(otherDevice as string, "union-kb-exdev-"));
    made.push(dir);
    const content = fixtureContent();
    const out = join(dir, "site");
    const result = runScript("build.ts", ["--content", content, "--out", out]);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "pagefind/pagefind.js"))).toBe(true);
    expect(existsSync(join(out, BUILD_MARKER))).toBe(true);
    expect(readdirSync(dir)).toEqual(["site"]);
    expect(readdirSync(join(ROOT, ".astro")).filter((n) => n.includes("-building-"))).toEqual([]);
  });
});
