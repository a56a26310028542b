/**
 * A refusal a script reports without a stack trace: the message, an optional
 * hint, and the exit code (1 bad input or content, 2 usage mistake; see EXIT
 * in ./args.ts). Library functions behind a CLI throw it; the script prints
 * it and exits with `code`.
 */
export class CliError extends Error {
  readonly code: 1 | 2;
  readonly hint: string | undefined;
  constructor(code: 1 | 2, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}
