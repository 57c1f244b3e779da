import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// The chain's guards and its verification, faults made for real: raw SQL on
// the test database file through a second connection, as an intruder with
// the file would.

let t: TestApp;
let editor: ReturnType<typeof bearer>;

/** Runs SQL on the database file outside the app, as someone with the file could. */
function raw<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(t.file);
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

describe("AuditEvent triggers", () => {
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
