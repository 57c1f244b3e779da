import { statfs } from "node:fs/promises";
import path from "node:path";
import { adapterOf, type Db } from "../db.ts";
import type { StoredFault } from "./adapter.ts";
import { busyReason } from "./faults.ts";

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

const MB = 1024 * 1024;

const FAULTS: Record<StoredFault, string> = {
  full: "the last write failed: the disk is full",
  readonly: "the last write failed: the database file or its folder is read-only",
  io: "the last write failed with a disk or file error",
  corrupt: "the last write found the database file damaged",
};

/**
 * What /healthz answers: the database reads, there is room on its disk, the
 * last write did not fail, and the write lock can be had (another process,
 * such as an import, is not holding it).
 */
export async function checkHealth(db: Db, dbFile: string, minFreeMB: number): Promise<Health> {
  const problems: string[] = [];
  let reads = true;
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    reads = false;
    problems.push("the database does not answer a read");
  }
  const adapter = adapterOf(db);
  const fault = adapter.health.fault;
  if (fault) problems.push(`${FAULTS[fault.kind]} (at ${fault.at.toISOString()})`);
  let freeDiskMB: number | null = null;
  try {
    const fs = await statfs(path.dirname(path.resolve(dbFile)));
    freeDiskMB = Math.floor((fs.bavail * fs.bsize) / MB);
    if (freeDiskMB < minFreeMB) problems.push(`only ${freeDiskMB} MB free on the database's disk (the minimum is ${minFreeMB} MB)`);
  } catch {
    problems.push("the database's folder cannot be read");
  }
  const lockFree = await adapter.canWrite();
  if (!lockFree) problems.push(`the write lock is taken: ${String(busyReason(dbFile))}`);
  const writes = reads && !fault && lockFree && (freeDiskMB === null || freeDiskMB >= minFreeMB);
  return { ok: reads && writes, reads, writes, problems, freeDiskMB };
}
