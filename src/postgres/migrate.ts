import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Migrations } from "../db.ts";

// PostgreSQL's migrations, applied here rather than by `prisma migrate
// deploy`, which fails through the pg adapter ("Column type 'name' could
// not be deserialized", prisma/prisma#27403) and has no native engine on
// these machines. Each migration runs in its own transaction under an
// advisory lock, so two servers starting at once apply it once, and is
// recorded in _prisma_migrations as Prisma records it (checksum: the
// SHA-256 of migration.sql), so `prisma migrate status` reads the same.

const FOLDER = path.resolve(import.meta.dirname, "../../prisma/postgresql/migrations");
/** Another key than the writes' lock: a migration's DDL and the writes it would wait for never deadlock. */
const MIGRATION_LOCK = 0x6d696772;

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const committed = () =>
  readdirSync(FOLDER, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

async function applied(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

/** Applies the committed migrations that the database lacks; refuses a database whose applied migrations were edited since. */
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(TABLE);
    const done = await applied(client);
    const ran: string[] = [];
    for (const name of committed()) {
      const sql = readFileSync(path.join(FOLDER, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) throw new Error(`The migration ${name} was changed after it was applied to this database.`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, checksum, name]);
        await client.query(sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`The migration ${name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      log(`Applied migration ${name}`);
      ran.push(name);
    }
    return ran;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

/** SQLSTATE invalid_catalog_name: the server has no database of that name. */
const NO_DATABASE = "3D000";

/** Creates the database DATABASE_URL names when its server lacks it (the account needs CREATEDB), as SQLite creates its file. */
async function createDatabase(databaseUrl: string): Promise<void> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== NO_DATABASE) throw err;
  } finally {
    await probe.end().catch(() => {});
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (err) {
    // another server created it meanwhile
    if ((err as { code?: string }).code !== "42P04") throw err;
  } finally {
    await admin.end();
  }
}

export const postgresMigrations: Migrations = {
  create: createDatabase,
  async pending(db) {
    const [table] = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('"_prisma_migrations"')::text AS t`;
    if (!table?.t) return true;
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const names = new Set(rows.map((r) => r.name));
    return committed().some((n) => !names.has(n));
  },
  async apply(databaseUrl) {
    await createDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
  },
};
