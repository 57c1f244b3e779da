import { Prisma } from "../generated/prisma/client.ts";
import type { DbOrTx } from "../db.ts";
import type { Search } from "./search.ts";

const { sql, join } = Prisma;

// A search runs its full-text MATCH once, bounded, and the page, its status
// counts and its ranking all read that one result. The bound is what keeps a
// word found in most of the ledger ("société", "selon des sources") from
// holding the one synchronous SQLite connection: FTS5 walks its index newest
// first and stops after RANKED + 1 claims, and bm25 scores only those.

/** How many of a search's text matches are ranked: the most recent, when more match. */
export const RANKED = 2000;

export interface Matches {
  /** the most recent claims whose text matches, newest first, with their bm25 scores (lower is better), then those linked (0) */
  scores: { id: number; rank: number }[];
  /** more than RANKED claims match the text, or are linked: scores hold the RANKED most recent of each */
  more: boolean;
}

/** How a search's claims are ranked, as the API and the page say it. */
export interface Ranking {
  /** "all": every text match is ranked; "recent": more matched, and the RANKED most recent are ranked */
  scope: "all" | "recent";
  ranked: number;
}

export const rankingOf = (m: Matches): Ranking => ({ scope: m.more ? "recent" : "all", ranked: m.scores.length });


/** The plain words of a search, AND-ed: what a claim linked to the names it holds must match too; null when it is only names. */
const plainWords = (search: Search) => search.groups.filter((g) => !g.entityIds.length).map((g) => g.match).join(" AND ") || null;

/** The claims linked to an entity of each name of the search, when it holds names, whose text has its other words. */
function linkedCondition(search: Search, id: Prisma.Sql): Prisma.Sql | null {
  const named = search.groups.filter((g) => g.entityIds.length);
  if (!named.length) return null;
  const words = plainWords(search);
  return join([
    ...named.map((g) => sql`${id} IN (SELECT claimId FROM ClaimEntity WHERE entityId IN (${join(g.entityIds)}))`),
    ...(words ? [sql`${id} IN (SELECT rowid FROM ClaimSearch WHERE ClaimSearch MATCH ${words})`] : []),
  ], " AND ");
}

/**
 * The search's one MATCH: its most recent RANKED + 1 text matches, scored;
 * then, when it names people or organisations, the most recent RANKED + 1
 * claims linked to them (unscored: they rank after the text matches). A
 * name beside other words runs a second MATCH there, of those words only.
 */
export async function matchText(db: DbOrTx, search: Search): Promise<Matches> {
  // bm25 weights: statement, context, quotes, source titles
  const text = await db.$queryRaw<{ id: bigint | number; rank: number }[]>`
    SELECT rowid AS id, bm25(ClaimSearch, 8.0, 3.0, 2.0, 1.0) AS rank FROM ClaimSearch WHERE ClaimSearch MATCH ${search.all}
    ORDER BY rowid DESC LIMIT ${RANKED + 1}`;
  const links = linkedCondition(search, sql`l.claimId`);
  const linked = links
    ? await db.$queryRaw<{ id: bigint | number }[]>`SELECT DISTINCT l.claimId AS id FROM ClaimEntity l WHERE ${links} ORDER BY l.claimId DESC LIMIT ${RANKED + 1}`
    : [];
  const scores = new Map(text.slice(0, RANKED).map((r) => [Number(r.id), r.rank]));
  for (const r of linked.slice(0, RANKED)) if (!scores.has(Number(r.id))) scores.set(Number(r.id), 0);
  return { scores: [...scores].map(([id, rank]) => ({ id, rank })), more: text.length > RANKED || linked.length > RANKED };
}

/** The matches as a table r(rid, rank), for the queries that read them; bound as one JSON parameter. */
export const matchesTable = (m: Matches) =>
  sql`WITH r(rid, rank) AS MATERIALIZED (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(m.scores.map((s) => [s.id, s.rank]))}))`;

/**
 * The condition on Claim c: it is among the matches in r, or, with `every`,
 * it matches at all (a list sorted otherwise walks past the RANKED, and so
 * does the export): its text matches the whole search, or it is linked to
 * the names the search holds and its text has the other words.
 */
export function matchCondition(search: Search, every: boolean): Prisma.Sql {
  if (!every) return sql`c.id IN (SELECT rid FROM r)`;
  const text = sql`c.id IN (SELECT rowid FROM ClaimSearch WHERE ClaimSearch MATCH ${search.all})`;
  const links = linkedCondition(search, sql`c.id`);
  return links ? sql`(${text} OR (${links}))` : text;
}
