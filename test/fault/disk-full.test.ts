import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "../helpers/app.ts";
import { smallDisk } from "./tmpfs.ts";

// A real full disk: the database lives on a 4 MB tmpfs, filled up by a file.

const disk = smallDisk(4096);
let t: TestApp;
let api: ReturnType<typeof bearer>;
const filler = () => path.join(disk!.dir, "filler");

/** Writes until the filesystem refuses (ENOSPC). */
function fillDisk() {
  try {
    writeFileSync(filler(), Buffer.alloc(8 * 1024 * 1024));
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe("ENOSPC");
  }
}

const claim = (n: number) => ({ statement: `Disk-full claim ${n}`, context: "x".repeat(9000), status: "rumored" });

beforeAll(async () => {
  if (!disk) return;
  t = await testApp({ dir: disk.dir, env: { MIN_FREE_DISK_MB: "1" } });
  api = bearer(t.app, await t.token("editor"));
});

afterAll(async () => {
  await t?.close();
  disk?.unmount();
});

describe.skipIf(!disk)("a full disk", () => {
  it("a write that fails for lack of space answers 503 at once, writes nothing, and the next write after space returns succeeds", async () => {
    await api.post("/api/claims", claim(0)).expect(201);
    const before = { claims: await t.db.claim.count(), events: await t.db.auditEvent.count() };
    fillDisk();

    for (let i = 1; i <= 3; i++) {
      const res = await api.post("/api/claims", claim(i)).timeout(5000);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("unavailable");
      expect(res.body.error.message).toMatch(/disk is full/);
      expect(res.headers["retry-after"]).toMatch(/^\d+$/);
    }
    const health = await request(t.app).get("/healthz").timeout(5000).expect(503);
    expect(health.body.writes).toBe(false);
    expect(health.body.problems.join(" ")).toMatch(/disk is full|MB free/);
    expect({ claims: await t.db.claim.count(), events: await t.db.auditEvent.count() }).toEqual(before);

    rmSync(filler());
    const res = await api.post("/api/claims", claim(4)).timeout(5000).expect(201);
    expect(res.body.statement).toBe("Disk-full claim 4");
    expect(await t.db.claim.count()).toBe(before.claims + 1);
    const healed = await request(t.app).get("/healthz").expect(200);
    expect(healed.body).toMatchObject({ ok: true, reads: true, writes: true, problems: [] });
  });

  it("an editor's form on a full disk gets the 503 page with the message, and reads keep working", async () => {
    const { agent, csrf } = await t.signIn("editor");
    fillDisk();
    try {
      const page = await agent
        .post("/claims")
        .type("form")
        .send({ _csrf: csrf, statement: "A form on a full disk", context: "y".repeat(9000), status: "rumored" })
        .timeout(5000);
      expect(page.status).toBe(503);
      expect(page.text).toContain("disk is full");
      await agent.get("/claims").timeout(5000).expect(200);
    } finally {
      rmSync(filler(), { force: true });
    }
    expect(await t.db.claim.count({ where: { statement: "A form on a full disk" } })).toBe(0);
  });
});
