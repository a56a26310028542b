/** The build's own steps (src/lib/build/): output folder, leftovers, memory, Astro's process. */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeChildExit } from "../../src/lib/build/astro-process.ts";
import {
  countEntries,
  estimateBuildMemory,
  estimateOverlapMemory,
  mayOverlapSearch,
  memoryLimit,
  memoryProblem,
} from "../../src/lib/build/memory.ts";
import {
  BUILD_MARKER,
  buildingFolder,
  checkOutputDir,
  formatOutputDirProblem,
  removeStaleBuildFolders,
  replaceOutput,
  writeBuildMarker,
} from "../../src/lib/build/output-dir.ts";
import { VALID_CONTENT } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-steps-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fake project: package.json, content/, src/, public/, .git/ and node_modules/. */
function project(name: string): string {
  const root = join(temp, name, "project");
  for (const dir of ["content/cases", "src", "public", ".git", "node_modules"])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, "package.json"), "{}");
  writeFileSync(join(root, "content/cases/a.mdx"), "---\n---\n");
  return root;
}

describe("which output folders a build may replace", () => {
  const root = project("out");
  const context = {
    projectRoot: root,
    contentDir: join(root, "content"),
    home: join(temp, "home"),
  };
  const refused = (out: string) => checkOutputDir(join(root, out), context);

  it("accepts a missing folder, an empty one and an earlier build's", () => {
    expect(refused("dist")).toBeUndefined();
    expect(refused("deep/new/dist")).toBeUndefined();
    mkdirSync(join(root, "empty"));
    expect(refused("empty")).toBeUndefined();
    mkdirSync(join(root, "built"));
    writeFileSync(join(root, "built/index.html"), "<p>old</p>");
    writeBuildMarker(join(root, "built"));
    expect(refused("built")).toBeUndefined();
  });

  it("refuses the project, its content, sources and tools, and every folder above them", () => {
    for (const out of [".", "content", "src", "public", ".git", "node_modules", "..", "../.."])
      expect(refused(out)?.what, out).toMatch(/this (is|folder contains)/);
    expect(checkOutputDir("/", context)?.what).toContain("this folder contains the project folder");
    expect(checkOutputDir(join(temp, "home"), context)?.what).toContain("your home folder");
  });

  it("refuses a folder inside the content or sources, and the content folder in use anywhere", () => {
    expect(refused("content/courses")?.what).toContain("this folder is inside the content folder");
    expect(refused("content/dist/site")?.what).toContain(
      "this folder is inside the content folder",
    );
    expect(refused("content/.site")?.what).toContain("this folder is inside the content folder");
    expect(refused("public/kb")?.what).toContain("inside the project's public/ folder");
    const elsewhere = join(temp, "out", "my-content");
    mkdirSync(elsewhere, { recursive: true });
    expect(checkOutputDir(elsewhere, { ...context, contentDir: elsewhere })?.what).toContain(
      "this is the content folder",
    );
  });

  it("lets a knowledge base keep its site in a folder of its own at its top (<folder>/dist)", () => {
    expect(refused("content/dist")).toBeUndefined();
    expect(refused("content/site")).toBeUndefined();
  });

  it("sees through symlinks", () => {
    symlinkSync(join(root, "content"), join(root, "link-to-content"));
    expect(refused("link-to-content")?.what).toContain("the content folder");
  });

  it("refuses a non-empty folder without the marker, telling an older build's owner what to do", () => {
    mkdirSync(join(root, "web"));
    writeFileSync(join(root, "web/index.html"), "someone's site");
    const problem = refused("web");
    expect(problem).toBeDefined();
    expect(formatOutputDirProblem(problem as NonNullable<typeof problem>)).toBe(
      `--out ${join(root, "web")}: ${join(root, "web")} is not empty (1 item(s), e.g. index.html) and was not made by a build of Union KB (it has no .union-kb-build file).
Expected: a missing or empty folder, or one that an earlier build wrote.
Hint: the build replaces the whole output folder, so it would delete those files. If this is a site built by an older version of Union KB (before builds marked their folder), delete or empty the folder once and build again. Otherwise use a folder of its own for the site, e.g. --out dist (the default).
Nothing was built or deleted.`,
    );
    writeFileSync(join(root, "a-file"), "x");
    expect(refused("a-file")?.what).toContain("is a file, not a folder");
    expect(
      checkOutputDir(join(root, "content"), { ...context, label: "UNION_KB_OUT" })?.what,
    ).toMatch(/^UNION_KB_OUT=/);
  });
});

