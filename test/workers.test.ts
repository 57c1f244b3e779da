import type { ChildProcess } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser, issueToken } from "../src/users/users.service.ts";
import { exited, freePort, killAll, startServer } from "./helpers/server.ts";

// WORKERS=2: two server processes share the port and the database file.

const dir = inject("tmpDir");
const file = path.join(dir, `workers-${randomUUID()}.db`);
const url = `file:${file}`;
const children: ChildProcess[] = [];
afterAll(() => killAll(children));

const workersOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("several server processes (WORKERS)", () => {
  it("WORKERS=2 serves from two processes; concurrent writes through both keep one audit chain; a killed worker is replaced; SIGTERM stops them all", async () => {
    copyFileSync(path.join(dir, "template.db"), file);
    const setup = await openDatabase(url);
    await createUser(setup, SYSTEM, { email: "workers@example.org", role: "editor", password: "correct horse battery staple" });
    const token = await issueToken(setup, SYSTEM, "workers@example.org");
    await setup.$disconnect();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const headers = { Authorization: `Bearer ${token}`, "content-type": "application/json" };
    const primary = await startServer(url, port, children, { WORKERS: "2" });
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);

    // 60 writes, 12 at a time: connections spread over both workers, whose transactions queue on SQLite's lock
    const ids: number[] = [];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${base}/api/claims`, { method: "POST", headers, body: JSON.stringify({ statement: `Worker write ${round}-${i}` }) }),
        ),
      );
      for (const res of answers) {
        expect(res.status, await res.clone().text()).toBe(201);
        ids.push(((await res.json()) as { id: number }).id);
      }
    }
    expect(new Set(ids).size).toBe(60);
    const chain = (await (await fetch(`${base}/api/audit/verify`, { headers })).json()) as { ok: boolean; events: number };
    expect(chain.ok).toBe(true);

    process.kill(workers[0]!, "SIGKILL");
    for (let i = 0; i < 120 && workersOf(primary.pid!).filter((p) => p !== workers[0]).length < 2; i++) await new Promise((r) => setTimeout(r, 250));
    const replaced = workersOf(primary.pid!);
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(workers[0]);
    for (let i = 0; i < 10; i++) expect((await fetch(`${base}/api/claims/${ids[i]}`, { headers })).status).toBe(200);

    primary.kill("SIGTERM");
    expect(await exited(primary)).toBe(0);
    expect(replaced.filter(alive)).toEqual([]);
  }, 240_000);
});
