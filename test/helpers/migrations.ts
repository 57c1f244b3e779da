import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/**
 * Applies SQLite's migrations' SQL in order to a database file: all but
 * `without`, or `only` that one: a database from before a migration, then
 * its upgrade. Later migrations must not depend on the one left out.
 */
export function applyMigrations(file: string, { without, only }: { without?: string; only?: string }) {
  const sqlite = new Database(file);
  const names = readdirSync(MIGRATIONS)
    .filter((d) => /^\d/.test(d))
    .sort()
    .filter((d) => (only ? d === only : d !== without));
  for (const name of names) sqlite.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  sqlite.close();
}
