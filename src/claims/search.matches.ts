import { Prisma } from "../generated/prisma/client.ts";
import { engineOf, type Db } from "../db.ts";
import type { SearchSql } from "../engine.ts";
import { and } from "./search.expr.ts";
import type { Search } from "./search.ts";

const { sql, join } = Prisma;

// A search runs its full-text match once, bounded, and the page, its status
// counts and its ranking all read that one result. The bound is what keeps a
// word found in most of the ledger ("société", "selon des sources") from
// costing a walk of the whole index: the engine reads its matches newest
// first and stops after RANKED + 1 claims, and scores only those.

/** How many of a search's text matches are ranked: the most recent, when more match. */
export const RANKED = 1000;

export interface Matches {
  /**
   * [id, score] of the most recent claims whose text matches, newest first
   * (lower is better), then of those only linked ([id, 0]), as JSON: built
   * by the database and bound back as it is, never a row each through the client.
   */
  json: string;
  /** how many claims that holds */
  ranked: number;
  /** more than RANKED claims match the text, or are linked: it holds the RANKED most recent of each */
  more: boolean;
}

/** How a search's claims are ranked, as the API and the page say it. */
export interface Ranking {
  /** "all": every text match is ranked; "recent": more matched, and the RANKED most recent are ranked */
  scope: "all" | "recent";
  ranked: number;
}

export const rankingOf = (m: Matches): Ranking => ({ scope: m.more ? "recent" : "all", ranked: m.ranked });

/** The plain words of a search, AND-ed: what a claim linked to the names it holds must match too; null when it is only names. */
function plainWords(search: Search) {
  const words = search.groups.filter((g) => !g.entityIds.length).map((g) => g.match);
  return words.length ? and(words) : null;
}

/** Conditions on a claim id: linked to an entity of each name the search holds. */
const linkedTo = (search: Search, id: Prisma.Sql) =>
  search.groups.filter((g) => g.entityIds.length).map((g) => sql`${id} IN (SELECT "claimId" FROM "ClaimEntity" WHERE "entityId" IN (${join(g.entityIds)}))`);

/**
 * The most recent RANKED + 1 claims linked to the names the search holds
 * whose text has its other words. With other words, their match drives,
 * newest first (the links filter it); with names only, the (entityId,
 * claimId) index does.
 */
function linkedQuery(s: SearchSql, search: Search): Prisma.Sql | null {
  const named = search.groups.filter((g) => g.entityIds.length);
  const words = plainWords(search);
  if (!named.length) return null;
  if (words) return s.claims(s.render(words), RANKED + 1, false, (id) => linkedTo(search, id));
  const [first, ...rest] = named;
  const where = [
    sql`l."entityId" IN (${join(first!.entityIds)})`,
    ...rest.map((g) => sql`l."claimId" IN (SELECT "claimId" FROM "ClaimEntity" WHERE "entityId" IN (${join(g.entityIds)}))`),
  ];
  return sql`SELECT DISTINCT l."claimId" AS id FROM "ClaimEntity" l WHERE ${join(where, " AND ")} ORDER BY l."claimId" DESC LIMIT ${RANKED + 1}`;
}

/**
 * The search's one text match: its most recent RANKED + 1 text matches,
 * scored; then, when it names people or organisations, the most recent
 * RANKED + 1 claims linked to them (unscored: they rank after the text
 * matches). A name beside other words runs a second match there, of those
 * words only.
 */
export async function matchText(db: Db, search: Search): Promise<Matches> {
  const engine = engineOf(db);
  const s = engine.search;
  const links = linkedQuery(s, search) ?? sql`SELECT CAST(NULL AS INTEGER) AS id WHERE 1 = 0`;
  const query = sql`
    WITH t AS MATERIALIZED (${s.claims(s.render(search.all), RANKED + 1, true)}),
      l AS MATERIALIZED (${links}),
      m AS MATERIALIZED (
        SELECT * FROM (SELECT id, rank FROM t LIMIT ${RANKED}) ranked
        UNION ALL SELECT * FROM (SELECT id, 0.0 FROM l WHERE id NOT IN (SELECT id FROM t) LIMIT ${RANKED}) linked)
    SELECT ${s.pairs("m")} AS json, (SELECT count(*) FROM m) AS ranked,
      (SELECT count(*) FROM t) > ${RANKED} OR (SELECT count(*) FROM l) > ${RANKED} AS more`;
  // off the request path: other requests are served meanwhile, and a search past its budget is stopped
  const [row] = await engine.heavy<{ json: string; ranked: number; more: number | boolean }>(query);
  return { json: row!.json, ranked: Number(row!.ranked), more: Number(row!.more) === 1 };
}

/** The matches as a table r(rid, rank), for the queries that read them; bound as one JSON parameter. */
export const matchesTable = (s: SearchSql, m: Matches) => sql`WITH ${s.pairsTable(m.json)}`;

/**
 * The claims a list reads: with `every`, all of Claim c, its text matching
 * the whole search or, when the search holds names, linked to them with
 * the other words in its text (a list sorted otherwise walks past the
 * RANKED, and so does the export); else only the matches in r, driving
 * the query (SQLite scanned every claim to test membership otherwise).
 */
export function matchSource(s: SearchSql, search: Search, every: boolean): { from: Prisma.Sql; where: Prisma.Sql | null } {
  if (!every) return { from: s.fromMatches, where: null };
  const text = s.claimIn(sql`c.id`, s.render(search.all));
  if (!search.groups.some((g) => g.entityIds.length)) return { from: sql`"Claim" c`, where: text };
  const words = plainWords(search);
  const linked = [...linkedTo(search, sql`c.id`), ...(words ? [s.claimIn(sql`c.id`, s.render(words))] : [])];
  return { from: sql`"Claim" c`, where: sql`(${text} OR (${join(linked, " AND ")}))` };
}
