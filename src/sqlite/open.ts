import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Engine } from "../engine.ts";
import type { Db, Migrations } from "../db.ts";
import { GuardedSqlite } from "./adapter.ts";
import { sqliteHealth } from "./health.ts";
import { openReads } from "./reads.ts";
import { ReadWorker } from "./read-worker.ts";
import { sqliteSearch } from "./search.sql.ts";

/**
 * A client on our guarded better-sqlite3 adapter (adapter.ts), and its
 * engine: the read model's read-only connection, the read worker for
 * searches, and the file's health. Both connections close with the client.
 */
export async function openSqlite(databaseUrl: string, writeWaitMs: number): Promise<{ db: Db; engine: Engine }> {
  const file = databaseUrl.replace(/^file:/, "");
  const adapter = new GuardedSqlite(file, writeWaitMs);
  // Prisma's own wait for a transaction to start is kept longer than ours, so the one that answers is ours (a clear "busy")
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: writeWaitMs + 2000, timeout: 60_000 } });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  const reads = openReads(file);
  const worker = new ReadWorker(file);
  adapter.onDispose(() => {
    reads.close();
    worker.close();
  });
  const engine: Engine = {
    name: "sqlite",
    reads,
    heavy: (q) => worker.all({ sql: q.sql, values: q.values }),
    search: sqliteSearch,
    health: (minFreeMB) => sqliteHealth(adapter, minFreeMB),
  };
  return { db, engine };
}

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(root, "prisma/migrations");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** A file: URL made absolute against the current directory, so a child with another cwd opens the same file. */
const absoluteUrl = (databaseUrl: string) => "file:" + path.resolve(databaseUrl.replace(/^file:/, ""));

export const sqliteMigrations: Migrations = {
  async pending(db) {
    const [table] = await db.$queryRaw<unknown[]>`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`;
    if (!table) return true;
    const rows = await db.$queryRaw<
      { name: string }[]
    >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.name));
    return readdirSync(MIGRATIONS, { withFileTypes: true }).some((d) => d.isDirectory() && !applied.has(d.name));
  },
  /** prisma migrate deploy, on the WebAssembly schema engine through the adapter (prisma.config.ts) */
  async apply(databaseUrl) {
    await run(process.execPath, [prismaCli, "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: absoluteUrl(databaseUrl) } });
  },
};
