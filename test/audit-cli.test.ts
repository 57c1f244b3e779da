import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { behindTheGuards } from "./helpers/guards.ts";

// npm run audit:verify as an operator or cron runs it: a child process on
// the database file this process holds open, as a running server would.

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

let t: TestApp;
let api: ReturnType<typeof bearer>;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function verify(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ["src/audit/audit.cli.ts", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url, SESSION_SECRET: "s".repeat(40) }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const claims = async (n: number) => {
  for (let i = 0; i < n; i++) await api.post("/api/claims", { statement: `Claim ${i} on the chain.` }).expect(201);
};
const head = async () => (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).hash;

/** Deletes events with the guards off, as someone owning the database could. */
const remove = (where: string) => behindTheGuards(t.db, `DELETE FROM "AuditEvent" WHERE ${where}`);

beforeEach(async () => {
  t = await testApp();
  api = bearer(t.app, await t.token("editor"));
  await claims(2);
});
afterEach(() => t.close());

describe("npm run audit:verify -- --since-head", () => {
  it("with a noted head still in the chain exits 0, reports how many events follow it, and --head-only prints the head alone", async () => {
    const noted = await head();
    await claims(3);
    const res = await verify("--since-head", noted.toUpperCase());
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: true, head: await head(), sinceHead: noted, eventsAfterHead: 3 });
    expect(res.stderr).toMatch(/The noted head is event #\d+; 3 events follow it/);
    const only = await verify("--since-head", noted, "--head-only");
    expect(only).toMatchObject({ code: 0, stdout: `${await head()}\n` });
  });

  it("after the newest events were deleted back past the noted head exits 1, though the shortened chain verifies", async () => {
    const noted = await head();
    await claims(2);
    const { id } = await t.db.auditEvent.findUniqueOrThrow({ where: { hash: noted } });
    await remove(`id >= ${id}`);
    const plain = await verify();
    expect(JSON.parse(plain.stdout), "without --since-head").toMatchObject({ ok: true });
    const res = await verify("--since-head", noted);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: true, sinceHead: noted, eventsAfterHead: null });
    expect(res.stderr).toContain(`No event has the noted head ${noted}`);
    expect(await verify("--since-head", noted, "--head-only")).toMatchObject({ code: 1, stdout: "" });
  });

  it("when an event after the noted head is missing exits 1 at the break", async () => {
    const noted = await head();
    await claims(2);
    const { id } = await t.db.auditEvent.findUniqueOrThrow({ where: { hash: noted } });
    await remove(`id = ${id + 1}`);
    const res = await verify("--since-head", noted);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, firstBadEvent: id + 2 });
    expect(res.stderr).toContain(`The audit chain is broken at event #${id + 2}.`);
  });

  it("with a hash no event has exits 1; with one that is not a hash exits 2 with the usage", async () => {
    const unknown = randomBytes(32).toString("hex");
    const res = await verify("--since-head", unknown);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`No event has the noted head ${unknown}`);
    for (const args of [["--since-head", "abc"], ["--since-head"], ["--frobnicate"]]) {
      const bad = await verify(...args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toContain("Usage: npm run audit:verify");
    }
  });
});
