import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A V8 .cpuprofile (the parts we read). */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function or package. */
export interface ProfileCost {
  name: string;
  ms: number;
  share: number;
}

/** Where a file belongs: an npm package, our own code, or Node/V8 itself. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(V8 / native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith("node:")) return "(node built-ins)";
  const own = /\/(src|scripts|\.astro)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

/**
 * Adds up self time per function and per package over all .cpuprofile files
 * in `dir` (written by node --cpu-prof: one per Node process of the build),
 * largest first.
 */
export function summariseProfiles(
  dir: string,
  top = 15,
): { functions: ProfileCost[]; packages: ProfileCost[]; totalMs: number } {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      const frame = nodes.get(id)?.callFrame;
      // build.ts waiting for Astro's child process, whose own profile has that time.
      if (!frame || (frame.functionName === "spawnSync" && frame.url.startsWith("node:"))) return;
      totalMs += ms;
      const where = owner(frame.url, frame.functionName);
      const fn = `${frame.functionName || "(anonymous)"} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
      byPackage.set(where, (byPackage.get(where) ?? 0) + ms);
    });
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs ? ms / totalMs : 0 }));
  return { functions: rank(byFunction), packages: rank(byPackage), totalMs: Math.round(totalMs) };
}

/** The profile as two tables (by package, by function) for the bench report. */
export function formatProfile(profile: ReturnType<typeof summariseProfiles>): string {
  const rows = (list: ProfileCost[]) =>
    list
      .map(
        (c) =>
          `  ${(c.share * 100).toFixed(1).padStart(5)}%  ${String(c.ms).padStart(7)} ms  ${c.name}`,
      )
      .join("\n");
  return `CPU profile of build 1 (self time, ${profile.totalMs} ms sampled; the profiled build is slower)\n\nBy package:\n${rows(profile.packages)}\n\nBy function:\n${rows(profile.functions)}\n`;
}
