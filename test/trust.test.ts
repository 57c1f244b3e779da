import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import request from "supertest";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backup } from "../src/backup/backup.ts";
import { verifyChain } from "../src/audit/audit.service.ts";
import { freshDatabase, testApp, type TestApp } from "./helpers/app.ts";
import { behindTheGuards } from "./helpers/guards.ts";

async function query<T>(sql: string, url: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

let t: TestApp;
let token: string;
const auth = () => ({ Authorization: `Bearer ${token}` });
const newClaim = async (statement: string) =>
  (await request(t.app).post("/api/claims").set(auth()).send({ statement }).expect(201)).body as { id: number; version: number };

beforeAll(async () => {
  t = await testApp();
  token = await t.token("editor");
});
afterAll(() => t.close());

describe("tamper-evident audit trail", () => {
  it("the database refuses UPDATE and DELETE on audit events", async () => {
    await newClaim("An audited claim.");
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET reason = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE refused/);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("GET /api/audit/verify reports a verified chain with its head", async () => {
    const res = await request(t.app).get("/api/audit/verify").set(auth()).expect(200);
    const last = await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(res.body).toEqual({ ok: true, events: await t.db.auditEvent.count(), head: last.hash, firstBadEvent: null, verifiedAt: expect.any(String) });
  });

  it("50 concurrent PATCHes with the same version give one 200, 49 × 409, one audit event and a chain that verifies", async () => {
    const c = await newClaim("Raced claim.");
    const before = await t.db.auditEvent.count();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(t.app)
          .patch(`/api/claims/${c.id}`)
          .set(auth())
          .send({ version: c.version, statement: `Racer ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await t.db.auditEvent.count()).toBe(before + 1);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(claim.version).toBe(c.version + 1);
    expect(results.find((r) => r.status === 200)!.body.statement).toBe(claim.statement);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("an audit row edited behind the triggers' back is reported at that event, on the API, the page and the CLI", async () => {
    const victim = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.create" }, orderBy: { id: "asc" } });
    await behindTheGuards(t.db, `UPDATE "AuditEvent" SET reason = 'history rewritten' WHERE id = ${victim.id}`);
    const res = await request(t.app).get("/api/audit/verify").set(auth()).expect(200);
    expect(res.body).toMatchObject({ ok: false, firstBadEvent: victim.id });
    const admin = await t.signIn("admin");
    const page = await admin.agent.get("/audit").expect(200);
    expect(page.text).toContain("✗ Audit chain broken");
    expect(page.text).toContain(`Event #${victim.id} does not match its hash`);
    const cli = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["src/audit/audit.cli.ts"], {
      env: { ...process.env, DATABASE_URL: t.url },
    }).catch((e: { code: number; stdout: string }) => e);
    expect(cli).toMatchObject({ code: 1 });
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, firstBadEvent: victim.id });
  });
});

/** Claims written until stopped, while a backup runs. */
function writeMeanwhile() {
  let writing = true;
  const writer = (async () => {
    let n = 0;
    while (writing && n < 500) await newClaim(`During backup ${n++}`);
  })();
  return async () => {
    writing = false;
    await writer;
  };
}

describe.runIf(inject("engine") === "postgresql")("backups on PostgreSQL", () => {
  it("pg_dump's copy, taken while writes run, restores into a new database holding every claim acknowledged before it started", async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 20; i++) acknowledged.push((await newClaim(`Before backup ${i}`)).id);
    const stop = writeMeanwhile();
    const target = path.join(inject("tmpDir"), `backup-${Date.now()}.dump`);
    const report = await backup(t.url, target);
    await stop();
    expect(report.pages).toBeNull();
    const restored = await freshDatabase();
    try {
      // into an empty database: the copy of the template holds the schema already
      await query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`, restored.url);
      await promisify(execFile)("pg_restore", ["--no-owner", `--dbname=${restored.url}`, target]);
      const ids = new Set((await query<{ id: number }>(`SELECT id FROM "Claim"`, restored.url)).map((r) => r.id));
      for (const id of acknowledged) expect(ids.has(id), `claim ${id}`).toBe(true);
      expect(report.claims).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await restored.remove();
    }
    await expect(backup(t.url, target)).rejects.toThrow(/already exists/);
  });
});

describe.runIf(inject("engine") === "sqlite")("backups", () => {
  it("a backup taken while writes run opens, passes integrity_check and holds every claim acknowledged before it started", async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 20; i++) acknowledged.push((await newClaim(`Before backup ${i}`)).id);
    const stop = writeMeanwhile();
    const target = path.join(path.dirname(t.file), `backup-${Date.now()}.db`);
    const report = await backup(`file:${t.file}`, target);
    await stop();
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = new Set((copy.prepare("SELECT id FROM Claim").all() as { id: number }[]).map((r) => r.id));
      for (const id of acknowledged) expect(ids.has(id), `claim ${id}`).toBe(true);
      expect(report.claims).toBe(ids.size);
    } finally {
      copy.close();
    }
    await expect(backup(`file:${t.file}`, target)).rejects.toThrow(/already exists/);
  });
});
