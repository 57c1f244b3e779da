import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import type { Engine, Reads, SearchSql } from "./engine.ts";
import { openSqlite, sqliteMigrations } from "./sqlite/open.ts";
import { sqliteSearch } from "./sqlite/search.sql.ts";
import { openPostgres, postgresMigrations } from "./postgres/open.ts";
import { postgresSearch } from "./postgres/search.sql.ts";

export type Db = PrismaClient;
/** The client handed to service code inside a transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The engine a DATABASE_URL names: a file: URL is SQLite's, a postgres(ql):// URL PostgreSQL's. */
export const engineName = (databaseUrl: string): Engine["name"] => (/^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite");

const engines = new WeakMap<Db, Engine>();

/** The engine under a client: its read model, search SQL and health. */
export const engineOf = (db: Db) => engines.get(db)!;

/** Whether db is the process's client, not a transaction's: a transaction reads through Prisma, to see its own writes. */
export const isClient = (db: DbOrTx): db is Db => engines.has(db as Db);

/** The client's read model (src/engine.ts). */
export const reads = (db: Db): Reads => engineOf(db).reads;

const SEARCH: Record<Engine["name"], SearchSql> = { sqlite: sqliteSearch, postgresql: postgresSearch };

/** The engine of a client or of a transaction's client (Prisma names the provider of either). */
const providerOf = (db: DbOrTx) => (db as unknown as { _activeProvider: Engine["name"] })._activeProvider;

/** The search SQL of a client's engine, or of a transaction's. */
export const searchSql = (db: DbOrTx): SearchSql => SEARCH[providerOf(db)];

/**
 * A Prisma filter for text holding `text`, ignoring case: SQLite's LIKE
 * ignores the case of ASCII letters by itself; PostgreSQL's needs Prisma's
 * insensitive mode (ILIKE), which Prisma refuses on SQLite.
 */
export const containing = (db: DbOrTx, text: string) =>
  (providerOf(db) === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };

/** Rows of a query on the read model, or through the transaction's own connection inside one. */
export const readQuery = <T>(db: DbOrTx, q: Prisma.Sql): Promise<T[]> => (isClient(db) ? reads(db).query<T>(q) : db.$queryRaw<T[]>(q));

export interface OpenOptions {
  /** how long a write waits for another writer (a process's lock, another server's transaction) before it is refused as busy (503) */
  writeWaitMs?: number;
}

/** The operator commands: nobody is waiting on a page, so a write waits out a server's short transactions. */
export const COMMAND: OpenOptions = { writeWaitMs: 10_000 };

/**
 * The one PrismaClient of a process, on the engine DATABASE_URL names. A
 * server's writes wait 1.5 s for another writer, then answer 503; the
 * operator commands wait longer.
 */
export async function openDatabase(databaseUrl: string, { writeWaitMs = 1500 }: OpenOptions = {}): Promise<Db> {
  const opened = engineName(databaseUrl) === "postgresql" ? await openPostgres(databaseUrl, writeWaitMs) : await openSqlite(databaseUrl, writeWaitMs);
  engines.set(opened.db, opened.engine);
  return opened.db;
}

/** The committed migrations of an engine: which are missing from a database, and how to apply them. */
export interface Migrations {
  /** creates the database when its server has none of that name (a SQLite file is created on opening) */
  create?(databaseUrl: string): Promise<void>;
  pending(db: Db): Promise<boolean>;
  apply(databaseUrl: string): Promise<void>;
}

const migrations = (databaseUrl: string): Migrations => (engineName(databaseUrl) === "postgresql" ? postgresMigrations : sqliteMigrations);

/** Applies the committed migrations of its engine to the database at databaseUrl. */
export const migrate = (databaseUrl: string): Promise<void> => migrations(databaseUrl).apply(databaseUrl);

/**
 * The database, migrated first when a migration is pending. On SQLite,
 * migrate deploy fails with SQLITE_BUSY while another process (the server)
 * holds the file, so the CLIs must not run it on a database that is up to date.
 */
export async function openMigrated(databaseUrl: string, options?: OpenOptions): Promise<Db> {
  await migrations(databaseUrl).create?.(databaseUrl);
  const db = await openDatabase(databaseUrl, options);
  if (!(await migrations(databaseUrl).pending(db))) return db;
  await db.$disconnect();
  await migrate(databaseUrl);
  return openDatabase(databaseUrl, options);
}

/**
 * Runs work in a transaction, or inside the caller's when given one: a
 * service called by the seed or an import joins their single transaction,
 * so a batch is all or nothing.
 */
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>, { timeout = 60_000 }: { timeout?: number } = {}): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, { timeout }) : work(db);
}
