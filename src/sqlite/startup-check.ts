import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// What npm start checks before it migrates, seeds and serves: a file that
// is not a sound Claimtrack database is refused with words an operator can
// act on, never silently replaced (a zero-byte file used to be re-seeded as
// if new) and never answered with a stack trace.

/** A start refused for a reason the operator can fix; the message says how. */
export class StartupRefusal extends Error {}

const RESTORE = "Restore the latest backup (README: Backups and restores), or move the file aside to start an empty ledger.";

function writable(target: string, what: string): void {
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new StartupRefusal(
      `Cannot write ${what} ${target}: it is read-only for this user. Claimtrack needs to write its database there; fix the permissions or set DATABASE_URL to a writable place.`,
    );
  }
}

/** Refuses a database file that is empty, damaged or not writable; a missing file is fine (a new ledger). */
export function checkDatabaseFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(file)) return writable(dir, "the folder");
  if (statSync(file).size === 0) {
    throw new StartupRefusal(`${file} is empty (0 bytes), so it is not a Claimtrack database and has lost whatever it held. ${RESTORE}`);
  }
  writable(dir, "the folder");
  writable(file, "the database file");
  let result: unknown;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      result = db.pragma("quick_check", { simple: true });
    } finally {
      db.close();
    }
  } catch (err) {
    throw new StartupRefusal(`${file} is not a readable SQLite database (${(err as Error).message}). ${RESTORE}`);
  }
  if (result !== "ok") throw new StartupRefusal(`${file} is damaged: SQLite's quick_check reports "${String(result)}". ${RESTORE}`);
}
