import type { ChildProcess } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser, issueToken } from "../src/users/users.service.ts";
import { exited, freePort, killAll, startServer } from "./helpers/server.ts";

// The server as operators run it, in a child process: killed without
// warning mid-write, it must come back with every acknowledged write.

const dir = inject("tmpDir");
const file = path.join(dir, `crash-${randomUUID()}.db`);
const url = `file:${file}`;
const children: ChildProcess[] = [];

afterAll(() => killAll(children));

describe("crash safety", () => {
  it("after SIGKILL mid-writes, a restart finds every acknowledged write, a clean integrity_check and a chain that verifies; SIGTERM stops cleanly", async () => {
    copyFileSync(path.join(dir, "template.db"), file);
    const setup = await openDatabase(url);
    await createUser(setup, SYSTEM, { email: "crash@example.org", role: "editor", password: "correct horse battery staple" });
    const token = await issueToken(setup, SYSTEM, "crash@example.org");
    await setup.$disconnect();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const headers = { Authorization: `Bearer ${token}`, "content-type": "application/json" };
    const first = await startServer(url, port, children);

    // Four writers in parallel; the kill lands while requests are in flight.
    const acknowledged: number[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; i < 200 && !killed; i++) {
        const res = await fetch(`${base}/api/claims`, { method: "POST", headers, body: JSON.stringify({ statement: `Crash write ${w}-${i}` }) }).catch(
          () => null,
        );
        if (res?.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
        else if (!killed) throw new Error(`write answered ${res?.status ?? "nothing"}: ${await res?.text()}`);
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          first.kill("SIGKILL");
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect(killed).toBe(true);
    await exited(first);

    const second = await startServer(url, port, children);
    for (const id of acknowledged) {
      const res = await fetch(`${base}/api/claims/${id}`, { headers });
      expect(res.status, `claim ${id}`).toBe(200);
    }
    const chain = (await (await fetch(`${base}/api/audit/verify`, { headers })).json()) as { ok: boolean };
    expect(chain.ok).toBe(true);

    second.kill("SIGTERM");
    expect(await exited(second)).toBe(0);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      raw.close();
    }
  }, 240_000);
});
