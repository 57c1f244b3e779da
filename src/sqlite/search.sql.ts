// Full-text search on SQLite: FTS5 tables kept by triggers (the claim_search
// migration), their rowid the claim's or entity's id; bm25 is negative,
// lower is better.
import { Prisma } from "../generated/prisma/client.ts";
import type { SearchSql } from "../engine.ts";
import { or, renderWith, word, type Expr } from "../claims/search.expr.ts";

const { sql, join, raw } = Prisma;

// every word quoted, so none is an operator
const render = (e: Expr) =>
  renderWith(
    e,
    (w, prefix) => `"${w}"${prefix ? "*" : ""}`,
    (words) => `"${words.join(" ")}"`,
    { and: " AND ", or: " OR " },
  );

export const sqliteSearch: SearchSql = {
  render,
  claims(match, limit, ranked, also) {
    // bm25 weights: statement, context, quotes, source titles; `+rowid`: the other conditions filter, they are not one FTS5 lookup each
    const rank = ranked ? sql`, bm25("ClaimSearch", 8.0, 3.0, 2.0, 1.0) AS rank` : sql``;
    const more = also ? also(raw("+rowid")) : [];
    return sql`SELECT rowid AS id${rank} FROM "ClaimSearch" WHERE ${join([sql`"ClaimSearch" MATCH ${match}`, ...more], " AND ")} ORDER BY rowid DESC LIMIT ${limit}`;
  },
  claimIn: (id, match) => sql`${id} IN (SELECT rowid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match})`,
  // a column filter: the context, quotes and source titles of a claim say less about whether it is the same claim
  similar: (words, limit) =>
    sql`SELECT rowid AS id FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${`statement : ${render(or(words.map(word)))}`} ORDER BY bm25("ClaimSearch") LIMIT ${limit}`,
  entities: (match, limit) => sql`SELECT rowid AS id FROM "EntityNameSearch" WHERE "EntityNameSearch" MATCH ${match} LIMIT ${limit}`,
  pairs: (table) => sql`COALESCE((SELECT json_group_array(json_array(id, rank)) FROM ${raw(table)}), '[]')`,
  // CROSS JOIN: SQLite's planner otherwise scanned every claim to test each for membership
  fromMatches: sql`r CROSS JOIN "Claim" c ON c.id = r.rid`,
  pairsTable: (json) => sql`r(rid, rank) AS MATERIALIZED (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${json}))`,
};
