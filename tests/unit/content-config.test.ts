import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as parts from "../../src/lib/astro/collection-parts.ts";
import {
  offerCollectionParts,
  offeredCollectionParts,
} from "../../src/lib/astro/native-collection-parts.ts";

/** The modules a file imports at run time (`import type` left out), static and dynamic. */
function runtimeImports(file: string): { static: string[]; dynamic: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found = { static: [] as string[], dynamic: [] as string[] };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      found.static.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly)
      found.static.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.dynamic.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("src/content.config.ts in npm run build", () => {
  it("imports nothing Vite would transform again but the hand-over module", () => {
    // Every other module (the loader, the MDX renderer, the schemas) comes
    // from collection-parts.ts: offered by the build, or imported only when
    // nothing was offered (npm run dev, astro check).
    expect(runtimeImports("src/content.config.ts")).toEqual({
      static: ["astro:content", "./lib/astro/native-collection-parts.ts"],
      dynamic: ["./lib/astro/collection-parts.ts"],
    });
    expect(runtimeImports("src/lib/astro/native-collection-parts.ts")).toEqual({
      static: [],
      dynamic: [],
    });
  });

  it("is offered the parts Astro's process loaded, the module content.config.ts would import", () => {
    expect(runtimeImports("src/lib/build/astro-run.ts").dynamic).toContain(
      "../astro/collection-parts.ts",
    );
    offerCollectionParts(parts);
    expect(offeredCollectionParts()).toBe(parts);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(["kbLoader", "contentDir", "LessonSchema", "SiteSchema"]),
    );
  });
});
