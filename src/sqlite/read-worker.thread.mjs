// The read worker's thread: one read-only connection to the database file,
// running the queries the main thread sends (src/sqlite/read-worker.ts).
// Plain JavaScript: the thread is started without the TypeScript loader the server runs under.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
const statements = new Map();
// the main thread starts a query's clock once the connection is open, not while the thread loads
parentPort.postMessage({ ready: true });

parentPort.on("message", ({ id, sql, values, all }) => {
  try {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    parentPort.postMessage({ id, row: all ? s.all(...values) : (s.get(...values) ?? null) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: err?.message ?? String(err), code: err?.code } });
  }
});
