import { Prisma } from "../generated/prisma/client.ts";
import { engineOf, reads, type Db } from "../db.ts";
import type { SearchSql } from "../engine.ts";
import { decodeKeyset, encodeKeyset, type Keyset } from "../pagination.ts";
import { instant } from "../validation.ts";
import { buildSearch, type Search } from "./search.ts";
import { matchSource, matchesTable, matchText, rankingOf, type Matches } from "./search.matches.ts";
import { claimSummaries } from "./claims.reads.ts";
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUSES, type Status } from "./status.ts";
import type { ListQuery, Sort } from "./claims.schema.ts";

const { sql, join, empty } = Prisma;

// Dates are bound as Date objects: the adapter stores and binds them in one
// text format ("…+00:00"), which an ISO string with "Z" would not match.

interface Filtering {
  /** Claim c, or the search's matches in r joined to it */
  from: Prisma.Sql;
  where: Prisma.Sql[];
}

/** The statuses of a `state` filter, as SQL values. */
const inState = (state: NonNullable<ListQuery["state"]>) => join([...(state === "open" ? OPEN_STATUSES : RESOLVED_STATUSES)]);

/**
 * Every filter but status, as SQL conditions on Claim c; values are bound,
 * never spliced. The search reads its matches in r, or with `every` all of
 * its MATCH (see matchSource).
 */
function conditions(s: SearchSql, f: ListQuery, search: Search | null, every: boolean): Filtering {
  const where: Prisma.Sql[] = [];
  if (f.state) where.push(sql`c.status IN (${inState(f.state)})`);
  if (f.entity) where.push(sql`c.id IN (SELECT "claimId" FROM "ClaimEntity" WHERE "entityId" = ${f.entity})`);
  if (f.assignee === "none") where.push(sql`c."assigneeId" IS NULL`);
  else if (typeof f.assignee === "number") where.push(sql`c."assigneeId" = ${f.assignee}`);
  // "me" not read as an account (no one asking) is nobody's
  else if (f.assignee === "me") where.push(sql`1 = 0`);
  if (f.source) where.push(sql`c.id IN (SELECT "claimId" FROM "Evidence" WHERE "sourceId" = ${f.source})`);
  if (f.story) where.push(sql`c.id IN (SELECT "claimId" FROM "StoryClaim" WHERE "storyId" = ${f.story})`);
  if (f.minConfidence !== undefined) where.push(sql`c.confidence >= ${f.minConfidence}`);
  if (f.maxConfidence !== undefined) where.push(sql`c.confidence <= ${f.maxConfidence}`);
  if (f.needsReview) where.push(sql`c."needsReview" = ${true}`);
  if (f.occurredFrom) where.push(sql`c."occurredAt" >= ${f.occurredFrom}`);
  if (f.occurredTo) where.push(sql`c."occurredAt" <= ${f.occurredTo}`);
  // a search of only punctuation or emoji looks for nothing, so it finds nothing (not everything)
  if (f.q && !search) where.push(sql`1 = 0`);
  const source = search ? matchSource(s, search, every) : { from: sql`"Claim" c`, where: null };
  if (source.where) where.push(source.where);
  return { from: source.from, where };
}

/** Rows of a list's query: over a search's matches, as a heavy read (off the request path, under its budget). */
const readRows = <T>(db: Db, q: Prisma.Sql, heavy: boolean): Promise<T[]> => (heavy ? engineOf(db).heavy<T>(q) : reads(db).query<T>(q));

const whereSql = (parts: Prisma.Sql[]) => (parts.length ? sql`WHERE ${join(parts, " AND ")}` : empty);

interface Row {
  id: number | bigint;
  occurredAt: Date | string | null;
  confidence: number | bigint;
  score: number | null;
}

const isNull = (k: unknown) => k === null;
const isNumber = (k: unknown) => typeof k === "number" && Number.isFinite(k);

