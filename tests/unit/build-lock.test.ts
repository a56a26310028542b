/** The build lock (src/lib/build/lock.ts): stale locks are taken over, live ones time out. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  acquireLock,
  describeSelf,
  holderName,
  LockRefusedError,
  LockTimeoutError,
  parseLockHolder,
  systemProbe,
} from "../../src/lib/build/lock.ts";

const dir = mkdtempSync(join(tmpdir(), "union-kb-lock-"));
const lock = join(dir, "build.lock");
let sleeper: ChildProcess;
const fast = { timeoutMs: 1_500, graceMs: 300, pollMs: 50 };

beforeAll(() => {
  // A live process that is not a build: its PID is "alive" for the lock.
  sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
});
afterAll(() => {
  sleeper.kill();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => rmSync(lock, { force: true }));

/** The lock a live process would have written. */
function liveHolder(pid: number): string {
  return JSON.stringify({
    ...describeSelf(systemProbe),
    pid,
    startTicks: systemProbe.startTicks(pid),
  });
}

/** Takes the lock and releases it again; fails if that takes longer than the timeout. */
async function takesOver(contents: string, options = fast): Promise<void> {
  writeFileSync(lock, contents);
  const release = await acquireLock(lock, options);
  expect(parseLockHolder(readFileSync(lock, "utf8"))?.pid).toBe(process.pid);
  release();
  expect(existsSync(lock)).toBe(false);
}

describe("the build lock", () => {
  it("records pid, host, boot id and start time, and reads the old bare-PID format", () => {
    const self = describeSelf();
    expect(self.pid).toBe(process.pid);
    expect(self.hostname).toBeTruthy();
    if (process.platform === "linux") {
      expect(self.bootId).toMatch(/^[0-9a-f-]{36}$/);
      expect(self.startTicks).toMatch(/^\d+$/);
    }
    expect(parseLockHolder("1234\n")).toEqual({ pid: 1234, hostname: "" });
    expect(parseLockHolder("")).toBeUndefined();
    expect(parseLockHolder("{garbled")).toBeUndefined();
    expect(parseLockHolder('{"pid":-1,"hostname":"x"}')).toBeUndefined();
  });

  it("takes over a lock whose process has ended", async () => {
    await takesOver(JSON.stringify({ ...describeSelf(), pid: 2 ** 22 + 1 }));
  });

  it.skipIf(process.platform !== "linux")(
    "takes over a lock whose PID now belongs to an unrelated live process (PID reused)",
    async () => {
      const pid = sleeper.pid as number;
      await takesOver(JSON.stringify({ ...describeSelf(), pid, startTicks: "1" }));
    },
  );

  it.skipIf(process.platform !== "linux")(
    "takes over a lock written before a reboot (other boot id), even if the PID is alive",
    async () => {
      const pid = sleeper.pid as number;
      await takesOver(
        JSON.stringify({ ...JSON.parse(liveHolder(pid)), bootId: "00000000-0000-0000-0000-0" }),
      );
    },
  );

  it("takes over a lock in this process's own PID (a container's PID 1 from an earlier run)", async () => {
    await takesOver(JSON.stringify(describeSelf()));
    await takesOver(String(process.pid));
  });

  it("takes over an empty or garbled lock file after a short grace", async () => {
    const started = Date.now();
    await takesOver("");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    writeFileSync(lock, "{not json");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const release = await acquireLock(lock, fast);
    release();
  });

  it("waits while a live build holds the lock, then gives up naming the file to delete", async () => {
    const pid = sleeper.pid as number;
    writeFileSync(lock, liveHolder(pid));
    const waits: unknown[] = [];
    const error = await acquireLock(lock, { ...fast, onWait: (h) => waits.push(h?.pid) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(waits).toEqual([pid]);
    expect((error as Error).message).toContain(`${lock}: gave up waiting for another build`);
    expect((error as Error).message).toContain(`delete ${lock}`);
    // The live holder's lock is left alone.
    expect(parseLockHolder(readFileSync(lock, "utf8"))?.pid).toBe(pid);
  });

  it("gets the lock as soon as a live holder releases it", async () => {
    writeFileSync(lock, liveHolder(sleeper.pid as number));
    setTimeout(() => rmSync(lock), 200);
    const release = await acquireLock(lock, { ...fast, timeoutMs: 5_000 });
    release();
  });

  it("writes who holds it, and refuses at once when the holder is one not to wait for", async () => {
    const release = await acquireLock(lock, { ...fast, command: "dev" });
    expect(parseLockHolder(readFileSync(lock, "utf8"))).toMatchObject({
      pid: process.pid,
      command: "dev",
    });
    release();
    writeFileSync(
      lock,
      JSON.stringify({ ...JSON.parse(liveHolder(sleeper.pid as number)), command: "dev" }),
    );
    const started = Date.now();
    const error = await acquireLock(lock, {
      ...fast,
      timeoutMs: 10_000,
      refuse: (holder) => (holder.command === "dev" ? `refused: ${holderName(holder)}` : undefined),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockRefusedError);
    expect((error as Error).message).toBe(
      `refused: npm run dev (process ${sleeper.pid} on ${hostname()})`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // A build (no command) is waited for, not refused.
    writeFileSync(lock, liveHolder(sleeper.pid as number));
    await expect(
      acquireLock(lock, {
        ...fast,
        timeoutMs: 300,
        refuse: (h) => (h.command === "dev" ? "no" : undefined),
      }),
    ).rejects.toThrow(LockTimeoutError);
  });

  it("waits for a lock of another machine (shared folder) until the timeout", async () => {
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 1, hostname: "another-host" }));
    await expect(acquireLock(lock, { ...fast, timeoutMs: 300 })).rejects.toThrow(LockTimeoutError);
  });
});

describe("several builds waiting on the same stale lock", () => {
  it("take it over one at a time: never two holders at once", async () => {
    // A lock left by a process that is gone (PID of a finished child).
    const gone = spawn("true");
    await new Promise((resolve) => gone.once("exit", resolve));
    writeFileSync(lock, `${JSON.stringify({ ...describeSelf(systemProbe), pid: gone.pid })}\n`);
    const log = join(dir, "holders.log");
    const module = join(import.meta.dirname, "../../src/lib/build/lock.ts");
    const code = `
      import { appendFileSync } from "node:fs";
      const { acquireLock } = await import(${JSON.stringify(module)});
      const release = await acquireLock(${JSON.stringify(lock)}, { pollMs: 5, graceMs: 300 });
      appendFileSync(${JSON.stringify(log)}, "in " + process.pid + "\\n");
      await new Promise((r) => setTimeout(r, 150));
      appendFileSync(${JSON.stringify(log)}, "out " + process.pid + "\\n");
      release();`;
    const builds = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: "inherit" }),
    );
    await Promise.all(builds.map((b) => new Promise((resolve) => b.once("exit", resolve))));
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(12);
    // Every "in" is followed by the same process's "out" before anyone else's "in".
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]?.replace("in", "out")).toBe(lines[i + 1]);
    }
  }, 30_000);
});
