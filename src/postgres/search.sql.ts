// Full-text search on PostgreSQL: tsvector documents kept by triggers in the
// writing transaction (prisma/postgresql/migrations), folded by unaccent and
// lower case as the app folds search words. A score is ts_rank negated, so
// that lower is better as with SQLite's bm25.
import { Prisma } from "../generated/prisma/client.ts";
import type { SearchSql } from "../engine.ts";
import { or, renderWith, word, type Expr } from "../claims/search.expr.ts";

const { sql, join } = Prisma;

// the words are letters and digits only (src/claims/search.ts), quoted all the same
const lexeme = (w: string) => `'${w.replace(/'/g, "''")}'`;
const render = (e: Expr, weight = "") =>
  renderWith(
    e,
    (w, prefix) => `${lexeme(w)}${prefix || weight ? `:${prefix ? "*" : ""}${weight}` : ""}`,
    (words) => `(${words.map(lexeme).join(" <-> ")})`,
    {
      and: " & ",
      or: " | ",
    },
  );

/** The query of a rendered expression. */
const query = (match: string) => sql`to_tsquery('simple', ${match})`;

// statement, context, quotes, source titles weigh as bm25's 8, 3, 2, 1 on SQLite; the array is D, C, B, A
const WEIGHTS = "{0.125, 0.25, 0.375, 1.0}";

export const postgresSearch: SearchSql = {
  render: (e) => render(e),
  claims(match, limit, ranked, also) {
    const where = join([sql`s.document @@ ${query(match)}`, ...(also ? also(sql`s.id`) : [])], " AND ");
    // the newest matches first, from the GIN index's bitmap; then ts_rank on those only
    const newest = sql`SELECT s.id FROM "ClaimSearch" s WHERE ${where} ORDER BY s.id DESC LIMIT ${limit}`;
    if (!ranked) return newest;
    return sql`SELECT n.id, -ts_rank(${WEIGHTS}::float4[], s.document, ${query(match)}) AS rank FROM (${newest}) n JOIN "ClaimSearch" s ON s.id = n.id ORDER BY n.id DESC`;
  },
  claimIn: (id, match) => sql`${id} IN (SELECT s.id FROM "ClaimSearch" s WHERE s.document @@ ${query(match)})`,
  similar(words, limit) {
    // weight A only: the statement (the context, quotes and source titles say less about whether it is the same claim)
    const q = query(render(or(words.map(word)), "A"));
    return sql`SELECT s.id FROM "ClaimSearch" s WHERE s.document @@ ${q} ORDER BY ts_rank(s.document, ${q}) DESC, s.id DESC LIMIT ${limit}`;
  },
  entities: (match, limit) => sql`SELECT n.id FROM "EntityNameSearch" n WHERE n.names @@ ${query(match)} LIMIT ${limit}`,
  pairs: (table) => sql`COALESCE((SELECT json_agg(json_build_array(id, rank))::text FROM ${Prisma.raw(table)}), '[]')`,
  pairsTable: (json) => sql`r(rid, rank) AS MATERIALIZED (SELECT (p->>0)::int, (p->>1)::float8 FROM jsonb_array_elements(${json}::jsonb) p)`,
  fromMatches: sql`r JOIN "Claim" c ON c.id = r.rid`,
};
