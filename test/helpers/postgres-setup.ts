import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrl, startPostgres } from "../../scripts/postgres-server.ts";
import { migrate } from "../../src/db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** the engine this project's tests run on */
    engine: "sqlite" | "postgresql";
    /** the PostgreSQL server's URL (a superuser, its `postgres` database); empty on SQLite */
    postgresUrl: string;
  }
}

/** The name of the migrated database each test file's database is copied from. */
export const TEMPLATE = "claimtrack_template";

/**
 * The PostgreSQL suite's server: TEST_POSTGRES_URL's (a superuser's), or
 * one started for the run and stopped after it. One migrated template
 * database; each test file gets a copy (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_POSTGRES_URL
    ? { url: process.env.TEST_POSTGRES_URL, stop() {} }
    : await startPostgres({ fsync: "off", max_connections: "300" });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
    await admin.end();
    await migrate(databaseUrl(server.url, TEMPLATE));
  } catch (err) {
    server.stop();
    throw err;
  }
  project.provide("engine", "postgresql");
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
