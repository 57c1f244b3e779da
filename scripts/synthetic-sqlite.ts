// The synthetic seeder's writes on SQLite (scripts/seed-synthetic.ts): the
// batch's rows through better-sqlite3's prepared statements, in one
// IMMEDIATE transaction, which holds the file's write lock as the app's
// writes do.
import Database from "better-sqlite3";
import { GENESIS_HASH } from "../src/audit/audit.service.ts";
import type { Rows, SyntheticWriter, Table, WriteTx } from "./seed-synthetic.ts";

/**
 * Evidence before its claim (foreign keys are checked at commit): the
 * full-text triggers then index the claim once, with its quotes and source
 * titles, instead of re-indexing it after every evidence row.
 */
const ORDER: Table[] = ["Entity", "EntityAlias", "Source", "Evidence", "Claim", "ClaimEntity", "AuditEvent"];

/** A value as SQLite keeps it: a date as Prisma's SQLite adapter writes it ('2023-11-20T06:00:00.000+00:00'), so text comparisons treat both alike; a boolean as 0 or 1. */
const value = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);

export function sqliteWriter(file: string): SyntheticWriter {
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // the audit hash index takes random keys: a small page cache would thrash on a large ledger
  sqlite.pragma("cache_size = -262144");
  const statements = new Map<string, Database.Statement>();
  const insert = (table: Table, columns: string[]) => {
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
    if (!statements.has(sql)) statements.set(sql, sqlite.prepare(sql));
    return statements.get(sql)!;
  };
  const lastHash = sqlite.prepare(`SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`).pluck();
  const lastId = (table: Table) =>
    sqlite
      .prepare(`SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), COALESCE((SELECT MAX(id) FROM "${table}"), 0))`)
      .pluck()
      .get(table) as number;
  const entityByName = sqlite.prepare(`SELECT id FROM "Entity" WHERE name = ?`).pluck();

  const tx: WriteTx = {
    head: () => Promise.resolve((lastHash.get() as string | undefined) ?? GENESIS_HASH),
    // under the write lock: nobody else takes ids until the commit
    ids(table, n) {
      const from = lastId(table) + 1;
      return Promise.resolve(Array.from({ length: n }, (_, i) => from + i));
    },
    entityIds(names) {
      const found = new Map<string, number>();
      for (const name of names) {
        const id = entityByName.get(name) as number | undefined;
        if (id !== undefined) found.set(name, id);
      }
      return Promise.resolve(found);
    },
    write(rows: Rows) {
      for (const table of ORDER) {
        for (const row of rows[table] ?? []) {
          const columns = Object.keys(row);
          insert(table, columns).run(...columns.map((c) => value(row[c])));
        }
      }
      return Promise.resolve();
    },
  };

  return {
    async batch(work) {
      // IMMEDIATE: the chain's head and the next ids are read under the write lock, so no other writer can fork them
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        sqlite.pragma("defer_foreign_keys = ON"); // until this commit: evidence goes in before its claim
        await tx.write(await work(tx));
        sqlite.exec("COMMIT");
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw err;
      }
    },
    close: () => Promise.resolve(void sqlite.close()),
  };
}
