/**
 * Preloaded into a server child by the abuse tests (`node --import <this file> …`): opening a
 * file whose name starts with `vanish-` deletes it first. The open then fails exactly as when a
 * rebuild removes a file between the server's lookup (stat) and its open, which under real
 * load is a race too narrow to hit on purpose.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";

/** Deletes `path` when it is one of the test's vanishing files. */
function vanish(path) {
  if (typeof path === "string" && basename(path).startsWith("vanish-")) {
    fs.rmSync(path, { force: true });
  }
}

const openCallback = fs.open;
const openPromise = fs.promises.open;
const openSync = fs.openSync;
fs.open = (path, ...rest) => {
  vanish(path);
  return openCallback(path, ...rest);
};
fs.promises.open = (path, ...rest) => {
  vanish(path);
  return openPromise(path, ...rest);
};
fs.openSync = (path, ...rest) => {
  vanish(path);
  return openSync(path, ...rest);
};
// `import { open } from "node:fs/promises"` in the server sees the patched functions only after this.
syncBuiltinESMExports();
