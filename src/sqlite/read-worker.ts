// Heavy reads off the main thread (issue 10): SQLite calls are synchronous,
// so a search that takes 30 ms holds every other request for 30 ms. The
// search's one MATCH runs in a worker thread instead, on a read-only
// connection of its own (WAL lets it read beside the writer), and the main
// thread goes on serving. A query over its time budget is stopped by ending
// the worker (a read-only connection loses nothing) and answers 503; the
// next query starts a new worker.
import { Worker } from "node:worker_threads";
import { READ_BUDGET_MS } from "../engine.ts";
import { ReadTimeout } from "../errors.ts";
import { bound } from "./reads.ts";

export interface Query {
  sql: string;
  values: unknown[];
}

interface Pending {
  resolve: (row: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class ReadWorker {
  #worker: Worker | null = null;
  /** resolves once the thread has opened its connection (or ended) */
  #ready: Promise<void> = Promise.resolve();
  #pending = new Map<number, Pending>();
  #next = 0;

  constructor(
    private readonly file: string,
    private readonly budgetMs = READ_BUDGET_MS,
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
