import { DatabaseFault, isBusy } from "./faults.ts";

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The process's one writer: transactions and single writes on the write
 * connection take turns here, asynchronously, so a request waiting to write
 * never blocks the event loop (and the reads behind it). A wait longer than
 * the deadline fails as busy instead of queueing forever.
 */
export class WriteLock {
  #held = false;
  #queue: Array<() => void> = [];

  get held(): boolean {
    return this.#held;
  }

  /** Resolves with a release function (safe to call twice), or rejects after `waitMs`. */
  acquire(waitMs: number, busyMessage: () => string): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#next();
        });
      };
      const timer = setTimeout(() => {
        const i = this.#queue.indexOf(grant);
        if (i < 0) return;
        this.#queue.splice(i, 1);
        reject(new DatabaseFault("busy", busyMessage()));
      }, waitMs);
      if (this.#held) this.#queue.push(grant);
      else grant();
    });
  }

  #next(): void {
    const grant = this.#queue.shift();
    if (grant) grant();
    else this.#held = false;
  }
}

/**
 * Runs work that may meet SQLite's write lock held by another process (an
 * import, a backup, the users command). The connections have no busy
 * timeout, so SQLITE_BUSY comes back at once and is retried here after a
 * short sleep, leaving the event loop free; past the budget it becomes a
 * DatabaseFault("busy"), which the error handler answers with 503.
 */
export async function retryBusy<T>(work: () => Promise<T>, budgetMs: number, busyMessage: () => string): Promise<T> {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (Date.now() - start >= budgetMs) throw new DatabaseFault("busy", busyMessage());
      await sleep(Math.min(50, 2 ** attempt));
    }
  }
}