interface Sorting {
  order: Prisma.Sql;
  /** the order read backwards, for the page before a cursor */
  reverse: Prisma.Sql;
  /** the row's key, for the cursors of the pages after and before it */
  key: (r: Row) => Keyset["key"];
  /** what a cursor's key may be */
  isKey: (k: unknown) => boolean;
  after: (k: Keyset) => Prisma.Sql;
  before: (k: Keyset) => Prisma.Sql;
}

const SORTING: Record<Sort, Sorting> = {
  newest: {
    order: sql`c.id DESC`,
    reverse: sql`c.id ASC`,
    key: () => null,
    isKey: isNull,
    after: (k) => sql`c.id < ${k.id}`,
    before: (k) => sql`c.id > ${k.id}`,
  },
  oldest: {
    order: sql`c.id ASC`,
    reverse: sql`c.id DESC`,
    key: () => null,
    isKey: isNull,
    after: (k) => sql`c.id > ${k.id}`,
    before: (k) => sql`c.id < ${k.id}`,
  },
  occurred: {
    // undated claims last
    order: sql`(c."occurredAt" IS NULL), c."occurredAt", c.id`,
    reverse: sql`(c."occurredAt" IS NULL) DESC, c."occurredAt" DESC, c.id DESC`,
    key: (r) => (r.occurredAt === null ? null : new Date(r.occurredAt).toISOString()),
    isKey: (k) => k === null || (typeof k === "string" && instant(k) !== null),
    after: (k) =>
      k.key === null
        ? sql`(c."occurredAt" IS NULL AND c.id > ${k.id})`
        : sql`(c."occurredAt" > ${new Date(k.key)} OR (c."occurredAt" = ${new Date(k.key)} AND c.id > ${k.id}) OR c."occurredAt" IS NULL)`,
    before: (k) =>
      k.key === null
        ? sql`(c."occurredAt" IS NOT NULL OR c.id < ${k.id})`
        : sql`(c."occurredAt" < ${new Date(k.key)} OR (c."occurredAt" = ${new Date(k.key)} AND c.id < ${k.id}))`,
  },
  confidence: {
    order: sql`c.confidence DESC, c.id DESC`,
    reverse: sql`c.confidence ASC, c.id ASC`,
    key: (r) => Number(r.confidence),
    isKey: isNumber,
    after: (k) => sql`(c.confidence < ${k.key} OR (c.confidence = ${k.key} AND c.id < ${k.id}))`,
    before: (k) => sql`(c.confidence > ${k.key} OR (c.confidence = ${k.key} AND c.id > ${k.id}))`,
  },
  relevance: {
    // bm25 is negative, lower is better; claims found only through an entity link come last
    order: sql`score ASC, c.id ASC`,
    reverse: sql`score DESC, c.id DESC`,
    key: (r) => r.score ?? 0,
    isKey: isNumber,
    after: (k) => sql`(score > ${k.key} OR (score = ${k.key} AND c.id > ${k.id}))`,
    before: (k) => sql`(score < ${k.key} OR (score = ${k.key} AND c.id < ${k.id}))`,
  },
};

/** The sort a list uses: relevance when searching, newest otherwise, unless one is asked for. */
export const sortOf = (f: ListQuery, searching: boolean): Sort =>
  f.sort === "relevance" && !searching ? "newest" : (f.sort ?? (searching ? "relevance" : "newest"));

/** A list's search and its one MATCH, read by the page and by its status counts alike. */
export interface Selection {
  search: Search | null;
  matches: Matches | null;
}

export async function selectClaims(db: Db, f: ListQuery): Promise<Selection> {
  const search = f.q ? await buildSearch(db, f.q) : null;
  return { search, matches: search ? await matchText(db, search) : null };
}

/**
 * A page of claims. Keyset pages both ways: `cursor` is the page after a
 * row, `before` the page before one (the order read backwards, then turned
 * round), so a page can be bookmarked and claims added meanwhile skip or
 * repeat nothing.
 */
