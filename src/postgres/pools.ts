// The read model's connections to PostgreSQL: plain rows through node-pg,
// beside Prisma's own pool. Values come back as Prisma returns them:
// timestamps (stored without a zone, in UTC) as Dates, counts as numbers.
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Reads } from "../engine.ts";

const INT8 = 20;
const TIMESTAMP = 1114;

const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === TIMESTAMP) return (v: string) => new Date(v.replace(" ", "T") + "Z");
    return pg.types.getTypeParser(oid, format as "text") as (v: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

/**
 * A pool of connections. An idle connection the server ends (a restart, a
 * failover, an operator's pg_terminate_backend) is an "error" event of the
 * pool, which would end the process unheard: the pool drops that connection
 * and the next query opens another, so there is nothing more to do.
 */
export function pool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  const p = new pg.Pool({ connectionString, types, ...options });
  p.on("error", () => {});
  return p;
}

/** A value as the columns take it: a Date as UTC text without a zone (the columns are `timestamp(3)`, not `timestamptz`). */
const bound = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, -1) : v);

/** SQL written for both engines, with `?` placeholders, as PostgreSQL's numbered ones. */
export const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** Rows of a query on a pool or one of its clients. */
export async function rows<T>(on: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  return (await on.query({ text: numbered(sql), values: params.map(bound) })).rows as T[];
}

function readsOn(on: Queryable, snapshot: Reads["snapshot"]): Reads {
  return {
    all: <T>(sql: string, ...params: unknown[]) => rows<T>(on, sql, params),
    get: async <T>(sql: string, ...params: unknown[]) => (await rows<T>(on, sql, params))[0],
    query: <T>(q: Prisma.Sql) => rows<T>(on, q.sql, q.values),
    snapshot,
  };
}

/** The read model on a pool: each read on any connection; a snapshot on one, in a repeatable-read, read-only transaction. */
export function poolReads(p: pg.Pool): Reads {
  const snapshot: Reads["snapshot"] = async (read) => {
    const client = await p.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      // one connection answers one query at a time (pg deprecates queueing on a client): a snapshot's reads go in turn
      let turn: Promise<unknown> = Promise.resolve();
      const inTurn: Queryable = {
        query: ((config: pg.QueryConfig) => {
          const next = turn.then(() => client.query(config));
          turn = next.catch(() => {});
          return next;
        }) as Queryable["query"],
      };
      const inside = readsOn(inTurn, (nested) => nested(inside));
      const result = await read(inside);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  return readsOn(p, snapshot);
}
