import type { z } from "astro/zod";
import type { Problem } from "./problems.ts";
import { showValue } from "./problems.ts";
import { closest, listValues } from "./suggest.ts";

/** Where an entry came from, to place its problems. */
export interface EntrySource {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Field names allowed at the top level, for typo hints. */
  fields: readonly string[];
}

/** Formats a zod path as `cites[0].article`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join("");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list (lines starting with “- ”)",
  object: "a group of fields",
  date: "a date (YYYY-MM-DD)",
};

interface Described {
  message?: string;
  expected?: string | undefined;
  hint?: string;
  /** Present (as undefined) when the found value is not worth showing. */
  found?: undefined;
}

/** Turns one zod issue into what was expected and a hint. */
function describe(issue: z.core.$ZodIssue, found: unknown, source: EntrySource): Described {
  switch (issue.code) {
    case "invalid_type":
      if (found === undefined) {
        return {
          message: "a required field is missing",
          expected: TYPE_WORDS[issue.expected] ?? issue.expected,
          hint: `add a line \`${String(issue.path.at(-1) ?? "")}: …\``,
        };
      }
      return {
        message: "the value has the wrong type",
        expected: TYPE_WORDS[issue.expected] ?? issue.expected,
      };
    case "invalid_value": {
      const values = issue.values.map(String);
      const guess = typeof found === "string" ? closest(found, values) : undefined;
      return {
        message: "the value is not one of the allowed values",
        expected: `one of: ${listValues(values)}`,
        hint: guess ? `did you mean “${guess}”?` : "use one of the values listed, spelled exactly",
      };
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const guess = closest(key, source.fields);
      return {
        message: `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`,
        expected:
          issue.path.length === 0 ? `fields: ${listValues([...source.fields], 30)}` : undefined,
        hint: guess
          ? `did you mean “${guess}”?`
          : "remove it, or check the spelling of the field name",
        found: undefined,
      };
    }
    case "too_small":
      return {
        message:
          issue.origin === "array"
            ? "the list is too short"
            : "the value is too small or too short",
        expected:
          issue.origin === "array"
            ? `at least ${String(issue.minimum)} item(s)`
            : `at least ${String(issue.minimum)}`,
      };
    case "too_big":
      if (issue.origin === "string") {
        return {
          message: `the text is too long (${typeof found === "string" ? found.length : "?"} characters)`,
          expected: `at most ${String(issue.maximum)} characters`,
          hint: "shorten it; put the detail in the summary or the body",
        };
      }
      return { message: "the value is too large", expected: `at most ${String(issue.maximum)}` };
    default:
      return { message: "the value is not valid", expected: issue.message };
  }
}

/** Converts a failed parse into author-facing problems, one per issue. */
export function zodProblems(error: z.ZodError, source: EntrySource): Problem[] {
  return error.issues.map((issue) => {
    const found = valueAt(source.data, issue.path);
    const described = describe(issue, found, source);
    const problem: Problem = {
      severity: "error",
      file: source.file,
      message: described.message ?? issue.message,
    };
    const line = source.lineOf(issue.path);
    if (line !== undefined) problem.line = line;
    const field = fieldPath(issue.path);
    if (field) problem.field = field;
    const expected = described.expected ?? (issue.code === "custom" ? issue.message : undefined);
    if (expected) problem.expected = expected;
    if (!("found" in described) || described.found !== undefined) problem.found = showValue(found);
    if (described.hint) problem.hint = described.hint;
    return problem;
  });
}
