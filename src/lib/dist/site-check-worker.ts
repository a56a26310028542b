import { parentPort, workerData } from "node:worker_threads";
import { checkBuiltSite } from "./site-check.ts";

/*
 * The built-site check of `npm run build`, in a worker thread: it reads every
 * page while Pagefind indexes the same pages in its own process, so the two
 * use both cores instead of taking turns (checkBuiltSiteAside).
 */
const { dir, base, cacheDir } = workerData as { dir: string; base?: string; cacheDir?: string };
parentPort?.postMessage(
  checkBuiltSite(dir, {
    ...(base === undefined ? {} : { base }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
  }),
);
