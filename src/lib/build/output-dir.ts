import {
  cpSync,
  existsSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { KNOWN_TOP } from "../kb/content-paths.ts";

/**
 * The file every build writes into its output folder. A folder with it was
 * made by a build and may be replaced by the next one; any other folder may
 * hold someone's files and is never deleted. Dotfiles are not served
 * (src/lib/serve) nor indexed, and the text is the same in every build, so
 * two builds stay byte-identical.
 */
export const BUILD_MARKER = ".union-kb-build";

const MARKER_TEXT = `This folder is a site built by Union KB (npm run build).
The next build replaces the whole folder: do not keep other files here.
`;

/** Marks a finished build's folder as replaceable by the next build. */
export function writeBuildMarker(dir: string): void {
  writeFileSync(join(dir, BUILD_MARKER), MARKER_TEXT);
}

/** Why an output folder is refused: what, why and what to do, as every message of the build. */
export interface OutputDirProblem {
  what: string;
  expected: string;
  hint: string;
}

/** `path` with symlinks resolved, also when it (or its parents) do not exist yet. */
function realPath(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(basename(existing));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...missing);
  } catch {
    return absolute;
  }
}

/** Whether `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export interface OutputDirContext {
  /** The project folder (where package.json is): the current folder. */
  projectRoot: string;
  /** The tool's folder, when it is not the project's (node_modules/union-kb in a knowledge base). */
  toolRoot?: string;
  /** The content folder this build reads. */
  contentDir: string;
  /** How the folder was given, for the message: "--out" (default) or "UNION_KB_OUT". */
  label?: "--out" | "UNION_KB_OUT";
  /** The home folder; replaced in tests. */
  home?: string;
}

/**
 * Checks that the build may replace `out`, before anything is written: it must
 * be missing, empty, or a folder an earlier build marked (BUILD_MARKER); never
 * the project, its content, sources or tools, the home folder, or a folder that
 * holds any of them. Returns the problem, or undefined when `out` is fine.
 */
export function checkOutputDir(
  out: string,
  context: OutputDirContext,
): OutputDirProblem | undefined {
  const target = realPath(out);
  const root = realPath(context.projectRoot);
  const shown = context.label === "UNION_KB_OUT" ? `UNION_KB_OUT=${out}` : `--out ${out}`;
  const pick = (hint: string) =>
    `Hint: ${hint} Use a folder of its own for the site, e.g. --out dist (the default).`;
  const protectedDirs = [
    [root, "the project folder"],
    [realPath(context.contentDir), "the content folder"],
    ...["content", "src", "public", "scripts", "tests", ".git", "node_modules", ".astro"].map(
      (name) => [join(root, name), `the project's ${name}/ folder`] as const,
    ),
    ...(context.toolRoot
      ? [[realPath(context.toolRoot), "the Union KB tool's folder"] as const]
      : []),
    [realPath(context.home ?? homedir()), "your home folder"],
  ] as const;
  const content = realPath(context.contentDir);
  // A knowledge base keeps its site in a folder of its own at its top, e.g.
  // <knowledge base>/dist (the default); the check does not read it.
  const ownSiteFolder =
    dirname(target) === content &&
    !(KNOWN_TOP as readonly string[]).includes(basename(target)) &&
    !basename(target).startsWith(".") &&
    !["node_modules", "public", "materials", "events"].includes(basename(target));
  for (const [dir, name] of protectedDirs) {
    if (isWithin(dir, target))
      return {
        what: `${shown}: ${target === dir ? "this is" : `this folder contains`} ${name} (${dir}).`,
        expected: "an output folder that holds nothing but an earlier build's site.",
        hint: pick("the build replaces the whole output folder, so it would delete those files."),
      };
    if (dir === content && ownSiteFolder) continue;
    const outer = ["the project folder", "the Union KB tool's folder", "your home folder"];
    if (!outer.includes(name) && isWithin(target, dir))
      return {
        what: `${shown}: this folder is inside ${name} (${dir}).`,
        expected: "an output folder outside the content, sources and tools of the project.",
        hint: pick("a site written there would be mixed up with the files it is built from."),
      };
  }
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory())
    return {
      what: `${shown}: ${target} is a file, not a folder.`,
      expected: "a folder (missing, empty, or an earlier build's site).",
      hint: pick("choose another name."),
    };
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(BUILD_MARKER)) return undefined;
  return {
    what: `${shown}: ${target} is not empty (${entries.length} item(s), e.g. ${entries.slice(0, 3).join(", ")}) and was not made by a build of Union KB (it has no ${BUILD_MARKER} file).`,
    expected: "a missing or empty folder, or one that an earlier build wrote.",
    hint:
      "Hint: the build replaces the whole output folder, so it would delete those files. " +
      "If this is a site built by an older version of Union KB (before builds marked " +
      "their folder), delete or empty the folder once and build again. Otherwise use " +
      "a folder of its own for the site, e.g. --out dist (the default).",
  };
}

/** The message for an output folder problem: file/what, expected, hint. */
export function formatOutputDirProblem(problem: OutputDirProblem): string {
  return `${problem.what}\nExpected: ${problem.expected}\n${problem.hint}\nNothing was built or deleted.`;
}

/** Where a build of `out` is written before it replaces `out`: next to it, same file system. */
export function buildingFolder(out: string, pid: number, parent = dirname(out)): string {
  return join(parent, `.${basename(out)}-building-${pid}`);
}

/**
 * Removes what builds of `out` that were killed left behind in `parent`:
 * `.<out>-building-<pid>` and its `-old` and `.search-part` siblings, when
 * that process is no longer running (or is this one: a container's PID 1
 * from an earlier run). Returns the removed paths.
 */
export function removeStaleBuildFolders(
  out: string,
  parent: string,
  isRunning: (pid: number) => boolean,
  ownPid = process.pid,
): string[] {
  const pattern = new RegExp(
    `^\\.${basename(out).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-building-(\\d+)(?:-old|\\.search-part)?$`,
  );
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || (pid !== ownPid && isRunning(pid))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
  }
  return removed;
}

/** Whether two folders are on different file systems (a rename between them fails with EXDEV). */
export function onDifferentDevices(a: string, b: string): boolean {
  return statSync(a).dev !== statSync(b).dev;
}

/**
 * Puts the finished build `built` in place of `out`. `built` is renamed when it
 * is next to `out`; from another file system it is first copied next to `out`,
 * so the switch itself is still one rename and a reader never sees half a site.
 */
export function replaceOutput(built: string, out: string, pid = process.pid): void {
  let ready = built;
  if (dirname(built) !== dirname(out)) {
    ready = buildingFolder(out, pid);
    try {
      cpSync(built, ready, { recursive: true, errorOnExist: true, force: false });
    } catch (error) {
      rmSync(ready, { recursive: true, force: true });
      throw error;
    }
    rmSync(built, { recursive: true, force: true });
  }
  const old = `${ready}-old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(ready, out);
  rmSync(old, { recursive: true, force: true });
}
