import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * A consistent online backup of a PostgreSQL database: pg_dump's custom
 * format (one snapshot, restored with pg_restore), then a pg_restore --list
 * of the file as its check. pg_dump must be on the PATH, of the server's
 * major version or later (Debian: postgresql-client-15).
 */
export async function backupPostgres(databaseUrl: string, file: string) {
  const started = process.hrtime.bigint();
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${databaseUrl}`]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    throw new Error(
      e.code === "ENOENT"
        ? "pg_dump was not found: install PostgreSQL's client tools (Debian: postgresql-client)."
        : `pg_dump failed: ${e.stderr ?? e.message}`,
    );
  }
  const { stdout } = await run("pg_restore", ["--list", file]);
  if (!/TABLE DATA public "?Claim"? /.test(stdout)) throw new Error("The backup does not hold the claims' table: check it with pg_restore --list.");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Claim"`).finally(() => client.end());
  return { file, bytes: statSync(file).size, claims: Number(rows[0]!.n), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
