import { parentPort, workerData } from "node:worker_threads";
import { type ReadPagesTask, readPagesTask } from "./site-check.ts";

/*
 * Part of the built-site check of `npm run build`, in a worker thread: it
 * reads its share of the pages while Pagefind indexes the same pages in its
 * own process, so they use both cores instead of taking turns
 * (checkBuiltSiteAside).
 */
parentPort?.postMessage(readPagesTask(workerData as ReadPagesTask));
