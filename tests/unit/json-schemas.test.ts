import { globSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  allJsonSchemas,
  type JsonSchemaName,
  writeJsonSchemas,
} from "../../src/lib/scaffold/json-schemas.ts";
import { ROOT, runScript } from "../helpers/fixtures.ts";

const generated = allJsonSchemas();
/** The schemas .vscode/settings.json maps data files to (the others are for frontmatter). */
const MAPPED = [
  "campaigns",
  "course",
  "event",
  "glossary",
  "material",
  "questions",
  "site",
  "topics",
];
const settings = JSON.parse(readFileSync(join(ROOT, ".vscode/settings.json"), "utf8"));
const committed = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "schemas/json", `${name}.json`), "utf8"));

describe("schemas/json", () => {
  it.each(Object.keys(generated))(
    "%s.json is up to date with src/schemas (run npm run schemas)",
    (name) => {
      expect(committed(name)).toEqual(JSON.parse(generated[name as JsonSchemaName]));
    },
  );

  it("writes dates as required YYYY-MM-DD strings from 1949 to 2100", () => {
    const policy = committed("policy");
    expect(policy.properties.adopted).toEqual({
      type: "string",
      format: "date",
      pattern: "^(?:19(?:49|[5-9]\\d)|20\\d\\d|2100)-\\d{2}-\\d{2}$",
    });
    const pattern = new RegExp(policy.properties.adopted.pattern);
    expect(["1949-10-01", "2022-05-01", "2100-12-31"].every((d) => pattern.test(d))).toBe(true);
    expect(["1948-12-31", "2101-01-01", "9999-12-31"].some((d) => pattern.test(d))).toBe(false);
    expect(policy.required).toEqual(expect.arrayContaining(["updated", "adopted"]));
    expect(policy.required).not.toContain("effective");
    expect(committed("glossary").type).toBe("array");
  });

  it("is what .vscode/settings.json points the YAML files to", () => {
    const mapped = Object.keys(settings["yaml.schemas"]).map((path) =>
      path.replace(/^\.\/schemas\/json\/|\.json$/g, ""),
    );
    expect(mapped.sort()).toEqual(MAPPED);
  });
});

describe("the sample's YAML files in an editor", () => {
  // What VS Code's YAML extension would say: every sample file the settings
  // map to a schema is valid against it (formats are left to the check).
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const files = Object.entries(settings["yaml.schemas"] as Record<string, string[]>).flatMap(
    ([schema, globs]) =>
      globSync(globs[0] as string, { cwd: ROOT }).map((file) => [file, schema] as const),
  );

  it("covers every kind of data file the sample has", () => {
    const kinds = new Set(files.map(([, schema]) => basename(schema, ".json")));
    expect([...kinds].sort()).toEqual(MAPPED);
  });

  it.each(files)("%s is valid against %s", (file, schema) => {
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, schema), "utf8")));
    const valid = validate(parse(readFileSync(join(ROOT, file), "utf8")));
    expect(valid ? [] : validate.errors).toEqual([]);
  });
});

describe("npm run schemas", () => {
  it("writes one file per schema that parses to the generated schema", () => {
    const out = mkdtempSync(join(tmpdir(), "union-kb-schemas-"));
    try {
      const paths = writeJsonSchemas(out);
      expect(paths.map((path) => basename(path, ".json")).sort()).toEqual(
        Object.keys(generated).sort(),
      );
      for (const path of paths) {
        const name = basename(path, ".json") as JsonSchemaName;
        expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(JSON.parse(generated[name]));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("the script shows its help and takes no other arguments", () => {
    const help = runScript("json-schemas.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run schemas");
    expect(runScript("json-schemas.ts", ["extra"]).status).toBe(2);
  });
});
