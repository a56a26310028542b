import type { z } from "astro/zod";
import { type Finding, finding, inFile, type Problem } from "../problems/problem.ts";
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

/** Turns one zod issue into the problem it is, with what was expected and a hint. */
function describe(
  issue: z.core.$ZodIssue,
  found: unknown,
  source: EntrySource,
  where: { line?: number | undefined; field?: string | undefined; found?: string | undefined },
): Finding {
  switch (issue.code) {
    case "invalid_type": {
      const type = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (found === undefined) {
        const name = String(issue.path.at(-1) ?? "");
        return finding("schema/missing-field", { ...where, values: { type, name } });
      }
      return finding("schema/wrong-type", { ...where, values: { type } });
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      const guess = typeof found === "string" ? closest(found, values) : undefined;
      return finding("schema/not-allowed", {
        ...where,
        variant: guess ? "guess" : undefined,
        values: { allowed: listValues(values), ...(guess ? { guess } : {}) },
      });
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const guess = closest(key, source.fields);
      const nested = issue.path.length > 0;
      return finding("schema/unknown-field", {
        ...where,
        // The found value would be the whole group of fields: not worth showing.
        found: undefined,
        variant: nested ? (guess ? "nestedGuess" : "nested") : guess ? "guess" : undefined,
        values: {
          s: issue.keys.length > 1 ? "s" : "",
          keys: issue.keys.join(", "),
          fields: listValues([...source.fields], 30),
          ...(guess ? { guess } : {}),
        },
      });
    }
    case "too_small":
      return finding(issue.origin === "array" ? "schema/list-too-short" : "schema/too-small", {
        ...where,
        values: { minimum: String(issue.minimum) },
      });
    case "too_big":
      if (issue.origin === "string") {
        return finding("schema/text-too-long", {
          ...where,
          values: {
            length: typeof found === "string" ? found.length : "?",
            maximum: String(issue.maximum),
          },
        });
      }
      return finding("schema/too-large", { ...where, values: { maximum: String(issue.maximum) } });
    default:
      return finding("schema/invalid", { ...where, values: { reason: issue.message } });
  }
}

/** Converts a failed parse into author-facing problems, one per issue. */
export function zodProblems(error: z.ZodError, source: EntrySource): Problem[] {
  return error.issues.map((issue) => {
    const found = valueAt(source.data, issue.path);
    const field = fieldPath(issue.path);
    const where = {
      line: source.lineOf(issue.path),
      field: field || undefined,
      found: showValue(found),
    };
    return inFile(describe(issue, found, source, where), source.file);
  });
}
