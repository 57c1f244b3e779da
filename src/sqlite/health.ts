import { statfs } from "node:fs/promises";
import path from "node:path";
import type { EngineHealth } from "../engine.ts";
import type { GuardedSqlite, StoredFault } from "./adapter.ts";
import { busyReason } from "./faults.ts";

const MB = 1024 * 1024;

const FAULTS: Record<StoredFault, string> = {
  full: "the last write failed: the disk is full",
  readonly: "the last write failed: the database file or its folder is read-only",
  io: "the last write failed with a disk or file error",
  corrupt: "the last write found the database file damaged",
};

/**
 * SQLite's part of /healthz: there is room on the file's disk, the last
 * write did not fail, and the write lock can be had (another process, such
 * as an import, is not holding it).
 */
export async function sqliteHealth(adapter: GuardedSqlite, minFreeMB: number): Promise<EngineHealth> {
  const problems: string[] = [];
  const fault = adapter.health.fault;
  if (fault) problems.push(`${FAULTS[fault.kind]} (at ${fault.at.toISOString()})`);
  let freeDiskMB: number | null = null;
  try {
    const fs = await statfs(path.dirname(path.resolve(adapter.file)));
    freeDiskMB = Math.floor((fs.bavail * fs.bsize) / MB);
    if (freeDiskMB < minFreeMB) problems.push(`only ${freeDiskMB} MB free on the database's disk (the minimum is ${minFreeMB} MB)`);
  } catch {
    problems.push("the database's folder cannot be read");
  }
  const lockFree = await adapter.canWrite();
  if (!lockFree) problems.push(`the write lock is taken: ${String(busyReason(adapter.file))}`);
  return { writes: !fault && lockFree && (freeDiskMB === null || freeDiskMB >= minFreeMB), problems, freeDiskMB };
}
