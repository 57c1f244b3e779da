import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { shownUrl } from "../src/config.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

// An app server on PostgreSQL outlives its connections: the server may end
// them at any time (a restart, a failover, an operator's pg_terminate_backend).

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe.runIf(inject("engine") === "postgresql")("PostgreSQL connections", () => {
  it("the server ending every connection of the app's pools leaves the app answering, on new connections", async () => {
    const token = await t.token("viewer");
    await request(t.app).get("/api/claims?q=Ultraman").set("Authorization", `Bearer ${token}`).expect(200);
    const admin = new pg.Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const name = new URL(t.url).pathname.slice(1);
    const { rows } = await admin
      .query<{ n: number }>(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])
      .finally(() => admin.end());
    expect(rows[0]!.n).toBeGreaterThan(0);
    // the pools hear their idle connections end (an unheard "error" event would end this process)
    await new Promise((resume) => setTimeout(resume, 200));
    await request(t.app).get("/healthz").expect(200);
    await request(t.app).get("/api/claims?q=Ultraman").set("Authorization", `Bearer ${token}`).expect(200);
  });
});

describe("the database URL in the server's log", () => {
  it("hides a PostgreSQL URL's password and keeps a SQLite file URL as it is", () => {
    expect(shownUrl("postgresql://claimtrack:s3cret@db.example.org:5432/claimtrack")).toBe("postgresql://claimtrack:***@db.example.org:5432/claimtrack");
    expect(shownUrl("postgresql://claimtrack@db.example.org/claimtrack")).toBe("postgresql://claimtrack@db.example.org/claimtrack");
    expect(shownUrl("file:./data/claims.db")).toBe("file:./data/claims.db");
  });
});
