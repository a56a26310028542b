/**
 * A refusal a script reports without a stack trace: the message, an optional
 * hint, and the exit code (1 bad input or content, 2 usage mistake; see EXIT
 * in ./args.ts). Library functions behind a CLI throw it; the script prints
 * it and exits with `code`.
 */
export class CliError extends Error {
  readonly code: 1 | 2;
  readonly hint: string | undefined;
  /** Whether the script shows its help text after the message (by default for usage mistakes). */
  readonly showHelp: boolean;
  constructor(code: 1 | 2, message: string, hint?: string, options: { help?: boolean } = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
    this.showHelp = options.help ?? code === 2;
  }
}

/**
 * What a script prints for a refusal: the message, the hint on the next line
 * and, when the mistake is in the command line, a blank line and the help text.
 */
export function refusalText(error: CliError, help: string): string {
  const hint = error.hint === undefined ? "" : `\n${error.hint}`;
  return `${error.message}${hint}${error.showHelp ? `\n\n${help}` : ""}`;
}
