import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../src/audit/audit.service.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { behindTheGuards } from "./helpers/guards.ts";

// The audit log's guards in the database itself, on either engine: SQL that
// reaches it without the app (a console, a script) cannot rewrite or remove
// events; a row changed behind the guards' back (the triggers disabled, as
// its owner could) is found by the chain's walk at that event.

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const api = bearer(t.app, await t.token("editor"));
  for (const statement of ["First audited claim.", "Second audited claim."]) await api.post("/api/claims", { statement }).expect(201);
});
afterAll(() => t.close());

describe("the audit log's guards", () => {
  it("refuse UPDATE and DELETE of events from plain SQL, leaving every event as it was", async () => {
    const before = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET reason = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE refused/);
    // an upsert over an existing event: its DO UPDATE is an UPDATE
    await expect(
      t.db.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (id, "createdAt", "actorLabel", action, "subjectType", "subjectId", changes, reason, "sourceIds", "prevHash", hash)
         SELECT id, "createdAt", "actorLabel", action, "subjectType", "subjectId", changes, 'rewritten', "sourceIds", "prevHash", hash FROM "AuditEvent" WHERE id = ${before[0]!.id}
         ON CONFLICT (id) DO UPDATE SET reason = excluded.reason`,
      ),
    ).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("a row rewritten behind the guards' back is reported at that event", async () => {
    const victim = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.create" }, orderBy: { id: "desc" } });
    await behindTheGuards(t.db, `UPDATE "AuditEvent" SET reason = 'history rewritten' WHERE id = ${victim.id}`);
    expect(await verifyChain(t.db)).toMatchObject({ ok: false, firstBadEvent: victim.id });
  });
});
