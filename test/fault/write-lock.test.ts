import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "../helpers/app.ts";

// Another process holds SQLite's write lock (an import, a backup): reads go
// on, writes are refused quickly with 503 and Retry-After, never a 500 or a hang.

let t: TestApp;
let api: ReturnType<typeof bearer>;
let holder: ChildProcess | null = null;

/** Starts a child that takes the write lock and holds it until release(). */
async function holdLock(withNote: boolean) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "hold-lock.ts"), t.file, ...(withNote ? ["--note"] : [])], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  holder = child;
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  expect(chunk.toString()).toContain("locked");
  return async () => {
    child.stdin.end();
    if (child.exitCode === null) await once(child, "exit");
    holder = null;
  };
}

beforeAll(async () => {
  t = await testApp();
  api = bearer(t.app, await t.token("editor"));
});

afterAll(async () => {
  holder?.kill("SIGKILL");
  await t.close();
});

describe("another process holding the write lock", () => {
  it("reads answer while the lock is held; a write answers 503 with Retry-After naming the import, and succeeds once it is done", async () => {
    const { agent } = await t.signIn("editor");
    await api.post("/api/claims", { statement: "Before the import", status: "rumored" }).expect(201);
    const events = await t.db.auditEvent.count();
    const release = await holdLock(true);
    try {
      // a read never waits for the writer (the old busy timeout held every request for 5 s)
      await agent.get("/claims").timeout(2500).expect(200);
      await api.get("/api/claims").timeout(2500).expect(200);

      const res = await api.post("/api/claims", { statement: "During the import", status: "rumored" }).timeout(5000);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/an import is running/);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);

      const health = await request(t.app).get("/healthz").timeout(2500).expect(503);
      expect(health.body).toMatchObject({ reads: true, writes: false });
      expect(health.body.problems.join(" ")).toMatch(/an import is running/);
    } finally {
      await release();
    }
    expect(await t.db.auditEvent.count()).toBe(events);
    await api.post("/api/claims", { statement: "After the import", status: "rumored" }).timeout(5000).expect(201);
    await request(t.app).get("/healthz").expect(200);
  });

  it("without a note the 503 says another program is writing; a page form comes back with the message and the editor's input", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const release = await holdLock(false);
    try {
      const res = await api.post("/api/claims", { statement: "Locked out", status: "rumored" }).timeout(5000);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/another program is writing/);
      const page = await agent.post("/claims").type("form").send({ _csrf: csrf, statement: "Locked out too", status: "rumored" }).timeout(5000);
      expect(page.status).toBe(503);
      expect(page.text).toContain("another program is writing");
      // the form comes back with what the editor typed
      expect(page.text).toContain("Nothing was saved");
      expect(page.text).toContain("Locked out too");
    } finally {
      await release();
    }
    expect(await t.db.claim.count({ where: { statement: { startsWith: "Locked out" } } })).toBe(0);
  });
});
