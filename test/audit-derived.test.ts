// State that pages used to read out of the audit log's changes JSON, kept by
// triggers on the log (the audit_derived migration): where a merged entity
// went and the name it had (EntityMerge), when a claim was last flagged
// (ClaimFlag), and the moves of each change that cited a source
// (SourceCitation's columns). Right after the write, absent after a rollback,
// and rebuilt from the log for a database upgraded from before.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, recordAudit } from "../src/audit/audit.service.ts";
import { mergeEntities } from "../src/entities/merge.service.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { applyMigrations } from "./helpers/migrations.ts";

const OURS = "20261203100000_audit_derived";

type Flag = (t: TestApp, sourceId: number, claimIds: number[], token: string) => Promise<unknown>;

/** Marks the source unreliable, which flags the claims whose changes cited it. */
const markUnreliable: Flag = (t, sourceId, _claimIds, token) =>
  bearer(t.app, token).patch(`/api/sources/${sourceId}`, { version: 1, reliability: "unreliable" }).expect(200);

/**
 * The flags that marking it unreliable writes, written as they are: that
 * service reads SourceCitation's new columns, which a database before the
 * migration does not have.
 */
const flagAsBefore: Flag = (t, sourceId, claimIds) =>
  t.db.$transaction(async (tx) => {
    await tx.claim.updateMany({ where: { id: { in: claimIds } }, data: { needsReview: true, reviewReason: "Source marked unreliable" } });
    for (const subjectId of claimIds)
      await recordAudit(tx, SYSTEM, { action: "claim.flag", subjectType: "claim", subjectId, changes: { needsReview: [false, true] }, sourceIds: [sourceId] });
  });

/**
 * Writes through the API what each derived value comes from: Altman's
 * duplicate merged into Sam Altman, who is then merged into a third entry
 * (a chain); a claim reclassified and another's confidence moved citing a
 * source, then both flagged for review.
 */
