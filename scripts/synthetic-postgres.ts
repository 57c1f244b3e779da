// The synthetic seeder's writes on PostgreSQL (scripts/seed-synthetic.ts):
// each batch one transaction that first takes the app's advisory write lock
// (src/postgres/adapter.ts), so it chains after a running server's events
// and no server appends in between; each table's rows go in as one
// INSERT … SELECT over a JSON array of records (a few statements a batch,
// one parameter each), and every row trigger fires as on the app's writes.
import pg from "pg";
import { GENESIS_HASH } from "../src/audit/audit.service.ts";
import { WRITE_LOCK } from "../src/postgres/adapter.ts";
import type { Rows, SyntheticWriter, Table, WriteTx } from "./seed-synthetic.ts";

/** Foreign keys are checked at once: a claim before its evidence and links, the audit events last. */
const ORDER: Table[] = ["Entity", "EntityAlias", "Source", "Claim", "Evidence", "ClaimEntity", "AuditEvent"];
/** rows a statement: its JSON stays a few megabytes */
const CHUNK = 5000;
/** the write lock's wait: a server's transactions are short */
const LOCK_WAIT_MS = 30_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function postgresWriter(databaseUrl: string): Promise<SyntheticWriter> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // the timestamp(3) columns hold UTC without a zone: a Date's JSON ('…Z') is read as that UTC time
  await client.query("SET TIME ZONE 'UTC'");

  const tx: WriteTx = {
    async head() {
      const { rows } = await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`);
      return rows[0]?.hash ?? GENESIS_HASH;
    },
    // from the table's own sequence: ids no other writer can take, the sequence past them
    async ids(table, n) {
      if (n === 0) return [];
      const { rows } = await client.query<{ id: number }>(
        `SELECT nextval(pg_get_serial_sequence($1, 'id'))::integer AS id FROM generate_series(1, $2::integer) ORDER BY 1`,
        [quoted(table), n],
      );
      return rows.map((r) => r.id);
    },
    async entityIds(names) {
      const { rows } = await client.query<{ id: number; name: string }>(`SELECT id, name FROM "Entity" WHERE name = ANY($1::text[])`, [names]);
      return new Map(rows.map((r) => [r.name, r.id]));
    },
    async write(rows: Rows) {
      for (const table of ORDER) {
        const all = rows[table] ?? [];
        if (!all.length) continue;
        const columns = Object.keys(all[0]!).map(quoted).join(", ");
        for (let i = 0; i < all.length; i += CHUNK) {
          await client.query(`INSERT INTO ${quoted(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`, [
            JSON.stringify(all.slice(i, i + CHUNK)),
          ]);
        }
      }
    },
  };

  return {
    async batch(work) {
      await client.query("BEGIN");
      try {
        await client.query(`SET LOCAL lock_timeout = ${LOCK_WAIT_MS}`);
        await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
        await tx.write(await work(tx));
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    },
    close: () => client.end(),
  };
}
