#!/usr/bin/env node
/**
 * `npm run preview`: Astro's preview server for the built site, with Astro's
 * telemetry off like every other command (NO_ASTRO_TELEMETRY in src/lib/env.ts).
 * `npm run serve` is the server to use on a LAN (docs/operating.md).
 */
import { preview } from "astro";
import { NO_ASTRO_TELEMETRY } from "../src/lib/env.ts";
import { toolRoot } from "../src/lib/kb/content-dir.ts";

Object.assign(process.env, NO_ASTRO_TELEMETRY);
await preview({ root: toolRoot() });
