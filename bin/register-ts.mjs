/** Given to Node with --import by bin/union-kb.mjs: see ts-hooks.mjs. */
import { register } from "node:module";

register("./ts-hooks.mjs", import.meta.url);
