import { PrismaPg } from "@prisma/adapter-pg";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type pg from "pg";

// Prisma's pg adapter, with every transaction in turn across all the app
// servers on the database: each starts by taking one transaction-scoped
// advisory lock, as SQLite's BEGIN IMMEDIATE takes its file's write lock.
// The audit chain reads its head and appends inside a transaction, so two
// servers never append after the same event; a claim's version check and
// the status counts' row are never raced either. A transaction that cannot
// have the lock within the wait is refused (lock_timeout: 55P03, a 503).

/** The advisory lock's key: "claimtrack" as a number, the same for every server. */
export const WRITE_LOCK = 0x636c61696d;

export interface PgWriteHealth {
  /** the last write's failure, cleared by the next write that succeeds */
  fault: { code: string; at: Date } | null;
}

export class SerialPg implements SqlDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "claimtrack-pg";
  readonly health: PgWriteHealth = { fault: null };
  readonly #inner: PrismaPg;

  constructor(
    pool: pg.Pool,
    private readonly waitMs: number,
  ) {
    this.#inner = new PrismaPg(pool);
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    const { waitMs, health } = this;
    return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
      async startTransaction(isolation?: IsolationLevel): Promise<Transaction> {
        const tx = await adapter.startTransaction(isolation);
        try {
          await tx.executeRaw({ sql: `SET LOCAL lock_timeout = ${Math.max(1, Math.round(waitMs))}`, args: [], argTypes: [] });
          await tx.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${WRITE_LOCK})`, args: [], argTypes: [] });
        } catch (err) {
          await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
          await tx.rollback();
          throw err;
        }
        return watched(tx, health);
      },
    });
  }
}

/** A transaction whose COMMIT's outcome is kept for /healthz. */
function watched(tx: Transaction, health: PgWriteHealth): Transaction {
  return Object.assign(Object.create(tx) as Transaction, {
    async executeRaw(q: Parameters<Transaction["executeRaw"]>[0]) {
      try {
        const n = await tx.executeRaw(q);
        if (/^\s*COMMIT\b/i.test(q.sql)) health.fault = null;
        return n;
      } catch (err) {
        const code = (err as { cause?: { originalCode?: string } }).cause?.originalCode;
        if (code && /^(53|58|XX|25006)/.test(code)) health.fault = { code, at: new Date() };
        throw err;
      }
    },
  });
}
