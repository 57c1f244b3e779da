import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaClient } from "./generated/prisma/client.ts";
import { GuardedSqlite } from "./sqlite/adapter.ts";

export type Db = PrismaClient;
/** The client handed to service code inside a transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const adapters = new WeakMap<Db, GuardedSqlite>();

/** The adapter under a client: its write health and lock probe, for /healthz. */
export const adapterOf = (db: Db) => adapters.get(db)!;

/** Whether db is the process's client, not a transaction's: a transaction reads through Prisma, to see its own writes. */
export const isClient = (db: DbOrTx): db is Db => adapters.has(db as Db);

export interface OpenOptions {
  /** how long a write waits for another process's write lock before it is refused as busy (503) */
  writeWaitMs?: number;
}

/** The operator commands: nobody is waiting on a page, so a write waits out a server's short transactions. */
export const COMMAND: OpenOptions = { writeWaitMs: 10_000 };

/**
 * The one PrismaClient of a process, on our guarded better-sqlite3 adapter
 * (src/sqlite/adapter.ts). A server's writes wait 1.5 s for another
 * process's lock, then answer 503; the operator commands wait longer.
 */
export async function openDatabase(databaseUrl: string, { writeWaitMs = 1500 }: OpenOptions = {}): Promise<Db> {
  const adapter = new GuardedSqlite(databaseUrl.replace(/^file:/, ""), writeWaitMs);
  // Prisma's own wait for a transaction to start is kept longer than ours, so the one that answers is ours (a clear "busy")
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: writeWaitMs + 2000, timeout: 60_000 } });
  adapters.set(prisma, adapter);
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(root, "prisma/migrations");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** Applies the committed migrations (prisma migrate deploy) to the database at databaseUrl. */
export async function migrate(databaseUrl: string): Promise<void> {
  await run(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: absoluteUrl(databaseUrl) },
  });
}

/** Whether committed migrations are missing from the database (all are, in a new file). */
async function needsMigration(db: Db): Promise<boolean> {
  const [table] = await db.$queryRaw<unknown[]>`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`;
  if (!table) return true;
  const rows = await db.$queryRaw<
    { name: string }[]
  >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.name));
  return readdirSync(MIGRATIONS, { withFileTypes: true }).some((d) => d.isDirectory() && !applied.has(d.name));
}

/**
 * The database, migrated first when a migration is pending. migrate deploy
 * fails with SQLITE_BUSY while another process (the server) holds the file,
 * so the CLIs must not run it on a database that is up to date.
 */
export async function openMigrated(databaseUrl: string, options?: OpenOptions): Promise<Db> {
  const db = await openDatabase(databaseUrl, options);
  if (!(await needsMigration(db))) return db;
  await db.$disconnect();
  await migrate(databaseUrl);
  return openDatabase(databaseUrl, options);
}

/** A file: URL made absolute against the current directory, so a child with another cwd opens the same file. */
function absoluteUrl(databaseUrl: string): string {
  return "file:" + path.resolve(databaseUrl.replace(/^file:/, ""));
}

export type DbOrTx = Db | Tx;

/**
 * Runs work in a transaction, or inside the caller's when given one: a
 * service called by the seed or an import joins their single transaction,
 * so a batch is all or nothing.
 */
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>, { timeout = 60_000 }: { timeout?: number } = {}): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, { timeout }) : work(db);
}
