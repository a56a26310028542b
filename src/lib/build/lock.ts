import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Who holds the build lock. A PID alone is not enough to tell a live holder
 * from a stale lock: after a reboot or in a new container the PID may belong
 * to an unrelated process, or to the waiting build itself (PID 1). The boot
 * id and the process's start time (Linux: /proc) tell those apart.
 */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** /proc/sys/kernel/random/boot_id; absent where /proc is not available. */
  bootId?: string;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat, field 22). */
  startTicks?: string;
  /** What holds it: a build (also when absent, as older builds wrote) or `npm run dev`. */
  command?: LockCommand;
}

/**
 * The lock of a project (the tool's folder): its builds and its dev server
 * write the same files under `<root>/.astro/` and the knowledge base's cache.
 */
export function projectLock(root: string): string {
  return join(root, ".astro", "build.lock");
}

/** Who holds a lock, for messages: "process 12" or "npm run dev (process 12)". */
export function holderName(holder: LockHolder | undefined): string {
  if (!holder) return "an unreadable lock file";
  const process = `process ${holder.pid}${holder.hostname ? ` on ${holder.hostname}` : ""}`;
  return holder.command === "dev" ? `npm run dev (${process})` : process;
}

/** The commands that write `<root>/.astro/` and the knowledge base's cache. */
export type LockCommand = "build" | "dev";

/** Thrown when the lock is held by something this command must not wait for. */
export class LockRefusedError extends Error {
  override name = "LockRefusedError";
}

/** What the lock module needs to know about the machine; replaced in tests. */
export interface ProcessProbe {
  hostname(): string;
  bootId(): string | undefined;
  /** Start time of a process, undefined when unknown or not running. */
  startTicks(pid: number): string | undefined;
  isRunning(pid: number): boolean;
  ownPid: number;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The real machine. */
export const systemProbe: ProcessProbe = {
  hostname,
  bootId: () => readOptional("/proc/sys/kernel/random/boot_id"),
  startTicks(pid) {
    const stat = readOptional(`/proc/${pid}/stat`);
    // The command name (field 2) is in parentheses and may hold spaces.
    return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  },
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  },
  ownPid: process.pid,
};

/** The lock file's contents for this process. */
export function describeSelf(
  probe: ProcessProbe = systemProbe,
  command: LockCommand = "build",
): LockHolder {
  const holder: LockHolder = { pid: probe.ownPid, hostname: probe.hostname() };
  if (command !== "build") holder.command = command;
  const bootId = probe.bootId();
  const startTicks = probe.startTicks(probe.ownPid);
  if (bootId) holder.bootId = bootId;
  if (startTicks) holder.startTicks = startTicks;
  return holder;
}

/**
 * Reads a lock file's contents: the JSON this module writes, or the bare PID
 * that builds before it wrote. Undefined for an empty or garbled file.
 */
export function parseLockHolder(text: string): LockHolder | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), hostname: "" };
  try {
    const data = JSON.parse(trimmed) as Partial<LockHolder>;
    if (!Number.isInteger(data.pid) || (data.pid as number) <= 0) return undefined;
    if (typeof data.hostname !== "string") return undefined;
    return data as LockHolder;
  } catch {
    return undefined;
  }
}

/** Whether the holder is a build that may still be running; otherwise the lock is stale. */
export function holderMayBeRunning(holder: LockHolder, probe: ProcessProbe = systemProbe): boolean {
  // Another machine sharing the folder: nothing here can tell, so wait (and time out).
  if (holder.hostname && holder.hostname !== probe.hostname()) return true;
  // This process is not holding the lock, so a lock in its name is left over
  // (a container's PID 1 from an earlier run).
  if (holder.pid === probe.ownPid) return false;
  if (holder.bootId && holder.bootId !== probe.bootId()) return false;
  if (!probe.isRunning(holder.pid)) return false;
  // The PID was handed to another process since the lock was written.
  if (holder.startTicks && holder.startTicks !== probe.startTicks(holder.pid)) return false;
  return true;
}

