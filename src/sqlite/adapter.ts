import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { busyReason, faultKind, type FaultKind } from "./faults.ts";
import { WriteLock, retryBusy } from "./write-lock.ts";

// Prisma's better-sqlite3 adapter, arranged for a server that must stay up:
//  - two connections: reads outside transactions go to a read-only one, so
//    in WAL mode they never wait for a writer, ours or another process's;
//  - no busy timeout (it would block the event loop): a locked database is
//    retried asynchronously, then given up as "busy" (503, not a hang);
//  - BEGIN IMMEDIATE, so a transaction gets the write lock up front or not
//    at all, never half-way through;
//  - the writer's turn is released on every path. Prisma's own adapter
//    releases its transaction mutex only after a successful ROLLBACK or
//    COMMIT statement, and SQLite has already rolled back after
//    SQLITE_FULL, so its ROLLBACK failed and every later write waited forever.

/** A write's fault that outlasts it (a busy lock is over once the other writer is done). */
export type StoredFault = Exclude<FaultKind, "busy" | "down">;

export interface WriteHealth {
  /** the last write's fault, cleared by the next write that succeeds */
  fault: { kind: StoredFault; at: Date } | null;
}

const READ = /^\s*(SELECT|WITH)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;
const NAME = "claimtrack-sqlite";

/** Runs a statement and keeps its fault for /healthz; `settles`: its success shows that writes work again. */
type Observe = <T>(work: () => Promise<T>, settles: boolean) => Promise<T>;

class WriteTransaction implements Transaction {
  readonly provider = "sqlite";
  readonly adapterName = NAME;
  readonly options = { usePhantomQuery: false };

  constructor(
    private readonly conn: SqlDriverAdapter,
    private readonly release: () => void,
    private readonly observe: Observe,
  ) {}

  queryRaw(q: SqlQuery) {
    return this.observe(() => this.conn.queryRaw(q), false);
  }

  async executeRaw(q: SqlQuery): Promise<number> {
    const end = END.exec(q.sql)?.[1]!.toUpperCase();
    if (!end) return this.observe(() => this.conn.executeRaw(q), false);
    try {
      return await this.observe(() => this.conn.executeRaw(q), end === "COMMIT");
    } catch (err) {
      // SQLite rolls back by itself after SQLITE_FULL and some I/O errors
      if (end === "ROLLBACK") return 0;
      try {
        await this.conn.executeScript("ROLLBACK"); // the adapter's executeScript throws synchronously
      } catch {
        // already rolled back
      }
      throw err;
    } finally {
      this.release();
    }
  }

  commit() {
    this.release();
    return Promise.resolve();
  }

  rollback() {
    this.release();
    return Promise.resolve();
  }
}

class GuardedAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite";
  readonly adapterName = NAME;
  readonly #lock = new WriteLock();

  constructor(
    private readonly writer: SqlDriverAdapter,
    private readonly reader: SqlDriverAdapter,
    private readonly owner: GuardedSqlite,
  ) {}

  queryRaw(q: SqlQuery) {
    if (READ.test(q.sql)) return retryBusy(() => this.reader.queryRaw(q), this.owner.waitMs, this.owner.busyMessage);
    return this.#write(() => this.writer.queryRaw(q));
  }

  executeRaw(q: SqlQuery) {
    return this.#write(() => this.writer.executeRaw(q));
  }

  executeScript(script: string) {
    return this.#write(() => this.writer.executeScript(script));
  }

  async startTransaction(): Promise<Transaction> {
    const started = Date.now();
    const release = await this.#lock.acquire(this.owner.waitMs, this.owner.busyMessage);
    try {
      const left = Math.max(0, this.owner.waitMs - (Date.now() - started));
      await this.owner.observe(() => retryBusy(() => this.writer.executeScript("BEGIN IMMEDIATE"), left, this.owner.busyMessage), false);
    } catch (err) {
      release();
      throw err;
    }
    return new WriteTransaction(this.writer, release, this.owner.observe);
  }

  /** Whether a write could start now: our writer is mid-write, or the file's write lock is free. */
  async canWrite(): Promise<boolean> {
    if (this.#lock.held) return true;
    try {
      await this.writer.executeScript("BEGIN IMMEDIATE; ROLLBACK");
      return true;
    } catch {
      return false;
    }
  }

  async #write<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const release = await this.#lock.acquire(this.owner.waitMs, this.owner.busyMessage);
    try {
      const left = Math.max(0, this.owner.waitMs - (Date.now() - started));
      return await this.owner.observe(() => retryBusy(work, left, this.owner.busyMessage), true);
    } finally {
      release();
    }
  }

  async dispose() {
    for (const close of this.owner.closers.splice(0)) close();
    await Promise.all([this.writer.dispose(), this.reader.dispose()]);
  }
}

/** The driver adapter factory the app's PrismaClient is built with. */
export class GuardedSqlite implements SqlDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName = NAME;
  readonly health: WriteHealth = { fault: null };
  #adapter: GuardedAdapter | null = null;

  /**
   * @param file the database file
   * @param waitMs how long a write waits for the lock before it is refused as busy
   */
  constructor(
    readonly file: string,
    readonly waitMs: number,
  ) {}

  readonly busyMessage = () => `The database is busy: ${String(busyReason(this.file))}.`;

  readonly observe: Observe = async (work, settles) => {
    try {
      const result = await work();
      if (settles) this.health.fault = null;
      return result;
    } catch (err) {
      const kind = faultKind(err);
      if (kind && kind !== "busy" && kind !== "down") this.health.fault = { kind, at: new Date() };
      throw err;
    }
  };

  async connect(): Promise<SqlDriverAdapter> {
    // the writer first: opening it creates a new file, which a read-only connection cannot
    const writer = await new PrismaBetterSQLite3({ url: this.file, timeout: 0 }).connect();
    const reader = await new PrismaBetterSQLite3({ url: this.file, timeout: 0, readonly: true }).connect();
    this.#adapter = new GuardedAdapter(writer, reader, this);
    return this.#adapter;
  }

  /** connections of the read model (src/sqlite/reads.ts), closed with the client's */
  readonly closers: (() => void)[] = [];
  onDispose(close: () => void) {
    this.closers.push(close);
  }

  canWrite(): Promise<boolean> {
    return this.#adapter ? this.#adapter.canWrite() : Promise.resolve(true);
  }
}
