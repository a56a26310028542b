import { type ParseArgsConfig, parseArgs } from "node:util";

/** Exit codes shared by every script (see docs/architecture.md). */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/**
 * Parses command-line options; on a usage mistake prints the message and the
 * help text and exits with code 2, so scripts never show a stack trace for it.
 */
export function parseCliArgs<T extends ParseArgsConfig["options"]>(
  argv: string[],
  options: T,
  help: string,
  allowPositionals = false,
) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true,
    });
    if ((parsed.values as Record<string, unknown>).help) {
      console.log(help);
      process.exit(EXIT.ok);
    }
    return parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    process.exit(EXIT.usage);
  }
}
