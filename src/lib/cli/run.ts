import { CliError, refusalText } from "./cli-error.ts";

/**
 * Where a CLI's library function writes: `log` for what the command produced
 * (stdout), `error` for refusals, failures and progress (stderr). Scripts pass
 * `console`; tests pass an object that collects the text.
 */
export type CliOutput = Pick<Console, "log" | "error">;

/**
 * The end of every script: runs its one library function and sets the exit
 * code it returns. A CliError is printed as a refusal (with the help text after
 * a usage mistake) and sets its code, never a stack trace. Node then exits on
 * its own, once everything printed has been written.
 */
export async function exitWith(run: () => number | Promise<number>, help: string): Promise<void> {
  let code: number;
  try {
    code = await run();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(refusalText(error, help));
    code = error.code;
  }
  process.exitCode = code;
}
