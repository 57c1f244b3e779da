import { Prisma } from "../generated/prisma/client.ts";
import { reads, type Db } from "../db.ts";
import { decode } from "../engine.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { decodeKeyset, encodeKeyset } from "../pagination.ts";
import { OPEN_STATUSES, STATUSES, type Status } from "../claims/status.ts";
import { STORY_STATUSES, type StoryListQuery } from "./stories.schema.ts";

const { sql, join, empty } = Prisma;

type StoryRow = Prisma.StoryGetPayload<object>;
export type StatusCounts = Record<Status, number>;

const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

/** Each story's claims by status, in one query for all of them, from the counts the triggers keep (StoryClaimCount). */
export async function storyCounts(db: Db, storyIds: number[]): Promise<Map<number, StatusCounts>> {
  const counts = new Map(storyIds.map((id) => [id, zero()]));
  if (!storyIds.length) return counts;
  const rows = await reads(db).query<{ storyId: number; status: string; n: number | bigint }>(
    sql`SELECT "storyId", status, SUM(n) AS n FROM "StoryClaimCount" WHERE "storyId" IN (${join(storyIds)}) GROUP BY "storyId", status`,
  );
  for (const r of rows) {
    const of = counts.get(Number(r.storyId));
    if (of && Object.hasOwn(of, r.status)) of[r.status as Status] = Number(r.n);
  }
  return counts;
}

/** A story as lists and the API show it: its counts by status, how many claims in all and how many open. */
function withCounts(story: StoryRow, counts: StatusCounts) {
  const claimCount = STATUSES.reduce((n, s) => n + counts[s], 0);
  const openCount = OPEN_STATUSES.reduce((n, s) => n + counts[s], 0);
  return { ...story, counts, claimCount, openCount };
}

const isStatus = (k: unknown) => typeof k === "string" && (STORY_STATUSES as readonly string[]).includes(k);

/** Stories, active first, newest first within each status; keyset pages on (status, id). */
export async function listStories(db: Db, f: StoryListQuery) {
  const where: Prisma.Sql[] = [];
  if (f.status) where.push(sql`status = ${f.status}`);
  if (f.cursor) {
    const k = decodeKeyset(f.cursor, "stories", isStatus);
    where.push(sql`(status > ${k.key} OR (status = ${k.key} AND id < ${k.id}))`);
  }
  const rows = (
    await reads(db).query(
      sql`SELECT * FROM "Story" ${where.length ? sql`WHERE ${join(where, " AND ")}` : empty} ORDER BY status ASC, id DESC LIMIT ${f.limit + 1}`,
    )
  ).map((r) => decode<StoryRow>(r));
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  const counts = await storyCounts(
    db,
    items.map((s) => s.id),
  );
  return {
    items: items.map((s) => withCounts(s, counts.get(s.id)!)),
    nextCursor: rows.length > f.limit && last ? encodeKeyset({ sort: "stories", key: last.status, id: last.id }) : null,
  };
}

/** How many stories there are of each status (the list's tabs). */
export async function storyStatusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await reads(db).all<{ status: string; n: number | bigint }>(`SELECT status, COUNT(*) AS n FROM "Story" GROUP BY status`);
  return Object.fromEntries(STORY_STATUSES.map((s) => [s, Number(rows.find((r) => r.status === s)?.n ?? 0)]));
}

/** One story with its counts by status; a 404 when there is none. */
export async function getStory(db: Db, id: number) {
  const row = await reads(db).get(`SELECT * FROM "Story" WHERE id = ?`, id);
  if (!row) throw new NotFound(msg("Story #{id}", { id: String(id) }));
  const counts = await storyCounts(db, [id]);
  return withCounts(decode<StoryRow>(row), counts.get(id)!);
}

/** The dashboard's active stories, most open claims first: of the 100 newest (a desk works a handful at once), not of them all. */
export async function activeStories(db: Db, take = 10) {
  const { items } = await listStories(db, { status: "active", limit: 100 });
  return items.sort((a, b) => b.openCount - a.openCount || b.id - a.id).slice(0, take);
}

const IN_STORIES = `SELECT s.id, s.title, s.status FROM "StoryClaim" sc JOIN "Story" s ON s.id = sc."storyId" WHERE sc."claimId" = ? ORDER BY s.status, s.id DESC`;
const ACTIVE = `SELECT id, title FROM "Story" WHERE status = 'active' AND id NOT IN (SELECT "storyId" FROM "StoryClaim" WHERE "claimId" = ?) ORDER BY id DESC LIMIT 200`;

/** The stories a claim is in, and the active ones it could be added to (the claim page's box). */
export async function storiesOfClaim(db: Db, claimId: number) {
  const r = reads(db);
  const [stories, choices] = await Promise.all([
    r.all<{ id: number; title: string; status: string }>(IN_STORIES, claimId),
    r.all<{ id: number; title: string }>(ACTIVE, claimId),
  ]);
  return { stories, choices };
}
