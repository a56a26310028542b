/**
 * Preloaded with `node --import` (through NODE_OPTIONS, so Astro's process
 * has it too): appends the address of every fetch() to $UNION_KB_FETCH_LOG,
 * for the test that a build calls nothing outside the machine.
 */
import { appendFileSync } from "node:fs";

const log = process.env.UNION_KB_FETCH_LOG;
const original = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (log) appendFileSync(log, `${url}\n`);
  return original(input, init);
};
