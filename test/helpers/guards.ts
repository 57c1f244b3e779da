import { inject } from "vitest";
import type { Db } from "../../src/db.ts";

/**
 * Makes the database refuse a write for a test, with a trigger in the
 * engine's dialect: `event` is "DELETE" or `UPDATE OF "column"`, `when` a
 * condition on OLD and NEW (written the same in both). Returns its removal.
 */
export async function refuse(db: Db, name: string, table: string, event: string, when = "1 = 1"): Promise<() => Promise<void>> {
  if (inject("engine") === "postgresql") {
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
}

/**
 * Runs SQL on the database with the audit log's guards off, as its owner
 * could: SQLite's triggers dropped (for good, on this test's database),
 * PostgreSQL's skipped for one transaction (session_replication_role).
 */
export async function behindTheGuards(db: Db, sql: string): Promise<void> {
  if (inject("engine") === "postgresql") {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRawUnsafe(sql);
    });
    return;
  }
  await db.$executeRawUnsafe('DROP TRIGGER IF EXISTS "AuditEvent_no_update"');
  await db.$executeRawUnsafe('DROP TRIGGER IF EXISTS "AuditEvent_no_delete"');
  await db.$executeRawUnsafe(sql);
}
