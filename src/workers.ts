// Several server processes on one machine (WORKERS=n): node:cluster shares
// the listening port between them, so pages are served on every core while
// SQLite's WAL lets each process read without waiting for another's write;
// writes still go one at a time (BEGIN IMMEDIATE, retried while another
// process holds the lock). The primary runs the start-up work and the
// background jobs once, and replaces a worker that dies.
import cluster, { type Worker } from "node:cluster";

const RESPAWN_MS = 1000;

export interface Workers {
  /** resolves once every worker is listening */
  ready: Promise<void>;
  /** SIGTERM to every worker, then waits for them to finish their requests and exit */
  stop(): Promise<void>;
}

export function startWorkers(count: number): Workers {
  let stopping = false;
  const live = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once("exit", (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      console.error(`Worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another.`);
      setTimeout(fork, RESPAWN_MS).unref();
    });
    return worker;
  };
  const first = Array.from({ length: count }, fork);
  const ready = Promise.all(first.map((w) => new Promise((listening) => w.once("listening", listening)))).then(() => undefined);
  return {
    ready,
    async stop() {
      stopping = true;
      const exits = [...live].map((w) => new Promise((done) => w.once("exit", done)));
      for (const w of live) w.process.kill("SIGTERM");
      await Promise.all(exits);
    },
  };
}
