/**
 * Content schema versions (src/lib/kb/schema-version.ts): schema 2 renamed
 * site.yaml's kiosk.idleSeconds to kiosk.homeAfterSeconds. A knowledge base
 * written for schema 1 (tests/fixtures/extra/schema-1) still builds the same
 * way, and the check names the change and the fix.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/lib/check/check.ts";
import { loadKnowledgeBase } from "../../src/lib/kb/load.ts";
import {
  checkSchemaVersion,
  migrateRenamedFields,
  SCHEMA_VERSION,
} from "../../src/lib/kb/schema-version.ts";
import { fixtureContent, runScript } from "../helpers/fixtures.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("renamed fields", () => {
  it("renames kiosk.idleSeconds in a copy and says so on its line", () => {
    const data = { name: "x", kiosk: { enabled: true, idleSeconds: 90 } };
    const { data: migrated, findings } = migrateRenamedFields("site.yaml", data, (path) =>
      path.join(".") === "kiosk.idleSeconds" ? 7 : undefined,
    );
    expect(migrated).toEqual({ name: "x", kiosk: { enabled: true, homeAfterSeconds: 90 } });
    expect(data.kiosk).toEqual({ enabled: true, idleSeconds: 90 });
    expect(findings).toEqual([
      expect.objectContaining({
        code: "schema/renamed-field",
        line: 7,
        field: "kiosk.idleSeconds",
        expected: "kiosk.homeAfterSeconds",
      }),
    ]);
  });

  it("leaves content without the old names alone", () => {
    const data = { kiosk: { homeAfterSeconds: 60 } };
    expect(migrateRenamedFields("site.yaml", data, () => 1)).toEqual({ data, findings: [] });
    expect(migrateRenamedFields("site.yaml", "not an object", () => 1).findings).toEqual([]);
  });

  it("with both names, keeps the new one and lets the schema refuse the old", () => {
    const data = { kiosk: { idleSeconds: 90, homeAfterSeconds: 60 } };
    const { data: migrated, findings } = migrateRenamedFields("site.yaml", data, () => 3);
    expect(migrated).toEqual(data);
    expect(findings).toHaveLength(1);
  });
});

describe("the declared schema version", () => {
  it("is quiet for the current version or none, warns for an older one, refuses a newer one", () => {
    expect(checkSchemaVersion(undefined, 1)).toBeUndefined();
    expect(checkSchemaVersion(SCHEMA_VERSION, 1)).toBeUndefined();
    expect(checkSchemaVersion(1, 2)).toMatchObject({ code: "schema/older-version", line: 2 });
    expect(checkSchemaVersion(SCHEMA_VERSION + 1, 2)).toMatchObject({
      code: "schema/newer-version",
      message: `this knowledge base was written for schema version ${SCHEMA_VERSION + 1}, newer than this Union KB reads (${SCHEMA_VERSION})`,
    });
  });
});

describe("a knowledge base written for schema 1", () => {
  it("loads with the value under its new name, and only warnings", () => {
    const dir = fixtureContent("schema-1", "extra");
    made.push(dir);
    const { kb } = loadKnowledgeBase(dir);
    expect(kb.site?.data.kiosk).toEqual({ enabled: false, homeAfterSeconds: 90 });
    const result = checkKnowledgeBase(dir);
    expect(result.errors).toBe(0);
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ["schema/renamed-field", 10],
      ["schema/older-version", 1],
    ]);
  });

  it("npm run check names the change and the fix", () => {
    const dir = fixtureContent("schema-1", "extra");
    made.push(dir);
    const result = runScript("check.ts", ["--content", dir]);
    expect(result.status).toBe(0);
    expect(
      result.stdout.replaceAll(dir, "<content>").replace(/ in \d+ ms/, ""),
    ).toMatchInlineSnapshot(`
        "Knowledge base: <content>
        ⚠ warning  <content>/site.yaml:1
          field:    schemaVersion
          problem:  this knowledge base was written for schema version 1; this Union KB reads version 2
          hint:     make the changes the other problems name (CHANGELOG.md, “Migrating”), then set schemaVersion: 2

        ⚠ warning  <content>/site.yaml:10
          field:    kiosk.idleSeconds
          problem:  “idleSeconds” was renamed “homeAfterSeconds” in schema version 2 (Union KB 0.2.0)
          expected: kiosk.homeAfterSeconds
          hint:     rename the field to “homeAfterSeconds” (same value); then set schemaVersion: 2 in site.yaml. CHANGELOG.md, “Migrating to schema 2”, lists every change

        0 errors, 2 warnings
        Checked 1 course, 2 lessons, 1 policy, 1 case, 3 glossary terms, 3 topics.
        "
      `);
  });

  it("content for a newer Union KB than this one is refused, naming the upgrade", () => {
    const dir = fixtureContent("schema-1", "extra");
    made.push(dir);
    const site = join(dir, "site.yaml");
    writeFileSync(site, readFileSync(site, "utf8").replace("schemaVersion: 1", "schemaVersion: 3"));
    const result = checkKnowledgeBase(dir);
    expect(result.errors).toBe(1);
    expect(result.problems.find((p) => p.severity === "error")).toMatchObject({
      code: "schema/newer-version",
      line: 1,
      hint: expect.stringContaining("npm install the newer union-kb"),
    });
  });
});
