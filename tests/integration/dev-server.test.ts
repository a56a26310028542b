import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLockHolder, projectLock } from "../../src/lib/build/lock.ts";
import { fixtureContent, ROOT, runScript } from "../helpers/fixtures.ts";

/**
 * `npm run dev` on the valid fixture: a saved lesson shows on its page and in
 * its print view. The loader keeps rendered bodies beside Astro's data store
 * (src/lib/astro/rendered-bodies.ts); this is the path where the dev server's
 * pages must find the body the loader has just rendered again.
 */
const content = fixtureContent();
const port = 43_000 + Math.floor(Math.random() * 2_000);
const lesson = join(content, "courses/training-rights/01-duties.mdx");
let server: ChildProcess | undefined;
let log = "";
/** The last failed request, for the message of a test that waited in vain. */
let last = "";

async function page(path: string): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    const text = await response.text();
    if (!response.ok) last = `${response.status}: ${text.slice(0, 500)}`;
    return response.ok ? text : "";
  } catch (error) {
    last = String(error);
    return "";
  }
}

/** Polls `path` until `test` holds; the elapsed seconds, or a failure with the server's log. */
async function until(path: string, test: (html: string) => boolean, seconds: number) {
  const start = Date.now();
  while (Date.now() - start < seconds * 1000) {
    if (test(await page(path))) return (Date.now() - start) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${path} did not show what was expected in ${seconds} s (last: ${last}). Log:\n${log.slice(-3000)}`,
  );
}

/**
 * The environment a user's shell would give: without Vitest's own variables
 * (VITEST, NODE_ENV=test), under which Astro's dev server answers every page
 * with "Cannot GET".
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  delete env.NODE_ENV;
  return env;
}

beforeAll(async () => {
  // Astro's dev server and a build of the same checkout write the same files
  // under .astro/: the dev server holds the project's lock while it runs, and
  // the builds of other test files wait for it.
  server = spawn(
    process.execPath,
    [
      join(ROOT, "scripts/dev.ts"),
      "--content",
      content,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
    ],
    { cwd: ROOT, env: { ...userEnv(), NO_COLOR: "1" }, detached: true },
  );
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  // The first request waits for Vite to bundle the dependencies: minutes on a busy machine.
  await until("/courses/training-rights/duties/", (html) => html.includes("</html>"), 420);
}, 1_400_000);

afterAll(async () => {
  const running = server;
  if (running?.pid && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once("exit", resolve));
    process.kill(-running.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  rmSync(content, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("shows the lesson rendered by the loader, with its citation links", async () => {
    const html = await page("/courses/training-rights/duties/");
    expect(html).toContain(
      '<a class="cite-link" href="/policies/vocational-education-law-2022/#art-',
    );
  });

  it("shows a saved lesson on its page and in its print view", async () => {
    const marker = `保存后出现的段落${Date.now()}`;
    appendFileSync(lesson, `\n\n${marker}。\n`);
    const seconds = await until(
      "/courses/training-rights/duties/",
      (html) => html.includes(marker),
      60,
    );
    await until("/print/courses/training-rights/duties/", (html) => html.includes(marker), 30);
    // The citation still renders after the body was rendered again alone.
    expect(await page("/courses/training-rights/duties/")).toContain('class="cite-link"');
    // No request in between found the body missing (the page rendered from
    // the store as it was before the save, while the loader ran).
    expect(log).not.toMatch(/rendered text of .* is missing|\[ERROR\]/);
    console.log(`dev: saved lesson visible after ${seconds.toFixed(1)} s`);
  });

  it("holds the project's lock: a build waits for it, naming it, and a second dev server refuses", () => {
    const holder = parseLockHolder(readFileSync(projectLock(ROOT), "utf8"));
    expect(holder).toMatchObject({ command: "dev", pid: server?.pid });
    const build = runScript(
      "build.ts",
      ["--content", content, "--out", join(content, "..", "dev-out")],
      {
        UNION_KB_LOCK_TIMEOUT: "1",
      },
    );
    expect(build.status).toBe(1);
    expect(build.stdout).toContain(`Waiting for npm run dev (process ${server?.pid}) to stop`);
    expect(build.stderr).toContain(
      `gave up waiting for another build of this project (npm run dev (process ${server?.pid}`,
    );
    const second = runScript("dev.ts", ["--content", content, "--port", String(port + 1)]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      `npm run dev is already running on this project (process ${server?.pid})`,
    );
  });
});