export async function listClaims(db: Db, f: ListQuery, selection?: Selection) {
  const { search, matches } = selection ?? (await selectClaims(db, f));
  const sort = sortOf(f, search !== null);
  const s = SORTING[sort];
  const backward = f.before !== undefined;
  const relevance = sort === "relevance" && matches !== null;
  // relevance ranks the matches in r; another sort walks every match when there are more
  const { from, where } = conditions(engineOf(db).search, f, search, !relevance && (matches?.more ?? false));
  if (f.status.length) where.push(sql`c.status IN (${join(f.status)})`);
  const score = relevance ? sql`r.rank` : sql`NULL`;
  const outer = f.cursor ? [s.after(decodeKeyset(f.cursor, sort, s.isKey))] : f.before ? [s.before(decodeKeyset(f.before, sort, s.isKey))] : [];
  // over a search's matches, in the read worker: the main thread serves other requests meanwhile
  const rows = await readRows<Row>(
    db,
    sql`
    ${matches ? matchesTable(engineOf(db).search, matches) : empty}
    SELECT id, "occurredAt", confidence, score FROM (
      SELECT c.id, c."occurredAt", c.confidence, ${score} AS score FROM ${from} ${whereSql(where)}
    ) c ${whereSql(outer)}
    ORDER BY ${backward ? s.reverse : s.order} LIMIT ${f.limit + 1}`,
    matches !== null,
  );
  const more = rows.length > f.limit;
  const pageRows = rows.slice(0, f.limit);
  if (backward) pageRows.reverse();
  const ids = pageRows.map((r) => Number(r.id));
  const cursorAt = (r: Row | undefined) => (r ? encodeKeyset({ sort, key: s.key(r), id: Number(r.id) }) : null);
  return {
    items: await claimSummaries(db, ids),
    // coming back from a later page, that page is still there; going on from an earlier one, so is that
    nextCursor: backward || more ? cursorAt(pageRows[pageRows.length - 1]) : null,
    prevCursor: (backward ? more : f.cursor !== undefined) ? cursorAt(pageRows[0]) : null,
    sort,
    search,
    /** how the page is ranked: null unless sorted by relevance */
    ranking: relevance ? rankingOf(matches) : null,
  };
}

/** The ids the filters match after `afterId`, in id order, `take` at a time (the export's walk); `whole` when nothing is filtered. */
export async function matchingIds(db: Db, f: ListQuery) {
  const search = f.q ? await buildSearch(db, f.q) : null;
  const { where } = conditions(engineOf(db).search, f, search, true);
  if (f.status.length) where.push(sql`c.status IN (${join(f.status)})`);
  const after = async (afterId: number, take: number) =>
    (await db.$queryRaw<{ id: number | bigint }[]>`SELECT c.id FROM "Claim" c ${whereSql([...where, sql`c.id > ${afterId}`])} ORDER BY c.id LIMIT ${take}`).map(
      (r) => Number(r.id),
    );
  return { whole: where.length === 0, after };
}

/**
 * How many claims of each status match the other filters (the index's
 * status tabs); for a search, among its matches in r: when more than
 * RANKED match its text, the counts are of the RANKED most recent (the
 * page says so).
 */
export async function statusCounts(db: Db, f: ListQuery, selection?: Selection): Promise<Record<Status, number>> {
  const { search, matches } = selection ?? (await selectClaims(db, f));
  const { from, where } = conditions(engineOf(db).search, f, search, false);
  // unfiltered, or only by story (and state), the counts kept by triggers answer at once, whatever the ledger's or the story's size
  const kept = !search && (where.length === 0 || (f.story && where.length === (f.state ? 2 : 1)));
  const states = f.state ? sql` AND status IN (${inState(f.state)})` : empty;
  const rows = await readRows<{ status: string; n: number }>(
    db,
    !kept
      ? sql`${matches ? matchesTable(engineOf(db).search, matches) : empty} SELECT c.status, COUNT(*) AS n FROM ${from} ${whereSql(where)} GROUP BY c.status`
      : f.story
        ? sql`SELECT status, SUM(n) AS n FROM "StoryClaimCount" WHERE "storyId" = ${f.story}${states} GROUP BY status`
        : sql`SELECT status, n FROM "ClaimStatusCount"`,
    matches !== null,
  );
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of rows) counts[r.status as Status] = Number(r.n);
  return counts;
}
