import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, reads, type Db } from "../src/db.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// Issue 11: two app servers on one database (two clients with their own
// connections, as two processes have), writes raced through both. On
// PostgreSQL each write transaction takes the one advisory lock; on SQLite
// the file's write lock. Either way: one audit chain, no lost update.

let t: TestApp;
let servers: { app: ReturnType<typeof createApp>; db: Db }[];
let token: string;

/** An app server on the test's database, with connections of its own. Its writes wait their turn up to 10 s: the test is of the outcome, and a loaded machine must not turn a wait into a 503. */
async function server() {
  const db = await openDatabase(t.url, { writeWaitMs: 10_000 });
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40) });
  return { app: createApp({ db, config, log: () => {} }), db };
}

beforeAll(async () => {
  t = await testApp();
  servers = [await server(), await server()];
  token = await t.token("editor");
});
afterAll(async () => {
  for (const s of servers) await s.db.$disconnect();
  await t.close();
});

const apps = () => servers.map((s) => bearer(s.app, token));

describe("two app servers on one database", () => {
  it("keep one audit chain under 80 concurrent creates and edits through both: every write lands, no event forks, the chain verifies", async () => {
    const [a, b] = apps();
    const before = await t.db.auditEvent.count();
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).post("/api/claims", { statement: `Raced claim ${i}.`, status: "rumored", confidence: 40 })),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const edited = await Promise.all(
      created.map((r, i) => (i % 2 ? b! : a!).patch(`/api/claims/${r.body.id}`, { version: 1, confidence: 60, reason: "A second source." })),
    );
    expect(edited.map((r) => r.status)).toEqual(edited.map(() => 200));

    expect(await t.db.auditEvent.count()).toBe(before + 80);
    const forks = await reads(t.db).all<{ prevHash: string; n: number }>(
      `SELECT "prevHash", count(*) AS n FROM "AuditEvent" GROUP BY "prevHash" HAVING count(*) > 1`,
    );
    expect(forks).toEqual([]);
    for (const { app } of servers) {
      const verify = await request(app).get("/api/audit/verify").set("Authorization", `Bearer ${token}`).expect(200);
      expect(verify.body).toMatchObject({ ok: true, firstBadEvent: null, events: before + 80 });
    }
  });

  it("let exactly one of ten stale edits of one claim, raced through both, win; the nine others answer 409 and change nothing", async () => {
    const [a, b] = apps();
    const claim = (await a!.post("/api/claims", { statement: "Ten editors at once.", status: "unverified", confidence: 50 }).expect(201)).body;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a! : b!).patch(`/api/claims/${claim.id}`, { version: 1, confidence: 10 + i, reason: `Editor ${i}.` })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    const winner = answers.find((r) => r.status === 200)!.body as { confidence: number };
    const now = (await b!.get(`/api/claims/${claim.id}`).expect(200)).body;
    expect(now).toMatchObject({ version: 2, confidence: winner.confidence });
    const history = (await a!.get(`/api/claims/${claim.id}/history`).expect(200)).body as { action: string }[] | { items: { action: string }[] };
    const events = Array.isArray(history) ? history : history.items;
    expect(events.map((e) => e.action)).toEqual(["claim.create", "claim.update"]);
  });

  it("keep the status counts right when both create claims at once", async () => {
    const [a, b] = apps();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a! : b!).post("/api/claims", { statement: `Counted ${i}.`, status: "confirmed", confidence: 90 })),
    );
    const kept = await t.db.claimStatusCount.findMany();
    const actual = await t.db.claim.groupBy({ by: ["status"], _count: { _all: true } });
    expect(Object.fromEntries(kept.filter((k) => k.n > 0).map((k) => [k.status, k.n]))).toEqual(
      Object.fromEntries(actual.map((g) => [g.status, g._count._all])),
    );
  });
});
