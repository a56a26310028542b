#!/usr/bin/env node
/**
 * `union-kb <command>`: the tool's one entry point in a knowledge base that
 * depends on it (`npm install union-kb-<version>.tgz`). Plain JavaScript that
 * any Node runs, because the shell's Node is often 20 while Astro 7 needs
 * 22.12 or newer: it starts the command's script with the Node 24 of the
 * `node` package the tool depends on (the same pin as `npm run` uses in the
 * tool's repository), and with the hooks that let Node run the tool's
 * TypeScript from node_modules (ts-hooks.mjs).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const COMMANDS = {
  init: "start a new knowledge base in a new folder",
  check: "check every file of the knowledge base",
  dev: "preview the site while you edit (live reload)",
  build: "check, then build the site (into <knowledge base>/dist)",
  serve: "serve the built site, e.g. on a LAN",
  new: "create a course, lesson, policy, case, glossary term or question",
  "import-law": "import an official law text as a policy",
  handouts: "print lecture handouts (PDF) from the built site",
  paper: "print an exam paper, answer sheet and key (PDF) from a course's questions",
  "offline-zip": "pack the built site into one zip for a USB stick",
};

const toolRoot = fileURLToPath(new URL("..", import.meta.url));
const [command, ...args] = process.argv.slice(2);

function usage() {
  const lines = Object.entries(COMMANDS).map(([name, what]) => `  ${name.padEnd(12)} ${what}`);
  return `Usage: union-kb <command> [options]   (union-kb <command> --help for its options)

Commands:
${lines.join("\n")}

Run it in the folder of a knowledge base (where site.yaml is), or give
--content <folder>.`;
}

if (command === undefined || command === "--help" || command === "-h") {
  console.log(usage());
  process.exit(command === undefined ? 2 : 0);
}
if (command === "--version" || command === "-v") {
  const require = createRequire(import.meta.url);
  console.log(require("../package.json").version);
  process.exit(0);
}
if (!Object.hasOwn(COMMANDS, command)) {
  console.error(`Unknown command “${command}”.\n\n${usage()}`);
  process.exit(2);
}

/** A Node the tool can run on: this one if new enough, else the pinned `node` package's. */
function nodeBinary() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  try {
    const pinned = join(
      dirname(createRequire(import.meta.url).resolve("node/package.json")),
      "bin",
      "node",
    );
    if (existsSync(pinned)) return pinned;
  } catch {
    // not installed: explained below
  }
  console.error(
    `union-kb needs Node 22.12 or newer; this is Node ${process.versions.node}, and the Node 24 ` +
      "that union-kb installs (the `node` package) was not found.\n" +
      "Hint: run npm install in the knowledge base folder again; npm 11 runs the `node` " +
      'package\'s install script only when package.json says "allowScripts": {"node": true}.',
  );
  process.exit(1);
}

const node = nodeBinary();
// NODE_OPTIONS reaches the processes the command starts (the build runs Astro in one).
const hooks = `--import=${pathToFileURL(join(toolRoot, "bin", "register-ts.mjs")).href}`;
const options = [process.env.NODE_OPTIONS, hooks, "--disable-warning=ExperimentalWarning"]
  .filter(Boolean)
  .join(" ");
// Scripts that start Node again (the build starts Astro's process) find this one first.
const path =
  node === process.execPath ? process.env.PATH : `${dirname(node)}${delimiter}${process.env.PATH}`;
const child = spawn(node, [join(toolRoot, "scripts", `${command}.ts`), ...args], {
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: options, PATH: path },
});
// Ctrl+C reaches both processes; `kill` reaches only this one: pass it on.
const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
const forward = (signal) => child.kill(signal);
for (const signal of signals) process.on(signal, forward);
child.on("error", (error) => {
  console.error(`union-kb could not start ${node}: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // End the same way, so a shell or npm sees that the command was stopped.
  for (const name of signals) process.off(name, forward);
  process.kill(process.pid, signal);
});
