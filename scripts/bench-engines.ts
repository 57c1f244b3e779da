// The engines `npm run bench` measures: SQLite's file under data/, and
// PostgreSQL's database on BENCH_POSTGRES_URL's server (a superuser's URL)
// or on a throwaway server the bench starts with the settings below and
// stops at its end (scripts/postgres-server.ts).
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openMigrated, type Db } from "../src/db.ts";
import type { Engine } from "../src/engine.ts";
import { fmt } from "./bench-lib.ts";
import { databaseUrl, postgresBin, startPostgres, type PostgresServer } from "./postgres-server.ts";
import { seedSynthetic } from "./seed-synthetic.ts";

export type EngineName = Engine["name"];
export const ENGINE_LABEL: Record<EngineName, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/**
 * The throwaway server's settings beyond PostgreSQL 15's defaults, kept
 * modest: shared_buffers at 256 MB (the default is 128 MB), room for the
 * connections of the bench's app and of the load bench's three processes
 * (each process's pools: 10 writes, 10 reads, 4 heavy reads). Durability
 * stays the default's (fsync and synchronous_commit on).
 */
export const PG_SETTINGS: Record<string, string> = { shared_buffers: "256MB", max_connections: "200" };

export interface BenchDatabase {
  url: string;
  db: Db;
  /** where the database is, and whether it was built or reused */
  where: string;
}

export interface Engines {
  names: EngineName[];
  /** the PostgreSQL server's description, for the output */
  postgres: string | null;
  /** the database of that size on that engine: reused when it holds exactly that many claims, built otherwise (or with fresh) */
  open(engine: EngineName, size: number, fresh: boolean): Promise<BenchDatabase>;
  /** After the bench's own writes (the desk's fixture): PostgreSQL's VACUUM ANALYZE, as autovacuum would run soon after; nothing on SQLite. */
  settle(engine: EngineName, url: string): Promise<void>;
  stop(): void;
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function build(url: string, size: number) {
  const c = await seedSynthetic(url, size, (done) => process.stderr.write(`\r  building: ${fmt(done)} / ${fmt(size)} claims`));
  process.stderr.write("\n");
  return `built in ${c.seconds.toFixed(1)} s (${fmt(Math.round(size / c.seconds))} claims/s)`;
}

/** The engines asked for (all that can run when none is named), and the PostgreSQL server when one is among them. */
export async function benchEngines(dataDir: string, asked: EngineName[] | null): Promise<Engines> {
  const given = process.env.BENCH_POSTGRES_URL;
  const canPostgres = Boolean(given || postgresBin());
  if (!asked && !canPostgres) console.log("note: PostgreSQL's server is not installed, nor BENCH_POSTGRES_URL set: SQLite only.");
  const names = asked ?? (canPostgres ? ["sqlite", "postgresql"] : ["sqlite"]);
  let server: PostgresServer | null = null;
  let postgres: string | null = null;
  if (names.includes("postgresql")) {
    server = given ? { url: given, stop() {} } : await startPostgres(PG_SETTINGS);
    const conn = new pg.Client({ connectionString: server.url });
    await conn.connect();
    const { rows } = await conn
      .query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'fsync', 'synchronous_commit', 'random_page_cost') ORDER BY name`,
      )
      .finally(() => conn.end());
    const settings = rows.map((r) => `${r.name}=${r.setting}${r.unit ? ` (×${r.unit})` : ""}`).join(", ");
    postgres = `${
      given
        ? "BENCH_POSTGRES_URL's server"
        : `a throwaway local server (defaults, plus ${Object.entries(PG_SETTINGS)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")})`
    }: ${settings}`;
  }

  return {
    names,
    postgres,
    async open(engine, size, fresh) {
      if (engine === "sqlite") {
        const file = path.join(dataDir, `bench-${size}.db`);
        const url = `file:${file}`;
        if (existsSync(file) && !fresh) {
          const db = await openMigrated(url);
          if ((await db.claim.count()) === size) return { url, db, where: `data/bench-${size}.db, reused` };
          await db.$disconnect();
        }
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
        mkdirSync(dataDir, { recursive: true });
        const built = await build(url, size);
        return { url, db: await openMigrated(url), where: `data/bench-${size}.db, ${built}` };
      }
      const name = `bench_${size}`;
      const url = databaseUrl(server!.url, name);
      if (!fresh) {
        const db = await openMigrated(url);
        if ((await db.claim.count()) === size) return { url, db, where: `database ${name}, reused` };
        await db.$disconnect();
      }
      await adminQuery(server!.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const built = await build(url, size);
      // fresh statistics for the planner, as autovacuum would gather them soon after
      await adminQuery(url, "VACUUM ANALYZE");
      return { url, db: await openMigrated(url), where: `database ${name}, ${built} and VACUUM ANALYZE` };
    },
    settle: (engine, url) => (engine === "postgresql" ? adminQuery(url, "VACUUM ANALYZE") : Promise.resolve()),
    stop: () => server?.stop(),
  };
}