describe("the finished site replaces the old one", () => {
  it("by a rename next to it, or a copy first from elsewhere", () => {
    const dir = join(temp, "swap");
    const out = join(dir, "dist");
    for (const [from, text] of [
      [buildingFolder(out, 7), "new"],
      [join(dir, "elsewhere", "build"), "newer"],
    ] as const) {
      mkdirSync(from, { recursive: true });
      writeFileSync(join(from, "index.html"), text);
      writeBuildMarker(from);
      replaceOutput(from, out, 7);
      expect(readFileSync(join(out, "index.html"), "utf8")).toBe(text);
      expect(existsSync(join(out, BUILD_MARKER))).toBe(true);
      expect(existsSync(from)).toBe(false);
    }
    expect(existsSync(buildingFolder(out, 7))).toBe(false);
    expect(existsSync(`${buildingFolder(out, 7)}-old`)).toBe(false);
  });
});

describe("leftovers of killed builds", () => {
  it("are removed when their process is gone or is this one; a running build's are kept", () => {
    const dir = join(temp, "stale");
    const out = join(dir, "dist");
    const names = [
      ".dist-building-100",
      ".dist-building-100-old",
      ".dist-building-100.search-part",
      ".dist-building-200",
      ".dist-building-1",
      ".site-building-100",
      "dist",
    ];
    for (const name of names) mkdirSync(join(dir, name), { recursive: true });
    const removed = removeStaleBuildFolders(out, dir, (pid) => pid === 200, 1);
    expect(removed.map((path) => path.slice(dir.length + 1)).sort()).toEqual([
      ".dist-building-1",
      ".dist-building-100",
      ".dist-building-100-old",
      ".dist-building-100.search-part",
    ]);
    expect(existsSync(join(dir, ".dist-building-200"))).toBe(true);
    expect(existsSync(join(dir, ".site-building-100"))).toBe(true);
    expect(removeStaleBuildFolders(out, join(dir, "missing"), () => false)).toEqual([]);
  });
});

