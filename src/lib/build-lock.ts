import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive lock file, waiting while another live process holds it.
 * Astro keeps generated modules in `<root>/.astro/`, so two builds of the same
 * project at once (tests, an editor's build beside a terminal's) would
 * overwrite each other's files; they take turns instead. A lock left by a
 * process that died is taken over.
 */
export async function acquireLock(
  path: string,
  onWait?: (holder: number) => void,
): Promise<() => void> {
  mkdirSync(dirname(path), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeFileSync(fd, String(process.pid));
      const release = () => rmSync(path, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number.parseInt(readFileSync(path, "utf8"), 10);
    if (!Number.isNaN(holder) && !isRunning(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!announced && onWait) onWait(holder);
    announced = true;
    await sleep(200);
  }
}
