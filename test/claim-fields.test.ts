import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/generated/prisma/client.ts";
import { CLAIM_FIELDS, EDITED_FIELDS, EXPORTED_FIELDS, NOT_EDITABLE } from "../src/claims/claim.fields.ts";
import { createClaimSchema, updateClaimSchema } from "../src/claims/claims.schema.ts";
import { claimRecordSchema, csvClaimSchema } from "../src/transfer/transfer.schema.ts";
import { parseCsv } from "../src/transfer/csv.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

// The claim's field list is stated once (src/claims/claim.fields.ts): a
// column added to the schema must be placed there, or said not to be
// editable, before the service, forms, conflict page, export, import and
// seeder can forget it.

let t: TestApp;
let auth: { Authorization: string };

beforeAll(async () => {
  t = await testApp();
  auth = { Authorization: `Bearer ${await t.token("editor")}` };
  await request(t.app).post("/api/claims").set(auth).send({ statement: "A claim to export." }).expect(201);
});
afterAll(() => t.close());

describe("the claim field descriptor", () => {
  it("names every column of Claim in the schema once: as a field, or as not editable", () => {
    const columns = Object.values(Prisma.ClaimScalarFieldEnum).sort();
    const named = [...CLAIM_FIELDS.map((f) => f.name), ...NOT_EDITABLE];
    expect(named.sort()).toEqual(columns);
  });

  it("gives every value of an enumeration field a label, and every field its message id", () => {
    for (const f of CLAIM_FIELDS) {
      expect(f.label, f.name).toMatch(/^[A-Z]/);
      for (const v of f.values ?? []) expect(f.labels?.[v], `${f.name} ${v}`).toEqual(expect.any(String));
    }
    expect(CLAIM_FIELDS.filter((f) => f.kind === "enum").map((f) => f.name)).toEqual(["status", "occurredPrecision"]);
  });

  it("the schemas that take a claim read its fields: create and edit the edited ones, both import formats every exported one", () => {
    const reads = (schema: { shape: object }) => Object.keys(schema.shape);
    for (const schema of [createClaimSchema, updateClaimSchema]) expect(reads(schema)).toEqual(expect.arrayContaining(EDITED_FIELDS));
    for (const schema of [claimRecordSchema, csvClaimSchema]) expect(reads(schema)).toEqual(expect.arrayContaining(EXPORTED_FIELDS));
  });

  it("the export's CSV header and JSON record keep their order: id, the fields, then what the claim refers to", async () => {
    const csv = await request(t.app).get("/export/claims.csv").set(auth).expect(200);
    const [header] = parseCsv(csv.text.replace(/^\uFEFF/, "")).map((r) => r.cells);
    expect(header).toEqual([
      "id",
      "statement",
      "context",
      "status",
      "confidence",
      "occurredAt",
      "occurredPrecision",
      "occurredZone",
      "occurredAtText",
      "firstReportedAt",
      "resolutionNote",
      "resolvedAt",
      "entities",
      "sourceTitles",
      "sourceUrls",
      "evidence",
      "resolutionSources",
    ]);
    const json = await request(t.app).get("/export/claims.json").set(auth).expect(200);
    const claim = (JSON.parse(json.text) as { claims: Record<string, unknown>[] }).claims[0]!;
    expect(Object.keys(claim)).toEqual([...header!.slice(0, 12), "resolutionSourceIds", "entityIds", "evidence"]);
  });

  it("POST /api/claims audits every edited field it set, and PATCH audits each one it changes", async () => {
    const body = {
      statement: "Every field is audited.",
      context: "Notes.",
      confidence: 40,
      occurredAt: "2023-11-17T20:30:00Z",
      occurredAtText: "Friday evening",
    };
    const c = (await request(t.app).post("/api/claims").set(auth).send(body).expect(201)).body;
    const [created] = (await request(t.app).get(`/api/claims/${c.id}/history`).set(auth).expect(200)).body;
    expect(Object.keys(created.changes).sort()).toEqual([...EDITED_FIELDS].filter((f) => f !== "firstReportedAt").sort());
    const edit = { version: c.version, statement: "Every field is audited, again.", occurredAtText: "that night" };
    await request(t.app).patch(`/api/claims/${c.id}`).set(auth).send(edit).expect(200);
    const events = (await request(t.app).get(`/api/claims/${c.id}/history`).set(auth).expect(200)).body;
    expect(Object.keys(events.at(-1).changes).sort()).toEqual(["occurredAtText", "statement"]);
  });
});
