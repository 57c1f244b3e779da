import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedSynthetic } from "../scripts/seed-synthetic.ts";
import { lastVerification, startVerifier, verifyInFull, verifyNew } from "../src/audit/audit.verification.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { behindTheGuards } from "./helpers/guards.ts";

// The chain's guards and its verification, faults made for real: raw SQL on
// the test database file through a second connection, as an intruder with
// the file would.

let t: TestApp;
let editor: ReturnType<typeof bearer>;

/** Runs SQL on the database file outside the app, as someone with the file could. */
function raw<T>(work: (sqlite: Database.Database) => T, file = t.file): T {
  const sqlite = new Database(file);
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

const newClaim = async (statement: string) => (await editor.post("/api/claims", { statement }).expect(201)).body as { id: number };

beforeAll(async () => {
  t = await testApp();
  editor = bearer(t.app, await t.token("editor"));
});
afterAll(() => t.close());

// SQLite's REPLACE resolution, which PostgreSQL has not (test/audit-guards.test.ts covers both engines' guards)
describe.runIf(inject("engine") === "sqlite")("AuditEvent triggers", () => {
  it("INSERT OR REPLACE, REPLACE INTO and an upsert over an existing event are refused and leave it as it was", async () => {
    await newClaim("A claim whose event someone rewrites.");
    const victim = await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const columns = "id, createdAt, actorId, actorLabel, action, subjectType, subjectId, changes, reason, sourceIds, prevHash, hash";
    const values = "@id, @createdAt, @actorId, @actorLabel, @action, @subjectType, @subjectId, @changes, 'rewritten', @sourceIds, @prevHash, @hash";
    const attempts = {
      "INSERT OR REPLACE": `INSERT OR REPLACE INTO AuditEvent (${columns}) VALUES (${values})`,
      "REPLACE INTO": `REPLACE INTO AuditEvent (${columns}) VALUES (${values})`,
      // same hash, new id: REPLACE would delete the old row through the unique index on hash
      "REPLACE on the hash": `REPLACE INTO AuditEvent (${columns}) VALUES (@id + 1000, @createdAt, @actorId, @actorLabel, @action, @subjectType, @subjectId, @changes, 'rewritten', @sourceIds, @prevHash, @hash)`,
      "ON CONFLICT DO UPDATE": `INSERT INTO AuditEvent (${columns}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason`,
    };
    raw((sqlite) => {
      const row = sqlite.prepare("SELECT * FROM AuditEvent WHERE id = ?").get(victim.id) as Record<string, unknown>;
      for (const [name, sql] of Object.entries(attempts)) expect(() => sqlite.prepare(sql).run(row), name).toThrow(/append-only/);
      expect(sqlite.prepare("SELECT * FROM AuditEvent WHERE id = ?").get(victim.id), "the event").toEqual(row);
      expect(sqlite.prepare("SELECT COUNT(*) FROM AuditEvent WHERE hash = ?").pluck().get(victim.hash)).toBe(1);
    });
    expect((await editor.get("/api/audit/verify").expect(200)).body).toMatchObject({ ok: true, firstBadEvent: null });
  });
});

/** An app on its own database, for a test that damages the chain. */
async function damaged(work: (app: TestApp, api: ReturnType<typeof bearer>) => Promise<void>) {
  const app = await testApp();
  try {
    const api = bearer(app.app, await app.token("editor"));
    for (let i = 0; i < 3; i++) await api.post("/api/claims", { statement: `Claim ${i} of a chain someone damages.` }).expect(201);
    await work(app, api);
  } finally {
    await app.close();
  }
}

/** Changes one event behind the triggers' back. */
const tamper = (app: TestApp, id: number, set: string) => behindTheGuards(app.db, `UPDATE "AuditEvent" SET ${set} WHERE id = ${id}`);

describe("GET /audit", () => {
  it("shows the kept verification without walking: an old event tampered with shows only after a full walk, not after a check of the new events", async () => {
    await damaged(async (app, api) => {
      const viewer = await app.signIn("viewer");
      expect((await viewer.agent.get("/audit").expect(200)).text).toContain("Audit chain not verified yet");
      const kept = await verifyInFull(app.db);
      const first = (await viewer.agent.get("/audit").expect(200)).text;
      expect(first).toContain("✓ Audit chain verified");
      expect(first).toContain(`${kept.events} events, each hashed with the one before`);
      expect(first).toContain(`<code class="hash">${kept.head}</code>`);

      const victim = await app.db.auditEvent.findFirstOrThrow({ where: { action: "claim.create" }, orderBy: { id: "asc" } });
      await tamper(app, victim.id, "reason = 'history rewritten'");
      await api.post("/api/claims", { statement: "A claim after the tampering." }).expect(201);
      const before = (await viewer.agent.get("/audit").expect(200)).text;
      expect(before).toContain("✓ Audit chain verified");
      expect(before).toContain("1 newer event is not verified yet");

      const checked = await verifyNew(app.db);
      expect(checked).toMatchObject({ ok: true, events: kept.events + 1, fullAt: kept.fullAt });
      expect((await viewer.agent.get("/audit").expect(200)).text).not.toContain("newer event");

      await verifyInFull(app.db);
      const after = (await viewer.agent.get("/audit").expect(200)).text;
      expect(after).toContain("✗ Audit chain broken");
      expect(after).toContain(`Event #${victim.id} does not match its hash`);
      expect(await verifyNew(app.db)).toMatchObject({ ok: false, firstBadEvent: victim.id });
    });
  });
});

describe("startVerifier (the server's background checks)", () => {
  it("walks the whole chain at start and keeps the result; stop() waits for the walk; a break made while no server ran is found and logged", async () => {
    await damaged(async (app) => {
      const logged: unknown[] = [];
      await startVerifier(app.db, { log: (p) => logged.push(p) }).stop();
      expect(await lastVerification(app.db)).toMatchObject({ ok: true, events: await app.db.auditEvent.count() });
      expect(logged).toEqual([]);

      const victim = await app.db.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
      await tamper(app, victim.id, "reason = 'rewritten'");
      await startVerifier(app.db, { log: (p) => logged.push(p) }).stop();
      expect(await lastVerification(app.db)).toMatchObject({ ok: false, firstBadEvent: victim.id });
      expect(logged).toEqual([expect.stringContaining(`The audit chain is broken at event #${victim.id}`)]);
    });
  });
});

describe("GET /api/audit/verify", () => {
  it("walks the whole chain and reports at that event a row too damaged to hash (changes that are not JSON, a date that is not one), not a 500", async () => {
    await damaged(async (app, api) => {
      const [a, b] = await app.db.auditEvent.findMany({ where: { action: "claim.create" }, orderBy: { id: "asc" }, take: 2 });
      await tamper(app, b!.id, "changes = '{not json'");
      expect((await api.get("/api/audit/verify").expect(200)).body).toMatchObject({ ok: false, firstBadEvent: b!.id });
      // SQLite keeps dates as text, so a row can hold one that is not a date (PostgreSQL's timestamp column cannot)
      if (inject("engine") === "sqlite") {
        raw((sqlite) => sqlite.prepare("UPDATE AuditEvent SET createdAt = 'yesterday' WHERE id = ?").run(a!.id), app.file);
        const res = await api.get("/api/audit/verify").expect(200);
        expect(res.body).toMatchObject({ ok: false, firstBadEvent: a!.id, head: a!.prevHash });
        expect(Date.parse(res.body.verifiedAt)).not.toBeNaN();
      }
    });
  });

  it("on a chain of thousands of events, calls made during a walk share it, and a change deep in the chain is found", async () => {
    await damaged(async (app, api) => {
      await seedSynthetic(app.url, 1000);
      const viewers = await Promise.all([1, 2, 3, 4].map(() => app.token("viewer")));
      const events = await app.db.auditEvent.count();
      expect(events).toBeGreaterThan(3000); // several pages of the walk
      const walk = verifyInFull(app.db);
      expect(verifyInFull(app.db), "a call during a walk").toBe(walk);
      await walk;
      const answers = await Promise.all(viewers.map((v) => bearer(app.app, v).get("/api/audit/verify").expect(200)));
      expect(answers[0]!.body.verifiedAt).toEqual(expect.any(String));
      expect(new Set(answers.map((r) => r.body.verifiedAt)).size, "walks").toBe(1);
      expect(answers[0]!.body).toMatchObject({ ok: true, events });

      const deep = await app.db.auditEvent.findFirstOrThrow({ where: { action: "claim.create" }, orderBy: { id: "desc" }, skip: 10 });
      await tamper(app, deep.id, `"subjectId" = "subjectId" + 1`);
      expect((await api.get("/api/audit/verify").expect(200)).body).toMatchObject({ ok: false, firstBadEvent: deep.id, head: deep.prevHash });
    });
  });

  it("a sixth call within a minute from one user answers 429 with Retry-After and a JSON error; another user is still served", async () => {
    const one = bearer(t.app, await t.token("viewer"));
    for (let i = 0; i < 5; i++) await one.get("/api/audit/verify").expect(200);
    const refused = await one.get("/api/audit/verify").expect(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({
      code: "too_many_requests",
      message: expect.stringMatching(/limited to 5 a minute per user; try again in \d+ seconds/),
    });
    await bearer(t.app, await t.token("viewer"))
      .get("/api/audit/verify")
      .expect(200);
  });
});
