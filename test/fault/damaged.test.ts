import { execFile } from "node:child_process";
import { copyFileSync, closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import request from "supertest";
import { describe, expect, inject, it } from "vitest";
import { seedIfEmpty } from "../../seed/seed.ts";
import { bearer, testApp } from "../helpers/app.ts";
import { smallDisk } from "./tmpfs.ts";

// A damaged database: the export must not look complete, and npm start
// must refuse it with words instead of serving it or re-seeding over it.

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = inject("tmpDir");

/** Overwrites the Claim table's root page with garbage, the rest of the file intact (sessions, users and tokens still read). */
function damageClaims(file: string) {
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'Claim'").get() as { rootpage: number };
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}

/** What a client gets: the status and body, or the error of a response cut short. */
const outcome = (req: request.Test) =>
  req.then(
    (r) => ({ status: r.status, text: r.text }),
    (err: Error) => ({ cut: err.message }),
  );

const start = (url: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/server.ts"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1" }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, output: stdout + stderr }),
    );
  });

describe("a damaged database", () => {
  it("an export that fails midway is cut off, never a complete-looking 200; the next request still answers", async () => {
    const seeded = await testApp();
    await seedIfEmpty(seeded.db);
    const token = await seeded.token("viewer");
    await seeded.db.$disconnect();
    damageClaims(seeded.file);

    const t = await testApp({ file: seeded.file });
    try {
      for (const url of ["/export/claims.json", "/export/claims.csv"]) {
        const got = await outcome(bearer(t.app, token).get(url).timeout(5000));
        if ("status" in got) {
          // failed before the first byte: an error, not a file
          expect(got.status, url).toBe(503);
          expect(got.text).toContain("damaged");
        } else expect(got.cut, url).toMatch(/aborted|socket hang up|ECONNRESET/);
      }
      await request(t.app).get("/healthz").timeout(5000);
      await bearer(t.app, token).get("/api/sources").timeout(5000).expect(200);
    } finally {
      await t.close();
    }
  });

  it("npm start refuses a zero-byte file and a damaged file, naming the file and the way out, and seeds neither", async () => {
    const empty = path.join(dir, `empty-${randomUUID()}.db`);
    writeFileSync(empty, "");
    const zero = await start(`file:${empty}`);
    expect(zero.code).toBe(1);
    expect(zero.output).toContain(`${empty} is empty (0 bytes)`);
    expect(zero.output).toContain("Restore the latest backup");
    expect(zero.output).not.toContain("Seeded");

    const broken = path.join(dir, `broken-${randomUUID()}.db`);
    copyFileSync(path.join(dir, "template.db"), broken);
    const fd = openSync(broken, "r+");
    writeSync(fd, Buffer.from("not a database header!"), 0, 22, 0);
    closeSync(fd);
    const header = await start(`file:${broken}`);
    expect(header.code).toBe(1);
    expect(header.output).toContain(`${broken} is not a readable SQLite database`);
    expect(header.output).not.toMatch(/\n\s+at /); // no stack trace
  });

  const disk = smallDisk(1024);
  it.skipIf(!disk)("npm start on a read-only folder says it cannot write there, without a stack trace", async () => {
    const { execFileSync } = await import("node:child_process");
    execFileSync("mount", ["-o", "remount,ro", disk!.dir]);
    try {
      const res = await start(`file:${path.join(disk!.dir, "claims.db")}`);
      expect(res.code).toBe(1);
      expect(res.output).toMatch(/read-only|cannot write/);
      expect(res.output).not.toMatch(/\n\s+at /);
    } finally {
      disk!.unmount();
    }
  });
});