/** Thrown when the lock was held for longer than the timeout. */
export class LockTimeoutError extends Error {
  readonly path: string;
  readonly holder: LockHolder | undefined;
  constructor(path: string, holder: LockHolder | undefined, waitedMs: number) {
    const who = holderName(holder);
    const seconds = Math.round(waitedMs / 1000);
    super(
      `${path}: gave up waiting for another build of this project (${who}) after ${seconds} s.\n` +
        `Expected: the other build to finish within ${seconds} s.\n` +
        `Hint: if no other build of this project is running, delete ${path} and build again; ` +
        "UNION_KB_LOCK_TIMEOUT=<seconds> waits longer.",
    );
    this.name = "LockTimeoutError";
    this.path = path;
    this.holder = holder;
  }
}

export interface LockOptions {
  /** Called once when the build has to wait, with the holder (undefined: unreadable file). */
  onWait?: (holder: LockHolder | undefined) => void;
  /** Give up after this long (LockTimeoutError). Default: 30 minutes. */
  timeoutMs?: number;
  /**
   * An empty or unreadable lock file older than this is taken over. A holder
   * writes its name right after creating the file, so a short grace suffices.
   */
  graceMs?: number;
  /** How often to look again. */
  pollMs?: number;
  probe?: ProcessProbe;
  /** What takes the lock, written into it for the others' messages (default "build"). */
  command?: LockCommand;
  /**
   * A message when this holder is one not to wait for: acquireLock then throws
   * LockRefusedError with it instead of waiting.
   */
  refuse?: (holder: LockHolder) => string | undefined;
}

/**
 * Removes a stale lock, one waiter at a time. Without the guard, two builds
 * waiting on the same stale lock could both see it stale, and the slower one
 * would remove the lock the faster one had just written: both would run.
 * Under the guard the lock is removed only while it still holds what was
 * judged stale; the guard itself, if its holder died, expires after `graceMs`.
 */
function takeOver(path: string, seen: string, graceMs: number): void {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > graceMs) rmSync(guard, { force: true });
    } catch {
      // removed meanwhile by the waiter that held it
    }
    return;
  }
  try {
    if (readOptional(path) === (seen.trim() || undefined)) rmSync(path, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

/**
 * Takes an exclusive lock file, waiting while another build holds it.
 * Astro keeps generated modules in `<root>/.astro/`, so two builds of the same
 * project at once (tests, an editor's build beside a terminal's) would
 * overwrite each other's files; they take turns instead. A lock that cannot
 * belong to a running build (dead or reused PID, earlier boot, this process's
 * own PID, an empty or garbled file) is taken over; a lock held for longer
 * than the timeout ends the wait with LockTimeoutError.
 * Returns a function that releases the lock (also called on exit).
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => void> {
  const { onWait, timeoutMs = 30 * 60_000, graceMs = 2_000, pollMs = 200 } = options;
  const probe = options.probe ?? systemProbe;
  mkdirSync(dirname(path), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      const ours = JSON.stringify(describeSelf(probe, options.command));
      writeSync(fd, `${ours}\n`);
      closeSync(fd);
      // Once only, and only while the file is still ours: released by hand and
      // then again on exit, it would delete the lock the next build just took.
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readOptional(path) === ours) rmSync(path, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let text: string;
    let age: number;
    try {
      text = readFileSync(path, "utf8");
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      continue; // released between our two looks
    }
    const holder = parseLockHolder(text);
    const stale = holder ? !holderMayBeRunning(holder, probe) : age > graceMs;
    if (stale) {
      takeOver(path, text, graceMs);
      continue;
    }
    const refusal = holder && options.refuse?.(holder);
    if (refusal) throw new LockRefusedError(refusal);
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new LockTimeoutError(path, holder, waited);
    if (!announced) onWait?.(holder);
    announced = true;
    await sleep(pollMs);
  }
}
