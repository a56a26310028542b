import { CliError } from "../../src/lib/cli/cli-error.ts";
import type { CliOutput } from "../../src/lib/cli/run.ts";

/** What a CLI's library function printed, for tests that call it in-process. */
export interface CapturedOutput {
  output: CliOutput;
  /** What went to `log` (stdout), one line per call. */
  stdout: () => string;
  /** What went to `error` (stderr). */
  stderr: () => string;
  /** Both, in the order written. */
  text: () => string;
  /** Resolves once the text written so far matches `pattern`. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
}

/** An output sink that keeps everything written to it. */
export function captureOutput(): CapturedOutput {
  const written: { stream: "stdout" | "stderr"; text: string }[] = [];
  const waiting: (() => void)[] = [];
  const join = (stream?: "stdout" | "stderr") =>
    written
      .filter((w) => stream === undefined || w.stream === stream)
      .map((w) => `${w.text}\n`)
      .join("");
  const record =
    (stream: "stdout" | "stderr") =>
    (...parts: unknown[]): void => {
      written.push({ stream, text: parts.map(String).join(" ") });
      for (const wake of waiting.splice(0)) wake();
    };
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(join());
      if (match) return match;
      await new Promise<void>((wake) => waiting.push(wake));
    }
  };
  return {
    output: { log: record("stdout"), error: record("stderr") },
    stdout: () => join("stdout"),
    stderr: () => join("stderr"),
    text: () => join(),
    waitFor,
  };
}

/** The CliError a CLI's library function refused with; fails the test when it did not refuse. */
export async function refusalOf(run: () => unknown): Promise<CliError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a refusal (CliError), but it went through");
}
