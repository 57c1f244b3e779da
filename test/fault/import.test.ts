import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "../helpers/app.ts";

// npm run import in a second process, as an operator runs it: while it holds
// the write lock the desk reads and is told why it cannot write; killed
// mid-write, it leaves nothing behind.

const ROOT = path.resolve(import.meta.dirname, "../..");
let t: TestApp;
let api: ReturnType<typeof bearer>;
const children: ChildProcess[] = [];

/** An export-shaped file of n claims, each citing two of 50 sources and naming one of 20 entities. */
function ledgerFile(n: number): string {
  const sources = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, title: `Source ${i}`, url: `https://example.org/${i}` }));
  const entities = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `Person ${i}`, kind: "person", aliases: [`P${i}`] }));
  const claims = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    statement: `Imported claim ${i} about the board.`,
    status: i % 3 ? "rumored" : "confirmed",
    resolutionNote: i % 3 ? "" : "Confirmed by the company.",
    confidence: 60,
    entityIds: [(i % 20) + 1],
    evidence: [
      { sourceId: (i % 50) + 1, stance: "supports", quote: `Quote ${i}` },
      { sourceId: ((i + 7) % 50) + 1, stance: "mentions" },
    ],
  }));
  const file = path.join(path.dirname(t.file), `import-${path.basename(t.file)}.json`);
  writeFileSync(file, JSON.stringify({ format: "claimtrack-export", version: 1, claims, sources, entities }).replace(/\},\{"id"/g, '},\n{"id"'));
  return file;
}

/** npm run import's command, started in the background; resolves once it prints its first progress of writing. */
async function startImport(file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/transfer/import.cli.ts", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${t.file}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  for (let i = 0; i < 2400 && !/Importing records: [1-9]/.test(stderr); i++) {
    if (child.exitCode !== null) throw new Error(`the import ended early: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, stderr: () => stderr };
}

const counts = async () => ({ claims: await t.db.claim.count(), evidence: await t.db.evidence.count(), events: await t.db.auditEvent.count() });

beforeAll(async () => {
  t = await testApp();
  api = bearer(t.app, await t.token("editor"));
});

const stopImports = async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    c.kill("SIGKILL");
    await once(c, "exit");
  }
};

afterEach(stopImports);

afterAll(async () => {
  await stopImports();
  await t.close();
});

describe("npm run import beside the server", () => {
  it("while it writes, reads answer and a write gets 503 'an import is running'; afterwards everything is there and writes work", async () => {
    const before = await counts();
    // large enough that it is still writing when the requests come, even on a fast machine
    const { child } = await startImport(ledgerFile(10_000));
    const res = await api.post("/api/claims", { statement: "Written during the import", status: "rumored" }).timeout(5000);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/an import is running/);
    expect(res.headers["retry-after"]).toBe("30");
    await api.get("/api/claims?limit=5").timeout(2500).expect(200);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    const after = await counts();
    expect(after.claims - before.claims).toBe(10_000);
    expect(after.evidence - before.evidence).toBe(20_000);
    // claim.create and two evidence.add a claim, claim.resolve for a third of them, one import.run
    expect(after.events - before.events).toBe(10_000 * 3 + 3334 + 70 + 1);
    await api.post("/api/claims", { statement: "Written after the import", status: "rumored" }).timeout(5000).expect(201);
    const verify = await api.get("/api/audit/verify").expect(200);
    expect(verify.body.ok).toBe(true);
  }, 240_000);

  it("killed with SIGKILL mid-write, it leaves nothing behind: same counts, a clean integrity check, and writes work again", async () => {
    const before = await counts();
    // large enough that it is still writing when the kill comes
    const { child } = await startImport(ledgerFile(20_000));
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(child.signalCode).toBe("SIGKILL");
    expect(await counts()).toEqual(before);
    const raw = new Database(t.file, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    const res = await api.post("/api/claims", { statement: "Written after the kill", status: "rumored" }).timeout(5000).expect(201);
    expect(res.body.statement).toBe("Written after the kill");
  }, 240_000);
});
