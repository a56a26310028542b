import { type ChildProcess, spawn } from "node:child_process";
import { astroChildSettings, withParentPid } from "../env.ts";

/**
 * Astro renders the pages in a child process (scripts/astro-build.ts). This
 * file holds both ends of that: starting it, explaining how it ended, and
 * making it end when the build that started it is gone.
 */

/** Why a child process ended, for "The build failed: …"; undefined when it succeeded. */
export function describeChildExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  name = "Astro's process",
): string | undefined {
  if (signal === "SIGKILL")
    return (
      `${name} was killed (SIGKILL). This is most often the system running out of ` +
      "memory (the kernel's out-of-memory killer stops the largest process).\n" +
      "Hint: build with less memory, more slowly: UNION_KB_LOW_MEMORY=1 npm run build; or use a " +
      'machine with more memory (docs/operating.md, "Memory"). `dmesg` or `journalctl -k` shows ' +
      'an "Out of memory: Killed process" line if that was it.'
    );
  if (signal === "SIGABRT" || code === 134)
    return (
      `${name} crashed (SIGABRT). If the lines above say "heap out of memory", it ran ` +
      "out of memory.\n" +
      'Hint: UNION_KB_LOW_MEMORY=1 npm run build, or a machine with more memory (docs/operating.md, "Memory").'
    );
  if (signal === "SIGINT" || signal === "SIGTERM" || signal === "SIGHUP")
    return `${name} was stopped (${signal}).`;
  if (signal) return `${name} crashed (${signal}).`;
  if (code !== 0) return `${name} ended with exit code ${code} (see the messages above).`;
  return undefined;
}

/** How a child process ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: Error;
}

/**
 * Runs `node <args>` as a child with the parent's output; `done` settles
 * when it has ended (never rejects).
 */
export function runNodeChild(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; done: Promise<ChildExit> } {
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "inherit", "inherit"],
    // The child's way to tell that the build is gone (exitWithParent), even if
    // the build dies before the child first looks.
    env: withParentPid(env, process.pid),
  });
  const done = new Promise<ChildExit>((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, done };
}

/**
 * In the child: ends this process when its parent is gone. A parent killed
 * with `kill -9` cannot stop its children, and the child is handed to PID 1
 * (or a subreaper), so its parent PID changes. The timer does not keep the
 * process alive.
 */
export function exitWithParent(
  intervalMs = 500,
  exit: () => void = () => process.exit(1),
  // The build hands its PID over: it may be gone before the child first looks.
  parent = astroChildSettings().buildPid ?? process.ppid,
): void {
  if (process.ppid !== parent) exit();
  setInterval(() => {
    if (process.ppid !== parent) exit();
  }, intervalMs).unref();
}
