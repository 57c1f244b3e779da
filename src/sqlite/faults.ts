import { msg, N_, type Message, type Translatable } from "../i18n/i18n.ts";
import { runningWriter } from "./writer-note.ts";

// The codes of a database that cannot take a write right now: SQLite's result
// codes, and PostgreSQL's SQLSTATEs and connection errors.
// They reach the app as better-sqlite3's SqliteError, as Prisma's driver
// adapter error (originalCode) or as a Prisma request error (code), so every
// shape is read here, once.

export type FaultKind = "busy" | "full" | "readonly" | "io" | "corrupt" | "down";

const KINDS: [RegExp, FaultKind][] = [
  [/^SQLITE_BUSY/, "busy"],
  [/^SQLITE_LOCKED/, "busy"],
  // Prisma's own words for a lock wait: a socket timeout, or no transaction start within maxWait
  [/^P(1008|2028)$/, "busy"],
  [/^SQLITE_FULL$/, "full"],
  [/^SQLITE_READONLY/, "readonly"],
  [/^SQLITE_(IOERR|CANTOPEN)/, "io"],
  [/^SQLITE_(CORRUPT|NOTADB)/, "corrupt"],
  // PostgreSQL's SQLSTATEs: a lock not had within lock_timeout (another server's write), a deadlock or serialisation failure
  [/^(55P03|40001|40P01)$/, "busy"],
  [/^53100$/, "full"],
  [/^25006$/, "readonly"],
  // the server is down, restarting or unreachable: Prisma's words for it, node's and PostgreSQL's
  [/^(P1001|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[123]|08\w{3})$/, "down"],
];

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  if (typeof e?.cause?.originalCode === "string") return e.cause.originalCode;
  return typeof e?.code === "string" ? e.code : undefined;
}

export function faultKind(err: unknown): FaultKind | null {
  const code = codeOf(err);
  return code ? (KINDS.find(([re]) => re.test(code))?.[1] ?? null) : null;
}

export const isBusy = (err: unknown) => faultKind(err) === "busy";

/**
 * For bookkeeping writes a read makes on the side (a token's last use, a
 * session's expiry): when the database cannot take them now (an import
 * holds the lock, the disk is full) they are skipped, and the read goes on.
 */
export function skipIfFault(err: unknown): void {
  if (!faultKind(err)) throw err;
}

/**
 * Thrown by the adapter when a write gave up: the code is SQLite's, so it
 * survives Prisma's wrapping (Prisma copies an adapter error's code).
 */
export class DatabaseFault extends Error {
  readonly code: string;
  constructor(kind: FaultKind, message: string) {
    super(message);
    this.code = { busy: "SQLITE_BUSY", full: "SQLITE_FULL", readonly: "SQLITE_READONLY", io: "SQLITE_IOERR", corrupt: "SQLITE_CORRUPT", down: "P1001" }[kind];
  }
}

/** Who holds the write lock, in words, for the busy message. */
export function busyReason(dbFile: string | null): Message {
  const writer = dbFile ? runningWriter(dbFile) : null;
  if (writer) return msg("{what} is running (since {time} UTC)", { what: msg(writer.what), time: writer.since.toISOString().slice(11, 16) });
  return dbFile ? msg("another program is writing to the database") : msg("another server is writing to the database");
}

export interface FaultAnswer {
  status: 503;
  code: "unavailable";
  message: Translatable;
  /** seconds, for the Retry-After header */
  retryAfter: number;
}

/** The 503 an editor gets for a write the database could not take, or null when err is not such a fault. */
export function faultAnswer(err: unknown, dbFile: string | null): FaultAnswer | null {
  const kind = faultKind(err);
  if (!kind) return null;
  const message = {
    busy: msg("The database is busy: {reason}. Nothing was saved. Try again in a moment.", { reason: busyReason(dbFile) }),
    full: N_("The server's disk is full. Nothing was saved. Your administrator has to free space; then try again (no restart is needed)."),
    readonly: N_("The database cannot be written (its file or folder is read-only). Nothing was saved. Tell your administrator."),
    io: N_("The database could not be written (a disk or file error). Nothing was saved. Tell your administrator."),
    down: N_("The database server cannot be reached. Nothing was saved. Try again in a moment; tell your administrator if it lasts."),
    corrupt: N_("The database file is damaged. Nothing was saved. Tell your administrator; the README's operations section says how to restore a backup."),
  }[kind];
  const retryAfter = kind === "busy" ? (dbFile && runningWriter(dbFile) ? 30 : 5) : kind === "down" ? 10 : 60;
  return { status: 503, code: "unavailable", message, retryAfter };
}
