// The database engine under a client: SQLite, embedded (src/sqlite/), or
// PostgreSQL (src/postgres/). Features write through Prisma and read hot
// paths through the engine's read model; what differs between the engines
// (the read connection, search, heavy reads, health, migrations) is here,
// behind one interface, never as `if (postgres)` in a feature.
import type { Prisma } from "./generated/prisma/client.ts";
import type { Expr } from "./claims/search.expr.ts";

export type Row = Record<string, unknown>;

/** How long a heavy read (a search's) may run before it is stopped. */
export const READ_BUDGET_MS = 3000;

/** Plain rows of SQL written for both engines: identifiers quoted, `?` or Prisma.sql placeholders, values bound. */
export interface Reads {
  all<T = Row>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** rows of a query built with Prisma's sql tag (a list's filters) */
  query<T = Row>(q: Prisma.Sql): Promise<T[]>;
  /** reads that must see one state of the database: `read` gets the reads of one read-only snapshot, and reads nothing else */
  snapshot<T>(read: (r: Reads) => Promise<T>): Promise<T>;
}

/** The SQL of full-text search, which each engine has its own of (FTS5, tsvector). */
export interface SearchSql {
  /** a search expression in the engine's query language, bound as one parameter */
  render(e: Expr): string;
  /** ids of the claims whose text matches, newest first, at most `limit`, scored (lower is better) when `ranked`; `also`: more conditions on the id */
  claims(match: string, limit: number, ranked: boolean, also?: (id: Prisma.Sql) => Prisma.Sql[]): Prisma.Sql;
  /** the claims whose text matches, as a condition on the id `id` */
  claimIn(id: Prisma.Sql, match: string): Prisma.Sql;
  /** ids of the claims whose statement matches any of `words`, best first */
  similar(words: string[], limit: number): Prisma.Sql;
  /** ids of the entities whose name or an alias matches */
  entities(match: string, limit: number): Prisma.Sql;
  /** [id, rank] pairs of the rows of m(id, rank), as one JSON text */
  pairs(table: string): Prisma.Sql;
  /** the JSON text of pairs as a table r(rid, rank), in a WITH clause */
  pairsTable(json: string): Prisma.Sql;
  /** the claims c of the pairs in r, r driving the join */
  fromMatches: Prisma.Sql;
}

export interface EngineHealth {
  /** the database can take a write now */
  writes: boolean;
  problems: string[];
  /** free space on the database's disk, when the app can see that disk */
  freeDiskMB: number | null;
}

export interface Engine {
  readonly name: "sqlite" | "postgresql";
  readonly reads: Reads;
  /** rows of a read that may be slow (a search's): where it cannot hold up other requests, stopped past its budget (ReadTimeout) */
  heavy<T>(q: Prisma.Sql): Promise<T[]>;
  readonly search: SearchSql;
  health(minFreeMB: number): Promise<EngineHealth>;
}

/** The model's Boolean columns (SQLite keeps 0 and 1, PostgreSQL true and false); every DateTime column's name ends in "At" (test/reads.test.ts holds the schema to both). */
export const BOOLEAN_COLUMNS = new Set(["needsReview", "ok", "active"]);
const DATE_COLUMN = /At$/;

/** A row as Prisma would return it: "…At" columns as Dates, Boolean columns as booleans. */
export function decode<T>(row: Row): T {
  for (const [k, v] of Object.entries(row)) {
    if (DATE_COLUMN.test(k)) row[k] = v === null ? null : new Date(v as string | Date);
    else if (BOOLEAN_COLUMNS.has(k)) row[k] = v === 1 || v === true;
  }
  return row as T;
}
