// The log and the cross-cutting HTTP layer are leaves: features lean on them,
// never the other way round (issue 10). Each feature registers its audit
// labels and template helpers instead (audit/audit.registry.ts, http/view-helpers.ts).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../src");
/** the folders every feature may lean on; any other folder of src/ is a feature, a new one included */
const SHARED = ["audit", "http", "i18n", "sqlite", "generated"];
const features = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !SHARED.includes(d.name))
  .map((d) => d.name);

/** what a file's text imports: static imports and re-exports, side-effect imports, dynamic import() */
const importsIn = (text: string, file: string) =>
  [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => path.resolve(path.dirname(file), m[1]!));

function featureImports(folder: string): string[] {
  const dir = path.join(src, folder);
  return readdirSync(dir)
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .flatMap((f) =>
      importsIn(readFileSync(path.join(dir, f), "utf8"), path.join(dir, f))
        .filter((target) => features.some((feature) => target.startsWith(path.join(src, feature) + path.sep)))
        .map((target) => `${folder}/${f} imports ${path.relative(src, target)}`),
    );
}

describe("the audit module and the HTTP layer import no feature", () => {
  it("finds the features it guards against (claims, sources, entities, users, transfer, dashboard, timeline)", () => {
    expect(features).toEqual(expect.arrayContaining(["claims", "sources", "entities", "users", "transfer", "dashboard", "timeline"]));
  });

  it("reads imports of every form, so that the rule cannot pass by not seeing one", () => {
    const file = path.join(src, "http", "example.ts");
    const seen = (line: string) => importsIn(line, file);
    expect(seen(`import { a } from "../claims/status.ts";`)).toEqual([path.join(src, "claims/status.ts")]);
    expect(seen(`import type { B } from '../users/users.service.ts';`)).toEqual([path.join(src, "users/users.service.ts")]);
    expect(seen(`import "../claims/claims.audit.ts";`)).toEqual([path.join(src, "claims/claims.audit.ts")]);
    expect(seen(`const m = await import("../sources/url.ts");`)).toEqual([path.join(src, "sources/url.ts")]);
    expect(seen(`export { c } from "../entities/entities.query.ts";`)).toEqual([path.join(src, "entities/entities.query.ts")]);
  });

  it("src/http/*.ts imports no feature folder", () => {
    expect(featureImports("http")).toEqual([]);
  });

  it("src/audit/*.ts imports no feature folder", () => {
    expect(featureImports("audit")).toEqual([]);
  });
});
