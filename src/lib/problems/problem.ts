import { PROBLEMS, type ProblemData } from "./catalogue.ts";

/** The stable name of a problem, e.g. `cite/article-out-of-range` (see docs/problems.md). */
export type ProblemCode = keyof typeof PROBLEMS;

/** One thing wrong (or doubtful) in the knowledge base, in words an author can act on. */
export interface Problem {
  /** Stable name of the problem in the catalogue (src/lib/problems/catalogue.ts). */
  code: ProblemCode;
  severity: "error" | "warning";
  /** Path relative to the project root, e.g. content/courses/x/01-a.mdx */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Dotted field path, e.g. cites[0].article */
  field?: string;
  /** Short statement of what is wrong. */
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** A problem found before its file is known (a parser's verdict, an MDX rule): a Problem without file and severity. */
export type Finding = Omit<Problem, "file" | "severity">;

/** ASCII letters change with case; digits, punctuation and CJK characters do not. */
type IsLetter<C extends string> = Lowercase<C> extends Uppercase<C> ? false : true;
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

/** Whether `S` is a placeholder name: a letter, then letters and digits (so `{24}` and `{/* … *\/}` stay text). */
type IsName<S extends string, First = true> = S extends `${infer C}${infer Rest}`
  ? IsLetter<C> extends true
    ? IsName<Rest, false>
    : First extends true
      ? false
      : C extends Digit
        ? IsName<Rest, false>
        : false
  : First extends true
    ? false
    : true;

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}{${infer Inner}` ? Inner : Name) extends infer N extends string
    ? (IsName<N> extends true ? N : never) | Placeholders<Rest>
    : never
  : never;

type Entry<C extends ProblemCode> = (typeof PROBLEMS)[C];
type Field<T, K extends string> = T extends Record<K, infer V> ? V : never;
type VariantsOf<C extends ProblemCode> = Field<Entry<C>, "variants">;
/** Names of a problem's variants (other hints or wording for particular cases). */
export type VariantOf<C extends ProblemCode> = keyof VariantsOf<C> & string;

type BaseNames<C extends ProblemCode> = Placeholders<
  | Field<Entry<C>, "message">
  | Field<Entry<C>, "expected">
  | Field<Entry<C>, "hint">
  | Field<Entry<C>, "found">
>;
type VariantNames<C extends ProblemCode> = Placeholders<
  {
    [V in VariantOf<C>]: VariantsOf<C>[V][keyof VariantsOf<C>[V]];
  }[VariantOf<C>]
>;

/** A value put into a template. */
export type Value = string | number;

/**
 * The values a problem's templates need: every placeholder of its message,
 * expected, found and hint, and optionally those only its variants use.
 */
export type ValuesOf<C extends ProblemCode> = [BaseNames<C> | VariantNames<C>] extends [never]
  ? { values?: undefined }
  : {
      values: Record<BaseNames<C>, Value> &
        Partial<Record<Exclude<VariantNames<C>, BaseNames<C>>, Value>>;
    };

/** Where and how a problem was found, besides the values of its templates. */
export type Details<C extends ProblemCode> = {
  line?: number | undefined;
  field?: string | undefined;
  /** The value found in the file; a problem whose catalogue entry has a `found` template fills it from that instead. */
  found?: string | undefined;
  /** Which variant of the texts to use (e.g. "guess" for a "did you mean" hint). */
  variant?: VariantOf<C> | undefined;
} & ValuesOf<C>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fills `{name}` placeholders; one without a value stays as written. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, Value>> = {},
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The placeholder names of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/** The texts of a problem's entry with a variant applied (null in a variant removes a text). */
export function textsOf(
  data: ProblemData,
  variant?: string,
): { message: string; expected?: string; found?: string; hint?: string } {
  const override = variant ? data.variants?.[variant] : undefined;
  const pick = (key: "message" | "expected" | "found" | "hint"): string | undefined => {
    if (override && key in override) return override[key] ?? undefined;
    return data[key];
  };
  const texts: { message: string; expected?: string; found?: string; hint?: string } = {
    message: pick("message") ?? data.message,
  };
  for (const key of ["expected", "found", "hint"] as const) {
    const text = pick(key);
    if (text !== undefined) texts[key] = text;
  }
  return texts;
}

/**
 * A problem as its rule finds it, before the file is known: the catalogue's
 * texts for `code` filled with `values`. See {@link problem} to place it in a file.
 */
export function finding<C extends ProblemCode>(code: C, details: Details<C>): Finding {
  const data: ProblemData = PROBLEMS[code];
  const values = (details.values ?? {}) as Record<string, Value>;
  const texts = textsOf(data, details.variant);
  const found: Finding = { code, message: fillTemplate(texts.message, values) };
  if (details.line !== undefined) found.line = details.line;
  if (details.field !== undefined) found.field = details.field;
  if (texts.expected !== undefined) found.expected = fillTemplate(texts.expected, values);
  const shown = texts.found !== undefined ? fillTemplate(texts.found, values) : details.found;
  if (shown !== undefined) found.found = shown;
  if (texts.hint !== undefined) found.hint = fillTemplate(texts.hint, values);
  return found;
}

/** Places a finding in a file, with the severity the catalogue gives its code. */
export function inFile(finding: Finding, file: string): Problem {
  const { code, line, field, message, expected, found, hint } = finding;
  // Always the same key order, so `npm run check -- --json` reads alike for every problem.
  const problem: Problem = { code, severity: PROBLEMS[code].severity, file, message };
  if (line !== undefined) problem.line = line;
  if (field !== undefined) problem.field = field;
  if (expected !== undefined) problem.expected = expected;
  if (found !== undefined) problem.found = found;
  if (hint !== undefined) problem.hint = hint;
  return problem;
}

/**
 * The one way to make a Problem: its code names the catalogue entry whose
 * message, expected, found and hint templates are filled with `values`, e.g.
 * `problem("cite/article-out-of-range", { file, line, values: { article: 70, … } })`.
 */
export function problem<C extends ProblemCode>(
  code: C,
  details: Details<C> & { file: string },
): Problem {
  return inFile(finding(code, details), details.file);
}
