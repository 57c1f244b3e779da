import type pg from "pg";
import type { EngineHealth } from "../engine.ts";
import type { PgWriteHealth } from "./adapter.ts";

/**
 * PostgreSQL's part of /healthz: the last write did not fail for want of
 * room or on the server's side, and the server takes writes (not a standby,
 * not read-only). Its disk is the database server's, which the app cannot
 * see: the platform's monitoring watches it.
 */
export async function postgresHealth(pool: pg.Pool, health: PgWriteHealth): Promise<EngineHealth> {
  const problems: string[] = [];
  const fault = health.fault;
  if (fault) problems.push(`the last write failed on the database server (SQLSTATE ${fault.code}, at ${fault.at.toISOString()})`);
  let writable = false;
  try {
    const { rows } = await pool.query<{ standby: boolean; ro: string }>(
      `SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') AS ro`,
    );
    writable = !rows[0]!.standby && rows[0]!.ro === "off";
    if (!writable) problems.push("the database server takes no writes (a standby, or read-only)");
  } catch {
    problems.push("the database server does not answer");
  }
  return { writes: writable && !fault, problems, freeDiskMB: null };
}