async function scenario(t: TestApp, flag: Flag) {
  const token = await t.token("editor");
  const api = bearer(t.app, token);
  const entity = async (name: string) => (await api.post("/api/entities", { name, kind: "person", confirmDuplicate: true }).expect(201)).body as { id: number };
  const [first, second, third] = [await entity("S. Altman"), await entity("Sam Altman"), await entity("Samuel H. Altman")];
  await api.post(`/api/entities/${second.id}/merge`, { otherId: first.id, reason: "Same man.", version: 1 }).expect(200);
  await api.post(`/api/entities/${third.id}/merge`, { otherId: second.id, reason: "Same man again.", version: 1 }).expect(200);
  const source = (await api.post("/api/sources", { title: "Anonymous account" }).expect(201)).body as { id: number };
  const claim = async (statement: string) => (await api.post("/api/claims", { statement }).expect(201)).body as { id: number };
  const rumored = await claim("The board met without Altman.");
  await api.patch(`/api/claims/${rumored.id}`, { version: 1, status: "rumored", reason: "Two outlets.", sourceIds: [source.id] }).expect(200);
  const surer = await claim("Altman learned of it on a video call.");
  await api.patch(`/api/claims/${surer.id}`, { version: 1, confidence: 80, reason: "More detail.", sourceIds: [source.id] }).expect(200);
  await flag(t, source.id, [rumored.id, surer.id], token);
  return { first, second, third, source, rumored, surer };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

/** What the derived tables hold for the scenario, checked against the events they come from. */
async function expectDerived(t: TestApp, s: Scenario) {
  const events = (where: object) => t.db.auditEvent.findMany({ where, orderBy: { id: "asc" } });
  const merges = await events({ action: "entity.merge", subjectId: { in: [s.second.id, s.third.id] } });
  expect(await t.db.entityMerge.findMany({ orderBy: { mergedId: "asc" } })).toEqual([
    { mergedId: s.first.id, intoId: s.second.id, name: "S. Altman", eventId: merges.find((e) => e.subjectId === s.second.id)!.id },
    { mergedId: s.second.id, intoId: s.third.id, name: "Sam Altman", eventId: merges.find((e) => e.subjectId === s.third.id)!.id },
  ]);
  const flags = await events({ action: "claim.flag" });
  expect(flags.map((e) => e.subjectId).sort()).toEqual([s.rumored.id, s.surer.id].sort());
  expect(await t.db.claimFlag.findMany({ orderBy: { eventId: "asc" } })).toEqual(
    flags.map((e) => ({ claimId: e.subjectId, eventId: e.id, flaggedAt: e.createdAt })),
  );
  const [reclassified, moved] = await events({ subjectId: { in: [s.rumored.id, s.surer.id] }, action: { in: ["claim.status", "claim.update"] } });
  expect(await t.db.sourceCitation.findMany({ where: { sourceId: s.source.id }, orderBy: { eventId: "asc" } })).toEqual([
    {
      sourceId: s.source.id,
      eventId: reclassified!.id,
      claimId: s.rumored.id,
      action: reclassified!.action,
      changedAt: reclassified!.createdAt,
      statusFrom: "unverified",
      statusTo: "rumored",
      confidenceFrom: null,
      confidenceTo: null,
    },
    {
      sourceId: s.source.id,
      eventId: moved!.id,
      claimId: s.surer.id,
      action: "claim.update",
      changedAt: moved!.createdAt,
      statusFrom: null,
      statusTo: null,
      confidenceFrom: 50,
      confidenceTo: 80,
    },
  ]);
}

/** What the pages read from them: the merged entry's page, the history naming it, the dashboard's queue and the source's impact. */
async function expectPages(t: TestApp, s: Scenario) {
  const { agent } = await t.signIn("viewer");
  const gone = await agent.get(`/entities/${s.first.id}`).expect(302);
  expect(gone.headers.location).toBe(`/entities/${s.third.id}`);
  const flash = (await agent.get(gone.headers.location!).expect(200)).text;
  expect(flash).toContain("S. Altman was merged into Samuel H. Altman.");
  // the removed entry's own history names where it went, though that entry is gone too
  expect(flash).toContain("Sam Altman (#");
  // the queue lists its claims oldest flag first
  const flagged = await t.db.claimFlag.findMany({ orderBy: { eventId: "asc" } });
  const statements = await t.db.claim.findMany({ where: { id: { in: flagged.map((f) => f.claimId) } } });
  const [older, newer] = flagged.map((f) => statements.find((c) => c.id === f.claimId)!.statement);
  const home = (await agent.get("/").expect(200)).text;
  expect(home.indexOf(older!)).toBeGreaterThan(-1);
  expect(home.slice(home.indexOf(older!), home.indexOf(newer!))).toContain("flagged");
  const source = (await agent.get(`/sources/${s.source.id}`).expect(200)).text;
  expect(source).toContain("Unverified → Rumored");
  expect(source).toContain("confidence 50 → 80");
}

describe("derived state kept from the audit log", () => {
  let t: TestApp;
  let s: Scenario;
  beforeAll(async () => {
    t = await testApp();
    s = await scenario(t, markUnreliable);
  });
  afterAll(() => t.close());

  it("is written with the events: EntityMerge, ClaimFlag and SourceCitation's moves match the events they come from", async () => {
    await expectDerived(t, s);
  });

  it("is what the pages read: the merged entry leads to its survivor by its old name, the queue and the impact list their claims", async () => {
    await expectPages(t, s);
  });

  it("is rolled back with its event: a merge or a flag that fails leaves no row", async () => {
    const api = bearer(t.app, await t.token("editor"));
    const [a, b] = [
      (await api.post("/api/entities", { name: "Ilya Sutskever", kind: "person" }).expect(201)).body as { id: number },
      (await api.post("/api/entities", { name: "I. Sutskever", kind: "person", confirmDuplicate: true }).expect(201)).body as { id: number },
    ];
    const claim = (await api.post("/api/claims", { statement: "Sutskever regrets his part." }).expect(201)).body as { id: number };
    const eventsBefore = await t.db.auditEvent.count();
    const failing = (write: (tx: Parameters<Parameters<TestApp["db"]["$transaction"]>[0]>[0]) => Promise<unknown>) =>
      t.db.$transaction(async (tx) => {
        await write(tx);
        throw new Error("the write fails after its events");
      });
    await expect(failing((tx) => mergeEntities(tx, SYSTEM, a.id, { otherId: b.id, reason: "Same man.", version: 1 }))).rejects.toThrow("fails after");
    await expect(
      failing((tx) => recordAudit(tx, SYSTEM, { action: "claim.flag", subjectType: "claim", subjectId: claim.id, changes: { needsReview: [false, true] } })),
    ).rejects.toThrow("fails after");
    expect(await t.db.auditEvent.count()).toBe(eventsBefore);
    expect(await t.db.entityMerge.findUnique({ where: { mergedId: b.id } })).toBeNull();
    expect(await t.db.claimFlag.findUnique({ where: { claimId: claim.id } })).toBeNull();
    expect(await t.db.entity.findUnique({ where: { id: b.id } })).not.toBeNull();
  });
});

describe("the audit_derived migration on a database from before it", () => {
  it("fills EntityMerge, ClaimFlag and SourceCitation's moves from the events already logged, and the pages read them", async () => {
    const file = path.join(inject("tmpDir"), `${randomUUID()}.db`);
    applyMigrations(file, { without: OURS });
    // today's code writes on the old schema (what it derives is the triggers' to fill), but for the flags
    const old = await testApp({ file });
    const s = await scenario(old, flagAsBefore);
    await old.db.$disconnect();
    applyMigrations(file, { only: OURS });
    const upgraded = await testApp({ file });
    try {
      await expectDerived(upgraded, s);
      await expectPages(upgraded, s);
    } finally {
      await upgraded.close();
    }
  });
});
