import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../config.ts";
import { backupPostgres } from "../postgres/backup.ts";

export interface BackupReport {
  file: string;
  /** SQLite's pages copied; null for a PostgreSQL dump */
  pages: number | null;
  bytes: number;
  claims: number;
  seconds: number;
}

/**
 * A consistent online copy of the database with SQLite's backup API, safe
 * while the server writes: after a first small step the rest is copied in
 * one step, inside one read snapshot, so a write landing between steps at
 * most restarts the copy. The copy is checked with integrity_check.
 */
export async function backup(databaseUrl: string, target: string): Promise<BackupReport> {
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${target} already exists; choose a new file name (a backup never overwrites).`);
  const sqliteFile = databasePath(databaseUrl);
  if (!sqliteFile) return { ...(await backupPostgres(databaseUrl, file)), pages: null };
  const started = process.hrtime.bigint();
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const { totalPages } = await source.backup(file, { progress: () => Number.MAX_SAFE_INTEGER });
    const copy = new Database(file, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The backup failed its integrity check: ${String(check)}`);
      const { n } = copy.prepare("SELECT COUNT(*) AS n FROM Claim").get() as { n: number };
      const bytes = (copy.pragma("page_count", { simple: true }) as number) * (copy.pragma("page_size", { simple: true }) as number);
      return { file, pages: totalPages, bytes, claims: n, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    } finally {
      copy.close();
    }
  } finally {
    source.close();
  }
}
