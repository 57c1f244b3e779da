import Database from "better-sqlite3";
import { noteWriter } from "../../src/sqlite/writer-note.ts";

// A second process holding SQLite's write lock, as a long import does:
// node --import tsx hold-lock.ts FILE [--note]; prints "locked", then holds
// the lock until its stdin closes.
const [file, note] = process.argv.slice(2);
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
db.prepare("UPDATE ClaimStatusCount SET n = n WHERE status = 'none'").run();
if (note === "--note") noteWriter(file!, "an import");
console.log("locked");
process.stdin.resume();
process.stdin.on("end", () => {
  db.exec("ROLLBACK");
  db.close();
  process.exit(0);
});
