import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIfEmpty } from "../seed/seed.ts";
import { getClaim } from "../src/claims/claims.query.ts";
import { BOOLEAN_COLUMNS } from "../src/engine.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// The read model (src/engine.ts) serves the pages' and the API's reads
// with plain SQL; the services read through Prisma inside their transactions.
// These hold the two to the same answers.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedIfEmpty(t.db); // the article's claims: entities with aliases, evidence, resolved and open claims
});
afterAll(() => t.close());

/** Every field of the Prisma schema with its type: "model.field" → "DateTime". */
function schemaFields(): Map<string, string> {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../prisma/schema.prisma"), "utf8");
  const fields = new Map<string, string>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([^}]*)\}/gm))
    for (const [, name, type] of body!.matchAll(/^\s+(\w+)\s+(\w+)/gm)) fields.set(`${model}.${name}`, type!);
  return fields;
}

describe("the read model", () => {
  it("decodes by the schema's own rules: every DateTime field, and only those, is named …At; every Boolean is listed", () => {
    const fields = [...schemaFields()];
    expect(fields.length).toBeGreaterThan(50);
    const misnamed = fields.filter(([field, type]) => (type === "DateTime") !== /At$/.test(field)).map(([f]) => f);
    expect(misnamed).toEqual([]);
    const booleans = fields.filter(([, type]) => type === "Boolean").map(([f]) => f.split(".")[1]!);
    expect(booleans.filter((b) => !BOOLEAN_COLUMNS.has(b))).toEqual([]);
  });

  it("reads every seeded claim as Prisma does inside a transaction: fields, types, entities with aliases, evidence with sources", async () => {
    const ids = (await t.db.claim.findMany({ select: { id: true } })).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(10);
    let withEvidence = 0;
    for (const id of ids) {
      const read = await getClaim(t.db, id);
      expect(read).toEqual(await t.db.$transaction((tx) => getClaim(tx, id)));
      expect(read.createdAt).toBeInstanceOf(Date);
      expect(typeof read.needsReview).toBe("boolean");
      if (read.evidence.length) withEvidence++;
    }
    expect(withEvidence).toBeGreaterThan(5);
  });

  it("lists claims (GET /api/claims) as their details read, without evidence or aliases", async () => {
    const api = bearer(t.app, await t.token("viewer"));
    const { body } = await api.get("/api/claims?limit=100").expect(200);
    expect(body.items.length).toBeGreaterThan(10);
    for (const item of body.items) {
      const { evidence, entities, ...fields } = (await api.get(`/api/claims/${item.id}`).expect(200)).body;
      expect(evidence).toBeInstanceOf(Array);
      expect(item).toEqual({ ...fields, entities: entities.map(({ aliases, ...e }: { aliases: string[] }) => (expect(aliases).toBeInstanceOf(Array), e)) });
    }
  });
});