describe("memory", () => {
  const GB = 1024 ** 3;

  it("estimates the peak from the measured sizes", () => {
    // Measured (all processes): 1,000 entries 1.10-1.18 GB, 5,000 2.26 GB, 20,000 5.5 GB.
    expect(estimateBuildMemory(1_000) / GB).toBeCloseTo(1.13, 1);
    expect(estimateBuildMemory(5_000) / GB).toBeCloseTo(2.07, 1);
    expect(estimateBuildMemory(20_000) / GB).toBeCloseTo(5.59, 1);
    expect(estimateBuildMemory(20_000, true)).toBeLessThan(estimateBuildMemory(20_000));
  });

  it("begins the search index during the render only with memory for both at once", () => {
    // Measured with the overlap (docs/performance.md, session 8).
    expect(estimateOverlapMemory(1_000) / GB).toBeCloseTo(1.58, 1);
    expect(estimateOverlapMemory(5_000) / GB).toBeCloseTo(2.48, 1);
    expect(mayOverlapSearch(1_000, { bytes: 24 * GB }, false)).toBe(true);
    expect(mayOverlapSearch(1_000, { bytes: 24 * GB }, true)).toBe(false);
    // A 2 GB machine builds 1,000 entries (the plain estimate's share), but
    // indexes after Astro: both at once would need about 1.6 GB of its 2.
    expect(mayOverlapSearch(5_000, { bytes: 2 * GB }, false)).toBe(false);
    expect(mayOverlapSearch(1_000, { bytes: 1.5 * GB }, false)).toBe(false);
  });

  it("refuses only a machine clearly too small, pointing to low-memory mode when that fits", () => {
    const machine = (gb: number) => ({ bytes: gb * GB, source: "machine" as const });
    expect(memoryProblem(60, machine(1), false)).toBeUndefined();
    expect(memoryProblem(5_000, machine(2), false)).toBeUndefined();
    expect(memoryProblem(20_000, machine(5), false)).toBeUndefined();
    const tight = memoryProblem(20_000, machine(4), false);
    expect(tight).toBe(
      "Not enough memory to build 20,000 entries: this machine has 4.0 GB, the build needs about 5.6 GB at its peak and would most likely be stopped part-way.\n" +
        'Expected: at least 4.5 GB of memory (docs/operating.md, "Memory").\n' +
        "Hint: build with less memory, more slowly: UNION_KB_LOW_MEMORY=1 npm run build (about 4.9 GB); or build on a machine with more memory. UNION_KB_SKIP_MEMORY_CHECK=1 builds anyway.",
    );
    expect(memoryProblem(20_000, machine(4), true)).toBeUndefined();
    const small = memoryProblem(20_000, { bytes: 2 * GB, source: "container" }, true);
    expect(small).toContain("this container is limited to 2.0 GB");
    expect(small).toContain("(with UNION_KB_LOW_MEMORY=1)");
    expect(small).not.toContain("UNION_KB_LOW_MEMORY=1 npm run build");
    expect(small).toContain("a machine or container with more memory");
  });

  it("reads a container's limit (cgroup v2 and v1) below the machine's memory", () => {
    const files = (map: Record<string, string>) => ({
      totalmem: () => 8 * GB,
      readFile: (path: string) => map[path],
    });
    expect(memoryLimit(files({}))).toEqual({ bytes: 8 * GB, source: "machine" });
    expect(memoryLimit(files({ "/sys/fs/cgroup/memory.max": "max\n" }))).toEqual({
      bytes: 8 * GB,
      source: "machine",
    });
    expect(memoryLimit(files({ "/sys/fs/cgroup/memory.max": `${2 * GB}\n` }))).toEqual({
      bytes: 2 * GB,
      source: "container",
    });
    expect(
      memoryLimit(files({ "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n" }))
        .source,
    ).toBe("machine");
  });

  it("counts entries from file names: courses, lessons, policies, cases", () => {
    // The valid fixture: 1 course with 2 lessons, 1 policy, 1 case.
    expect(countEntries(VALID_CONTENT)).toBe(5);
    expect(countEntries(join(temp, "no-such-folder"))).toBe(0);
  });
});

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("how Astro's process ended", () => {
  it("names the signal and, for SIGKILL, the likely lack of memory with the low-memory hint", () => {
    expect(describeChildExit(0, null)).toBeUndefined();
    expect(describeChildExit(null, "SIGKILL")).toContain("killed (SIGKILL)");
    expect(describeChildExit(null, "SIGKILL")).toContain("out of memory");
    expect(describeChildExit(null, "SIGKILL")).toContain("UNION_KB_LOW_MEMORY=1 npm run build");
    expect(describeChildExit(null, "SIGABRT")).toContain("heap out of memory");
    expect(describeChildExit(null, "SIGSEGV")).toBe("Astro's process crashed (SIGSEGV).");
    expect(describeChildExit(null, "SIGKILL", "It")).toMatch(/^It was killed \(SIGKILL\)/);
    expect(describeChildExit(1, null)).toBe(
      "Astro's process ended with exit code 1 (see the messages above).",
    );
  });

  it("stops itself when its parent is killed with SIGKILL, even before it looked", async () => {
    // A parent that starts a child watching it, prints the child's PID and waits.
    const module = join(import.meta.dirname, "../../src/lib/build/astro-process.ts");
    const childCode = `import(${JSON.stringify(module)}).then((m) => { m.exitWithParent(100); setInterval(() => {}, 1000); });`;
    const parentCode = `import(${JSON.stringify(module)}).then((m) => { console.log(m.runNodeChild(["-e", ${JSON.stringify(childCode)}]).child.pid); setInterval(() => {}, 1000); });`;
    const parent = spawn(process.execPath, ["-e", parentCode], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout.once("data", (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A zombie (ended, not yet reaped by whoever adopted it) counts as gone.
    const alive = (pid: number) =>
      existsSync(`/proc/${pid}`)
        ? !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"))
        : process.platform !== "linux" && processExists(pid);
    expect(alive(childPid)).toBe(true);
    parent.kill("SIGKILL");
    const deadline = Date.now() + 5_000;
    while (alive(childPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(childPid)).toBe(false);
  });
});
