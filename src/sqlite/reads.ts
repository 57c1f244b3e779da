// The read model's connection: plain rows from prepared statements, for the
// hot reads (every page's list, claim, session and account; the audit walk)
// where Prisma's query layer costs many times the query. A read-only
// better-sqlite3 handle of its own beside the adapter's, closed with the
// client; in WAL mode it never waits for a writer.
// Statements are prepared once and kept, a bounded number: their SQL is the
// code's (values are always bound), and a list's filters make a few hundred
// shapes at most.
import Database from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Reads } from "../engine.ts";

const KEPT_STATEMENTS = 500;

/** A value as Prisma's adapter writes it: DateTime as ISO text with "+00:00", Boolean as 0 or 1. */
export const bound = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);

/** The read model's connection to a database file; close() with the client. */
export function openReads(file: string): Reads & { close(): void } {
  const handle = new Database(file, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (s) statements.delete(sql);
    else if (statements.size >= KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
    statements.set(sql, (s ??= handle.prepare(sql))); // the most recently used last: the oldest is the one to go
    return s;
  };
  // The calls answer at once (SQLite is in-process); a snapshot is one read
  // transaction, held while any snapshot runs: reads that interleave with it
  // in the same tick read the same state, and it ends with the last of them.
  let open = 0;
  const reads: Reads & { close(): void } = {
    all: <T>(sql: string, ...params: unknown[]) => Promise.resolve(statement(sql).all(...params.map(bound)) as T[]),
    get: <T>(sql: string, ...params: unknown[]) => Promise.resolve(statement(sql).get(...params.map(bound)) as T | undefined),
    query: <T>(q: Prisma.Sql) => Promise.resolve(statement(q.sql).all(...q.values.map(bound)) as T[]),
    async snapshot<T>(read: (r: Reads) => Promise<T>) {
      if (open++ === 0) handle.exec("BEGIN");
      try {
        return await read(reads);
      } finally {
        if (--open === 0) handle.exec("COMMIT");
      }
    },
    close: () => handle.close(),
  };
  return reads;
}
