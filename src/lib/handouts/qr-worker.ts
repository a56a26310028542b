import { parentPort, workerData } from "node:worker_threads";
import { drawQrCode } from "./qr.ts";

/*
 * Draws QR codes for ./qr-ahead.ts in a worker thread and posts them back,
 * `batch` at a time, as [address, SVG] pairs.
 */
const { urls, batch } = workerData as { urls: string[]; batch: number };
let codes: [string, string][] = [];
for (const url of urls) {
  codes.push([url, await drawQrCode(url)]);
  if (codes.length >= batch) {
    parentPort?.postMessage(codes);
    codes = [];
  }
}
if (codes.length) parentPort?.postMessage(codes);
