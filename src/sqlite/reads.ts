// The read model's connection: plain rows from prepared statements, for the
// reads where Prisma's query layer costs more than the query (a full walk of
// the audit chain reads hundreds of thousands of rows). A read-only
// better-sqlite3 handle of its own beside the adapter's, opened on first use
// and closed with the client; in WAL mode it never waits for a writer.
// Statements are prepared once and kept: their SQL is the code's, not input.
import Database from "better-sqlite3";
import type { Db } from "../db.ts";
import { adapterOf } from "../db.ts";

export type Row = Record<string, unknown>;

export interface Reads {
  all<T = Row>(sql: string, ...params: unknown[]): T[];
  get<T = Row>(sql: string, ...params: unknown[]): T | undefined;
  close(): void;
}

function open(file: string): Reads {
  const handle = new Database(file, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = handle.prepare(sql)));
    return s;
  };
  return {
    all: <T>(sql: string, ...params: unknown[]) => statement(sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => statement(sql).get(...params) as T | undefined,
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
