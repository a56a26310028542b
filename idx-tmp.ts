import { buildSearchIndex, describeIndex } from "./src/lib/astro/pagefind.ts";
const stats = await buildSearchIndex({ root: process.argv[2]!, base: "/", contentDir: process.argv[3]! });
console.log(describeIndex(stats));
