// The read model's connection: plain rows from prepared statements, for the
// hot reads (every page's list, claim, session and account; the audit walk)
// where Prisma's query layer costs many times the query. A read-only
// better-sqlite3 handle of its own beside the adapter's, opened on first use
// and closed with the client; in WAL mode it never waits for a writer.
// Statements are prepared once and kept, a bounded number: their SQL is the
// code's (values are always bound), and a list's filters make a few hundred
// shapes at most.
import Database from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { adapterOf } from "../db.ts";

export type Row = Record<string, unknown>;

export interface Reads {
  all<T = Row>(sql: string, ...params: unknown[]): T[];
  get<T = Row>(sql: string, ...params: unknown[]): T | undefined;
  /** rows of a query built with Prisma's sql tag (a list's filters), its Dates and booleans bound as the adapter stores them */
  query<T = Row>(q: Prisma.Sql): T[];
  /** reads that must see one state of the database, in one read transaction */
  snapshot<T>(read: () => T): T;
  close(): void;
}

const KEPT_STATEMENTS = 500;

/** A value as Prisma's adapter writes it: DateTime as ISO text with "+00:00", Boolean as 0 or 1. */
export const bound = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);

function open(file: string): Reads {
  const handle = new Database(file, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (s) statements.delete(sql);
    else if (statements.size >= KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
    statements.set(sql, (s ??= handle.prepare(sql))); // the most recently used last: the oldest is the one to go
    return s;
  };
  return {
    all: <T>(sql: string, ...params: unknown[]) => statement(sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => statement(sql).get(...params) as T | undefined,
    query: <T>(q: Prisma.Sql) => statement(q.sql).all(...q.values.map(bound)) as T[],
    snapshot: <T>(read: () => T) => handle.transaction(read)(),
    close: () => handle.close(),
  };
}

const opened = new WeakMap<Db, Reads>();

/** The client's read-model connection. */
export function reads(db: Db): Reads {
  const known = opened.get(db);
  if (known) return known;
  const adapter = adapterOf(db);
  const r = open(adapter.file);
  adapter.onDispose(() => r.close());
  opened.set(db, r);
  return r;
}

/** The model's Boolean columns (SQLite keeps 0 and 1); every DateTime column's name ends in "At" (test/reads.test.ts holds the schema to both). */
export const BOOLEAN_COLUMNS = new Set(["needsReview", "ok"]);
const DATE_COLUMN = /At$/;

/** A row as Prisma would return it: "…At" columns as Dates, Boolean columns as booleans. */
export function decode<T>(row: Row): T {
  for (const [k, v] of Object.entries(row)) {
    if (DATE_COLUMN.test(k)) row[k] = v === null ? null : new Date(v as string);
    else if (BOOLEAN_COLUMNS.has(k)) row[k] = v === 1;
  }
  return row as T;
}
