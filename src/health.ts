import { engineOf, type Db } from "./db.ts";

export interface Health {
  ok: boolean;
  /** the database answers a read */
  reads: boolean;
  /** the database can take a write now */
  writes: boolean;
  /** why not, in words, for the operator (empty when ok) */
  problems: string[];
  freeDiskMB: number | null;
}

/** What /healthz answers: the database reads, and its engine says it can take a write (src/sqlite/health.ts, src/postgres/health.ts). */
export async function checkHealth(db: Db, minFreeMB: number): Promise<Health> {
  let reads = true;
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    reads = false;
  }
  const engine = await engineOf(db).health(minFreeMB);
  const problems = [...(reads ? [] : ["the database does not answer a read"]), ...engine.problems];
  const writes = reads && engine.writes;
  return { ok: writes, reads, writes, problems, freeDiskMB: engine.freeDiskMB };
}
