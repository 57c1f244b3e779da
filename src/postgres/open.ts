import { PrismaClient } from "../generated/postgres/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { READ_BUDGET_MS, type Engine } from "../engine.ts";
import type { Db } from "../db.ts";
import { ReadTimeout } from "../errors.ts";
import { SerialPg } from "./adapter.ts";
import { postgresHealth } from "./health.ts";
import { pool, poolReads, rows } from "./pools.ts";
import { postgresSearch } from "./search.sql.ts";

export { postgresMigrations } from "./migrate.ts";

/** SQLSTATE query_canceled: statement_timeout stopped a heavy read. */
const CANCELED = "57014";

/**
 * A client on Prisma's pg adapter (every transaction in turn, adapter.ts)
 * and its engine: the read model's pool, and a pool for heavy reads whose
 * statement_timeout is their budget. The models are the SQLite schema's,
 * generated for PostgreSQL from the same file, so the client is typed as one.
 */
export async function openPostgres(databaseUrl: string, writeWaitMs: number): Promise<{ db: Db; engine: Engine }> {
  const writes = pool(databaseUrl, { max: 10 });
  const adapter = new SerialPg(writes, writeWaitMs);
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: writeWaitMs + 2000, timeout: 60_000 } });
  const db = client as unknown as Db;
  const reads = pool(databaseUrl, { max: 10 });
  const heavy = pool(databaseUrl, { max: 4, statement_timeout: READ_BUDGET_MS });
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    await Promise.all([writes.end(), reads.end(), heavy.end()].map((p) => p.catch(() => {})));
  };
  const engine: Engine = {
    name: "postgresql",
    reads: poolReads(reads),
    heavy: <T>(q: Prisma.Sql) =>
      rows<T>(heavy, q.sql, q.values).catch((err: unknown) => {
        throw (err as { code?: string }).code === CANCELED ? new ReadTimeout() : err;
      }),
    search: postgresSearch,
    health: () => postgresHealth(reads, adapter.health),
  };
  await db.$queryRaw`SELECT 1`;
  return { db, engine };
}
