import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
/** The client handed to service code inside a transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The one PrismaClient of a process, on the better-sqlite3 driver adapter. */
export async function openDatabase(databaseUrl: string): Promise<Db> {
  // timeout is SQLite's busy timeout: a second process (a backup, the users
  // CLI) waits for the lock instead of failing at once.
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 }) });
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
  const rows = await db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.name));
  return readdirSync(MIGRATIONS, { withFileTypes: true }).some((d) => d.isDirectory() && !applied.has(d.name));
}

/**
 * The database, migrated first when a migration is pending. migrate deploy
 * fails with SQLITE_BUSY while another process (the server) holds the file,
 * so the CLIs must not run it on a database that is up to date.
 */
export async function openMigrated(databaseUrl: string): Promise<Db> {
  const db = await openDatabase(databaseUrl);
  if (!(await needsMigration(db))) return db;
  await db.$disconnect();
  await migrate(databaseUrl);
  return openDatabase(databaseUrl);
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
  return "$transaction" in db ? db.$transaction(work, { maxWait: 10_000, timeout }) : work(db);
}
