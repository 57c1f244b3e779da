import { execFile } from "node:child_process";
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
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** Applies the committed migrations (prisma migrate deploy) to the database at databaseUrl. */
export async function migrate(databaseUrl: string): Promise<void> {
  await run(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, DATABASE_URL: absoluteUrl(databaseUrl) },
  });
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
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, { maxWait: 10_000, timeout: 60_000 }) : work(db);
}
