/**
 * The tool as a package: `npm pack`, a knowledge base made by `init` that
 * depends on the tarball, `npm install` in it, and `union-kb check` and
 * `union-kb build` run there with the shell's Node (20 on our machines): the
 * bin must find the Node 24 the package depends on, and Node must run the
 * tool's TypeScript from node_modules.
 *
 * A full `npm install` of the tarball's ~290 packages takes 80–120 s on our
 * shared machines (unpacking and the `node` package fetching its binary).
 * The first run does exactly that and keeps the installed dependencies
 * (everything but union-kb itself) in node_modules/.cache, keyed by the
 * tool's dependency list; later runs lay them into the new knowledge base
 * first (hard links), so `npm install` only has to add the new tarball and
 * check the tree. A changed dependency list means a full install again.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runScript } from "../helpers/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "union-kb-package-"));
const kb = join(temp, "our-kb");
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
};
/** The shell's PATH without any node_modules/.bin: `node` is the system's, as for a user. */
const shellPath = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((dir) => !dir.includes("node_modules"))
  .join(delimiter);
const shellEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: shellPath,
  NO_COLOR: "1",
  UNION_KB_CONTENT: "",
  UNION_KB_OUT: "",
};
for (const name of Object.keys(shellEnv))
  if (name.startsWith("npm_") || name === "NODE_OPTIONS" || name === "INIT_CWD")
    delete shellEnv[name];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: shellEnv, timeout: 600_000 });
}

const depsCache = join(
  ROOT,
  "node_modules/.cache/union-kb-package-test",
  createHash("sha256").update(JSON.stringify(pkg.dependencies)).digest("hex").slice(0, 16),
);
/** Hard-links every installed package but `skip` from one node_modules into another. */
function linkPackages(from: string, to: string, skip: string[]): void {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).filter(
    (name) => ![".bin", ".package-lock.json", ...skip].includes(name),
  );
  const result = spawnSync("cp", ["-al", ...names.map((name) => join(from, name)), to], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
}

let shellNode = "";
let installSeconds = 0;
let installLog = "";
beforeAll(() => {
  shellNode = run("node", ["--version"], temp).stdout.trim();
  const packed = run("npm", ["pack", "--pack-destination", temp, "--silent"], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(temp, `union-kb-${pkg.version}.tgz`);
  expect(existsSync(tarball)).toBe(true);
  const init = runScript("init.ts", ["our-kb", "--yes", "--tool", `file:${tarball}`], {
    INIT_CWD: temp,
  });
  expect(init.status, init.stderr).toBe(0);
  const cached = existsSync(join(depsCache, "node", "bin", "node"));
  if (cached) linkPackages(depsCache, join(kb, "node_modules"), []);
  const started = performance.now();
  const install = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], kb);
  installSeconds = (performance.now() - started) / 1000;
  installLog = `${install.stdout}${install.stderr}`;
  expect(install.status, installLog).toBe(0);
  if (!cached) {
    rmSync(depsCache, { recursive: true, force: true });
    linkPackages(join(kb, "node_modules"), depsCache, ["union-kb"]);
  }
  console.log(
    `package test: shell node ${shellNode}; npm install ${cached ? "(dependencies laid in from the cache)" : "(full)"} ${installSeconds.toFixed(0)} s`,
  );
}, 900_000);

describe("the packed tool in a knowledge base of its own", () => {
  it("npm install is quiet (no EBADENGINE warnings) and links the union-kb bin", () => {
    expect(installLog).not.toContain("EBADENGINE");
    expect(installLog).not.toMatch(/npm warn/i);
    expect(existsSync(join(kb, "node_modules/.bin/union-kb"))).toBe(true);
    expect(readFileSync(join(kb, "package.json"), "utf8")).toContain('"build": "union-kb build"');
  });

  it("union-kb runs on the pinned Node even where the shell's node is older", () => {
    const version = run(join(kb, "node_modules/.bin/union-kb"), ["--version"], kb);
    expect(version.stdout.trim()).toBe(pkg.version);
    const check = run("npm", ["run", "--silent", "check"], kb);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain(`Knowledge base: ${kb}\n0 errors, 0 warnings`);
  });

  it("npm run build (union-kb build) builds the site into the knowledge base's dist/", () => {
    const build = run("npm", ["run", "--silent", "build"], kb);
    const log = `${build.stdout}${build.stderr}`;
    expect(build.status, log).toBe(0);
    expect(log).toContain(`Knowledge base: ${kb}`);
    expect(log).toContain(
      `Built 1 course, 1 lesson, 0 policies, 0 cases, 0 glossary terms, 2 topics into ${join(kb, "dist")}`,
    );
    expect(log).not.toMatch(/ExperimentalWarning|ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING/);
    const home = readFileSync(join(kb, "dist/index.html"), "utf8");
    expect(home).toContain("这个知识库刚刚建立");
    expect(home).toContain("示例课程：怎样编写一门课程");
    expect(existsSync(join(kb, "dist/courses/example-course/course-files/index.html"))).toBe(true);
    expect(existsSync(join(kb, "dist/pagefind/pagefind.js"))).toBe(true);
    // The tool's caches stay in the tool's folder, not among the content.
    expect(readdirSync(kb).sort()).toEqual([
      ".gitignore",
      ".npmrc",
      ".vscode",
      "README.md",
      "courses",
      "dist",
      "glossary.yaml",
      "node_modules",
      "package-lock.json",
      "package.json",
      "site.yaml",
      "topics.yaml",
    ]);
  }, 600_000);
});
