// Heavy reads off the main thread (issue 10): SQLite calls are synchronous,
// so a search that takes 30 ms holds every other request for 30 ms. The
// search's one MATCH runs in a worker thread instead, on a read-only
// connection of its own (WAL lets it read beside the writer), and the main
// thread goes on serving. A query over its time budget is stopped by ending
// the worker (a read-only connection loses nothing) and answers 503; the
// next query starts a new worker.
import { Worker } from "node:worker_threads";
import { adapterOf, type Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { N_ } from "../i18n/i18n.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { bound, reads } from "./reads.ts";

export interface Query {
  sql: string;
  values: unknown[];
}

/** A read that ran past its budget: the server is not broken, the question was too broad. */
export class ReadTimeout extends AppError {
  constructor() {
    super(503, "timeout", N_("That search took too long and was stopped. Add a word, or filter the list, and try again."));
  }
}

interface Pending {
  resolve: (row: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

class ReadWorker {
  #worker: Worker | null = null;
  /** resolves once the thread has opened its connection (or ended) */
  #ready: Promise<void> = Promise.resolve();
  #pending = new Map<number, Pending>();
  #next = 0;

  constructor(
    private readonly file: string,
    private readonly budgetMs: number,
  ) {}

  #start(): Worker {
    const worker = new Worker(new URL("./read-worker.thread.mjs", import.meta.url), {
      workerData: { file: this.file },
      // plain JavaScript, so not the server's TypeScript loader (12 MB a thread); a query's answer is one short row
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
    });
    worker.unref(); // an idle worker does not keep a command or a test alive
    this.#ready = new Promise((ready) => {
      worker.once("message", () => ready());
      worker.once("exit", () => ready());
    });
    worker.on("message", ({ id, row, error }: { id?: number; row?: unknown; error?: { message: string; code?: string } }) => {
      if (id === undefined) return; // the ready message
      const p = this.#pending.get(id);
      if (!p) return;
      this.#pending.delete(id);
      clearTimeout(p.timer);
      if (error) p.reject(Object.assign(new Error(error.message), { code: error.code }));
      else p.resolve(row);
    });
    worker.on("error", (err) => this.#fail(worker, err));
    worker.on("exit", () => this.#fail(worker, new Error("The read worker stopped.")));
    return worker;
  }

  #fail(worker: Worker, err: Error) {
    if (this.#worker !== worker) return;
    this.#worker = null;
    for (const p of this.#pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.#pending.clear();
  }

  /** The first row of a query, from the worker; rejects with ReadTimeout past the budget (counted from when the worker can run it). */
  get<T>(query: Query): Promise<T | null> {
    return this.#run<T | null>(query, false);
  }

  /** Every row of a query, from the worker, under the same budget. */
  all<T>(query: Query): Promise<T[]> {
    return this.#run<T[]>(query, true);
  }

  async #run<T>(query: Query, all: boolean): Promise<T> {
    const worker = (this.#worker ??= this.#start());
    await this.#ready;
    if (this.#worker !== worker) throw new Error("The read worker stopped.");
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        // the queries queued behind it go down with the worker: each answers as stopped too
        this.#fail(worker, new ReadTimeout());
        void worker.terminate();
        reject(new ReadTimeout());
      }, this.budgetMs);
      this.#pending.set(id, { resolve: resolve as (row: unknown) => void, reject, timer });
      worker.postMessage({ id, sql: query.sql, values: query.values.map(bound), all });
    });
  }

  close() {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) void worker.terminate();
  }
}

const workers = new WeakMap<Db, ReadWorker>();

/** How long a search's query may run before it is stopped. */
export const READ_BUDGET_MS = 3000;

/** The client's read worker, started on first use and ended with the client. */
export function readWorker(db: Db, budgetMs = READ_BUDGET_MS): ReadWorker {
  let w = workers.get(db);
  if (!w) {
    const adapter = adapterOf(db);
    const made = new ReadWorker(adapter.file, budgetMs);
    adapter.onDispose(() => made.close());
    workers.set(db, (w = made));
  }
  return w;
}

/** Rows of a read: a heavy one (a search's, over its matches) in the worker thread; a light one at once, on the read model's connection. */
export const readRows = <T>(db: Db, q: Prisma.Sql, heavy: boolean): Promise<T[]> =>
  heavy ? readWorker(db).all<T>({ sql: q.sql, values: q.values }) : Promise.resolve(reads(db).query<T>(q));
